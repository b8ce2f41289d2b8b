package io.gongzhi.casework.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Steps that share a commit behave exactly as if each had its own transaction. */
class GroupCommitTests {

    DriverManagerDataSource db;
    JdbcClient jdbc;
    DataSourceTransactionManager transactions;
    GroupCommit groupCommit;
    ExecutorService callers;

    @BeforeEach
    void setUp() {
        db = new DriverManagerDataSource("jdbc:h2:mem:group" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        jdbc = JdbcClient.create(db);
        jdbc.sql("create table step (id int primary key, who varchar(40))").update();
        transactions = new DataSourceTransactionManager(db);
        groupCommit = new GroupCommit(transactions, 2, 16);
        groupCommit.start();
        callers = Executors.newFixedThreadPool(24);
    }

    @AfterEach
    void tearDown() {
        callers.shutdownNow();
        groupCommit.stop();
        jdbc.sql("shutdown").update();
    }

    private int insert(int id) {
        return groupCommit.run(() -> {
            jdbc.sql("insert into step (id, who) values (?, ?)").params(id, SecurityContextHolder.getContext().getAuthentication() == null
                    ? "nobody" : SecurityContextHolder.getContext().getAuthentication().getName()).update();
            if (id % 7 == 0) {
                throw new IllegalArgumentException("step " + id + " refused");
            }
            return id;
        });
    }

    @Test
    void everyCallerGetsItsOwnAnswerAndOnlyTheRefusedStepsLeaveNothing() throws Exception {
        var start = new CountDownLatch(1);
        Map<Integer, Future<Integer>> answers = new ConcurrentHashMap<>();
        for (int i = 1; i <= 200; i++) {
            int id = i;
            answers.put(id, callers.submit(() -> {
                SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("caller-" + id, "x"));
                start.await();
                return insert(id);
            }));
        }
        start.countDown();
        var refused = new ArrayList<Integer>();
        for (var e : answers.entrySet()) {
            try {
                assertThat(e.getValue().get()).isEqualTo(e.getKey());
            } catch (java.util.concurrent.ExecutionException failed) {
                assertThat(failed.getCause()).isInstanceOf(IllegalArgumentException.class).hasMessage("step " + e.getKey() + " refused");
                refused.add(e.getKey());
            }
        }
        assertThat(refused).hasSize(28).allMatch(id -> id % 7 == 0);
        List<Integer> written = jdbc.sql("select id from step order by id").query(Integer.class).list();
        assertThat(written).hasSize(172).noneMatch(id -> id % 7 == 0);
        assertThat(jdbc.sql("select count(*) from step where who = 'caller-' || id").query(Integer.class).single())
                .as("each step ran as its own caller").isEqualTo(172);
    }

    @Test
    void theAnswerComesAfterTheCommitAndALostStepCanBeRetried() {
        assertThat(insert(1)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from step").query(Integer.class).single()).as("committed before answering").isEqualTo(1);
        assertThatThrownBy(() -> insert(1)).isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThatThrownBy(() -> insert(14)).isInstanceOf(IllegalArgumentException.class);
        assertThat(insert(15)).isEqualTo(15);
        assertThat(jdbc.sql("select id from step order by id").query(Integer.class).list()).containsExactly(1, 15);
    }

    @Test
    void insideATransactionAStepJoinsIt() {
        var template = new TransactionTemplate(transactions);
        template.executeWithoutResult(status -> {
            insert(3);
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("select count(*) from step").query(Integer.class).single()).isZero();
    }

    @Test
    void aWriteRefusedAtTheCommitRefusesItsOwnStepOnlyAndTheOthersAreKept() {
        var works = new ArrayList<GroupCommit.Work<Integer>>();
        for (int i = 1; i <= 12; i++) {
            int id = i;
            works.add(new GroupCommit.Work<>(null, () -> {
                jdbc.sql("insert into step (id, who) values (?, 'now')").params(id).update();
                assertThat(GroupCommit.inBatch()).as("a step in a batch").isTrue();
                Object step = GroupCommit.currentStep();
                io.gongzhi.shared.BeforeCommit.<Object[]>rows("late", rows -> {
                    for (Object[] row : rows) {
                        if ((int) row[0] == 5) {
                            throw new LateRefusal(row[1], new IllegalStateException("step 5 changed meanwhile"));
                        }
                        jdbc.sql("insert into step (id, who) values (?, 'late')").params(100 + (int) row[0]).update();
                    }
                }).add(new Object[]{id, step});
                return id;
            }));
        }
        var results = groupCommit.runEach(works);
        assertThat(results.get(4).failure()).isInstanceOf(IllegalStateException.class).hasMessage("step 5 changed meanwhile");
        assertThat(results).filteredOn(r -> r.failure() == null).extracting(GroupCommit.Result::value)
                .containsExactly(1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12);
        assertThat(jdbc.sql("select id from step order by id").query(Integer.class).list()).as("the refused step left nothing")
                .containsExactly(1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 101, 102, 103, 104, 106, 107, 108, 109, 110, 111, 112);
        assertThat(GroupCommit.inBatch()).as("outside a batch").isFalse();
    }
}
