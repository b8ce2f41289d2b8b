package io.gongzhi.bench;

import io.gongzhi.casework.CaseAction;
import io.gongzhi.casework.Cases;
import io.gongzhi.casework.Channel;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.RegionPath;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Complete case lifecycles through the service, as the pages and the API take them: report →
 * accept → dispatch → receive → feedback → close, each step its own transaction with its
 * timeline row, audit row and events. Reports are spread over the communities of one
 * sub-district. The score is closed cases per second (16 threads, a node's request threads);
 * in sample mode, the time of one whole lifecycle (six steps).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Threads(16)
public class CaseLoopBenchmark {

    static final List<String> COMMUNITIES = List.of("510107005001", "510107005002", "510107005004");

    ConfigurableApplicationContext context;
    Cases cases;
    Actor reporter;
    Actor dispatcher;
    Actor department;
    Actor verifier;

    @Setup
    public void setUp() {
        String url = System.getProperty("gongzhi.bench.db");
        context = BenchApplication.start(url, "--spring.datasource.hikari.maximum-pool-size=16", "--gongzhi.admin-password=Bench-Passw0rd#1");
        cases = context.getBean(Cases.class);
        var subdistrict = Jurisdiction.of(RegionPath.of("/5101/510107/510107005"));
        reporter = new Actor(1L, "bench-grid", Set.of("GRID_WORKER"), Set.of("case.report", "case.read"), subdistrict);
        dispatcher = new Actor(2L, "bench-dispatcher", Set.of("SUBDISTRICT_DISPATCHER"), Set.of("case.read", "case.dispatch"), subdistrict);
        department = new Actor(3L, "bench-department", Set.of("DEPARTMENT_STAFF"), Set.of("case.read", "case.handle"),
                new Jurisdiction(Set.of(RegionPath.of("/5101")), Set.of("city-management")));
        verifier = new Actor(4L, "bench-community", Set.of("COMMUNITY_WORKER"), Set.of("case.read", "case.verify"), subdistrict);
    }

    @TearDown
    public void tearDown() {
        context.close();
    }

    @Benchmark
    @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
    public Object lifecycle() {
        String place = COMMUNITIES.get(ThreadLocalRandom.current().nextInt(COMMUNITIES.size()));
        long id = cases.report(new Cases.Report("E0101", "垃圾未清运", null, null, place, "", Channel.GRID, ""), reporter).id();
        cases.act(id, Cases.Command.of(CaseAction.ACCEPT, ""), dispatcher);
        cases.act(id, new Cases.Command(CaseAction.DISPATCH, "", "city-management", List.of(), null, null, null, null, null, null), dispatcher);
        cases.act(id, Cases.Command.of(CaseAction.RECEIVE, ""), department);
        cases.act(id, Cases.Command.of(CaseAction.FEEDBACK, "已清运"), department);
        return cases.act(id, Cases.Command.of(CaseAction.CLOSE, ""), verifier);
    }
}
