package io.gongzhi.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.gongzhi.casework.CaseAction;
import io.gongzhi.casework.Cases;
import io.gongzhi.casework.Channel;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.RegionPath;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.common.engine.impl.persistence.StrongUuidGenerator;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Complete case lifecycles, ours against Flowable's, on the same PostgreSQL database in the
 * same run. Ours go through the service as the pages and the API take them: report → accept →
 * dispatch → receive → feedback → close, each step its own transaction with its timeline row,
 * audit row and events. Flowable's run the same six steps as a BPMN process with five user
 * tasks (candidate groups for the dispatcher, the department and the community; the case's
 * facts as process variables; history at the "audit" level, its equivalent of our timeline),
 * each step finding its task by process instance and completing it, as an application on
 * Flowable does. The score is closed cases per second with 200 callers at once (Tomcat's
 * request threads on one node; {@code -t 16} gives the lighter load of earlier tables); in
 * sample mode, the time of one whole lifecycle.
 */
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 15)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Threads(200)
public class CaseLoopBenchmark {

    static final List<String> COMMUNITIES = List.of("510107005001", "510107005002", "510107005004");

    static String place() {
        return COMMUNITIES.get(ThreadLocalRandom.current().nextInt(COMMUNITIES.size()));
    }

    /** The application on the benchmark's database. */
    @State(Scope.Benchmark)
    public static class Ours {
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
    }

    /** Flowable 7 with its own pool of connections to the same database (its tables beside ours). */
    @State(Scope.Benchmark)
    public static class Peer {
        HikariDataSource pool;
        ProcessEngine engine;
        RuntimeService runtime;
        TaskService tasks;

        @Setup
        public void setUp() {
            pool = new HikariDataSource();
            pool.setJdbcUrl(System.getProperty("gongzhi.bench.db"));
            pool.setUsername("postgres");
            // 64, within the server's 100 connections (ours hold 16 and two writers'); callers beyond them wait
            // for one, as ours wait for theirs
            pool.setMaximumPoolSize(64);
            // a caller may wait a long time for one of them under 200 callers (the pool is not first come,
            // first served): it waits rather than failing the lifecycle
            pool.setConnectionTimeout(TimeUnit.MINUTES.toMillis(10));
            var config = new StandaloneProcessEngineConfiguration();
            config.setDataSource(pool);
            // ids made in the JVM, as Flowable advises under concurrency: its default database id generator
            // takes a second connection per block of ids, which deadlocks a pool smaller than twice the callers
            config.setIdGenerator(new StrongUuidGenerator());
            config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
            config.setAsyncExecutorActivate(false);
            config.setHistoryLevel(HistoryLevel.AUDIT);
            engine = config.buildProcessEngine();
            engine.getRepositoryService().createDeployment().addString("case.bpmn20.xml", PROCESS).deploy();
            runtime = engine.getRuntimeService();
            tasks = engine.getTaskService();
        }

        @TearDown
        public void tearDown() {
            engine.close();
            pool.close();
        }

        void complete(String instance, Map<String, Object> variables) {
            var task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
            tasks.complete(task.getId(), variables);
        }
    }

    @Benchmark
    @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
    public Object lifecycle(Ours s) {
        var walk = new Walk();
        Object closed = null;
        for (int i = 0; i < 6; i++) {
            closed = step(s, walk);
        }
        return closed;
    }

    /** Where one caller is in its own case's lifecycle, for timing single steps. */
    @State(Scope.Thread)
    public static class Walk {
        long caseId;
        int next;
    }

    /**
     * One step of the same lifecycle per call, each caller walking its own cases through it: the
     * time a person waits for a step, under the same load (sample mode gives its percentiles).
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object step(Ours s, Walk w) {
        Object answer = switch (w.next) {
            case 0 -> {
                var c = s.cases.report(new Cases.Report("E0101", "垃圾未清运", null, null, place(), "", Channel.GRID, ""), s.reporter);
                w.caseId = c.id();
                yield c;
            }
            case 1 -> s.cases.act(w.caseId, Cases.Command.of(CaseAction.ACCEPT, ""), s.dispatcher);
            case 2 -> s.cases.act(w.caseId, new Cases.Command(CaseAction.DISPATCH, "", "city-management", List.of(), null, null, null, null,
                    null, null), s.dispatcher);
            case 3 -> s.cases.act(w.caseId, Cases.Command.of(CaseAction.RECEIVE, ""), s.department);
            case 4 -> s.cases.act(w.caseId, Cases.Command.of(CaseAction.FEEDBACK, "已清运"), s.department);
            default -> s.cases.act(w.caseId, Cases.Command.of(CaseAction.CLOSE, ""), s.verifier);
        };
        w.next = (w.next + 1) % 6;
        return answer;
    }

    @Benchmark
    @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
    public Object flowable(Peer p) {
        String instance = p.runtime.startProcessInstanceByKey("caseLoop", Map.of("category", "E0101", "description", "垃圾未清运",
                "place", place(), "channel", "GRID", "reporter", "bench-grid")).getId();
        p.complete(instance, Map.of("acceptedBy", "bench-dispatcher"));
        p.complete(instance, Map.of("department", "city-management"));
        p.complete(instance, Map.of("receivedBy", "bench-department"));
        p.complete(instance, Map.of("feedback", "已清运"));
        p.complete(instance, Map.of("closedBy", "bench-community"));
        return instance;
    }

    static final String PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                         targetNamespace="io.gongzhi.bench">
              <process id="caseLoop" name="case loop" isExecutable="true">
                <startEvent id="reported"/>
                <sequenceFlow id="f1" sourceRef="reported" targetRef="accept"/>
                <userTask id="accept" name="accept" flowable:candidateGroups="dispatcher"/>
                <sequenceFlow id="f2" sourceRef="accept" targetRef="dispatch"/>
                <userTask id="dispatch" name="dispatch" flowable:candidateGroups="dispatcher"/>
                <sequenceFlow id="f3" sourceRef="dispatch" targetRef="receive"/>
                <userTask id="receive" name="receive" flowable:candidateGroups="${department}"/>
                <sequenceFlow id="f4" sourceRef="receive" targetRef="feedback"/>
                <userTask id="feedback" name="feedback" flowable:candidateGroups="${department}"/>
                <sequenceFlow id="f5" sourceRef="feedback" targetRef="verify"/>
                <userTask id="verify" name="verify and close" flowable:candidateGroups="community"/>
                <sequenceFlow id="f6" sourceRef="verify" targetRef="closed"/>
                <endEvent id="closed"/>
              </process>
            </definitions>
            """;
}
