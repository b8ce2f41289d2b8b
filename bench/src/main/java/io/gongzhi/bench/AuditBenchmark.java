package io.gongzhi.bench;

import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * What the hash chain costs a write: one transaction that writes one audit row, from 16
 * threads (a node's request threads), on the database given by {@code -Dgongzhi.bench.db}
 * (bench/audit.sh creates a scratch PostgreSQL database):
 * <ul>
 *   <li>{@code chained}: the production {@link Audit#record}, which locks one of the chains'
 *       heads, hashes and appends;</li>
 *   <li>{@code plain}: the peer, the same row inserted into an unchained copy of the table (same
 *       keys and indexes) in the same kind of transaction.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Threads(16)
public class AuditBenchmark {

    ConfigurableApplicationContext context;
    Audit audit;
    TransactionTemplate transactions;
    JdbcClient jdbc;

    @Setup
    public void setUp() {
        String url = System.getProperty("gongzhi.bench.db");
        context = BenchApplication.start(url, "--spring.datasource.hikari.maximum-pool-size=16", "--gongzhi.admin-password=Bench-Passw0rd#1");
        audit = context.getBean(Audit.class);
        transactions = context.getBean(TransactionTemplate.class);
        jdbc = context.getBean(JdbcClient.class);
        // the peer table has the same columns, keys and indexes as audit_record (not its trigger)
        jdbc.sql("create table if not exists bench_plain_audit (like audit_record including all)").update();
    }

    @TearDown
    public void tearDown() {
        context.close();
    }

    @Benchmark
    public Object chained() {
        return transactions.execute(s -> audit.record("case.dispatch", "case:" + ThreadLocalRandom.current().nextInt(1_000_000),
                Outcome.SUCCESS, "to city-management"));
    }

    @Benchmark
    public Object plain() {
        return transactions.execute(s -> jdbc.sql("""
                        insert into bench_plain_audit (chain, seq, at, account, account_id, roles, jurisdiction, action, object,
                               outcome, client, detail, prev_hash, hash)
                        values (0, ?, ?, 'system', null, '', '', 'case.dispatch', ?, 'SUCCESS', 'console', 'to city-management', ?, ?)""")
                .params(ThreadLocalRandom.current().nextLong(), Timestamp.from(Instant.now()),
                        "case:" + ThreadLocalRandom.current().nextInt(1_000_000), "0".repeat(64), "1".repeat(64))
                .update());
    }
}
