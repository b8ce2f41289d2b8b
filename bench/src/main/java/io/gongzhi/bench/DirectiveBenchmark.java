package io.gongzhi.bench;

import io.gongzhi.emergency.internal.DirectiveProgress;
import io.gongzhi.emergency.internal.Directives;
import io.gongzhi.emergency.internal.SilenceEscalation;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.RegionPath;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The command chain at the whole generated Chengdu's scale (bench/emergency.sh: ~198,000 compounds
 * and the ~25,000 units above them in a scratch PostgreSQL database), one call at a time:
 * <ul>
 *   <li>{@code cascade}: the city issues a directive to every unit down to the compounds through
 *       {@link Directives#issue}, and the last compound's contact finds it in its inbox;</li>
 *   <li>{@code peer}: the same recipient rows written by one plain {@code INSERT … SELECT} from the
 *       hierarchy's table, with the directive's row, in one transaction;</li>
 *   <li>{@code sweep}: {@link SilenceEscalation#sweep} over such a directive with one unit in ten
 *       silent past its deadline, raising each to its parent place (the events it publishes
 *       included; the notices they lead to are sent afterwards and waited for between calls).</li>
 * </ul>
 * Each call's directive is deleted after it and the table vacuumed, so every call starts alike.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 6)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class DirectiveBenchmark {

    static final Actor CITY = new Actor(null, "bench-city", Set.of("CITY_COMMITTEE"), Set.of("directive.issue", "emergency.read"),
            Jurisdiction.of(RegionPath.of("/5101")));

    ConfigurableApplicationContext context;
    Directives directives;
    DirectiveProgress progress;
    SilenceEscalation escalation;
    JdbcClient jdbc;
    TransactionTemplate transactions;
    Actor lastCompound;
    long silentDirective;

    @Setup
    public void setUp() {
        context = BenchApplication.start(System.getProperty("gongzhi.bench.db"), "--gongzhi.admin-password=Bench-Passw0rd#1",
                "--gongzhi.emergency.escalation-check=PT24H");
        directives = context.getBean(Directives.class);
        progress = context.getBean(DirectiveProgress.class);
        escalation = context.getBean(SilenceEscalation.class);
        jdbc = context.getBean(JdbcClient.class);
        transactions = context.getBean(TransactionTemplate.class);
        String path = jdbc.sql("select path from geography_unit where level = 'COMPOUND' and valid_to is null order by path desc limit 1")
                .query(String.class).single();
        lastCompound = new Actor(null, "bench-compound", Set.of("COMPOUND_CONTACT"), Set.of("directive.acknowledge", "emergency.read"),
                Jurisdiction.of(RegionPath.of(path)));
        clean();
    }

    @TearDown
    public void tearDown() {
        clean();
        context.close();
    }

    /** Between calls: no directive left, the table vacuumed, nothing still reacting to the last call's events. */
    @TearDown(Level.Iteration)
    public void clean() {
        Instant until = Instant.now().plus(Duration.ofMinutes(10));
        while (jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single() > 0
                && Instant.now().isBefore(until)) {
            sleep(500);
        }
        jdbc.sql("delete from emergency_recipient").update();
        jdbc.sql("delete from emergency_directive").update();
        jdbc.sql("vacuum analyze emergency_recipient").update();
        jdbc.sql("vacuum analyze emergency_directive").update();
    }

    @Benchmark
    public long cascade() {
        var d = directives.issue(new Directives.Issue("5101", null, "全市小区实行封闭管理", "各小区只保留一个出入口，进出人员测温、登记", 2, null), CITY);
        if (progress.inbox(lastCompound, 50).stream().noneMatch(i -> i.directive().id() == d.id())) {
            throw new IllegalStateException("the last compound does not see the directive");
        }
        return d.recipients();
    }

    @Benchmark
    public long peer() {
        return transactions.execute(s -> {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into emergency_directive (issuer_unit, issuer_path, down_to, title, body, ack_due, issued_by, issued_at, recipients)
                    values ('5101', '/5101', 'COMPOUND', '对照', '对照', ?, 'bench', ?, 0)""")
                    .params(Timestamp.from(Instant.now().plusSeconds(7200)), Timestamp.from(Instant.now())).update(keys, "id");
            long id = keys.getKey().longValue();
            return (long) jdbc.sql("""
                    insert into emergency_recipient (directive_id, unit_code, path, depth, seg2, seg3, seg4, seg5)
                    select ?, code, path, length(path) - length(replace(path, '/', '')),
                           nullif(split_part(path, '/', 3), ''), nullif(split_part(path, '/', 4), ''),
                           nullif(split_part(path, '/', 5), ''), nullif(split_part(path, '/', 6), '')
                      from geography_unit
                     where path like '/5101/%' and valid_to is null and level in ('DISTRICT', 'SUBDISTRICT', 'COMMUNITY', 'GRID', 'COMPOUND')""")
                    .param(id).update();
        });
    }

    /** A directive to the whole city with one unit in ten silent past its deadline, before each sweep. */
    @State(Scope.Benchmark)
    public static class Silent {
        long directive;

        @Setup(Level.Invocation)
        public void prepare(DirectiveBenchmark b) {
            b.clean();
            var d = b.directives.issue(new Directives.Issue("5101", null, "逐级上报", "各小区签收", 1, null), CITY);
            b.jdbc.sql("update emergency_recipient set acknowledged_at = ?, acknowledged_by = 'bench' where directive_id = ? and mod(abs(hashtext(unit_code)), 10) <> 0")
                    .params(Timestamp.from(Instant.now()), d.id()).update();
            b.jdbc.sql("update emergency_directive set ack_due = ? where id = ?").params(Timestamp.from(Instant.now().minusSeconds(60)), d.id()).update();
            b.jdbc.sql("vacuum analyze emergency_recipient").update();
            directive = d.id();
        }
    }

    @Benchmark
    public int sweep(Silent silent) {
        int raised = escalation.sweep(Instant.now());
        if (raised == 0) {
            throw new IllegalStateException("nothing raised for directive " + silent.directive);
        }
        return raised;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
