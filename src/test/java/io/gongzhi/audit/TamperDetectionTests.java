package io.gongzhi.audit;

import io.gongzhi.Gongzhi;
import io.gongzhi.platform.DatabaseOwner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone with the database in hand edits or deletes audit rows: the chain check finds each
 * change (page, API and the {@code verify audit} command), names a deleted row's id, cannot be
 * fooled by computing the chain again without the key, and a checkpoint written outside the
 * database finds rows deleted at the end with the heads moved back. On PostgreSQL the
 * application's role cannot make the change in the first place (see DatabaseRoleTests).
 */
@SpringBootTest
class TamperDetectionTests {

    @Autowired
    Audit audit;
    @Autowired
    AuditLog log;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    DatabaseOwner owner;
    @Autowired
    PlatformTransactionManager transactionManager;

    boolean postgres() throws Exception {
        try (var c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        }
    }

    /** What an attacker with the database owner's rights does: on PostgreSQL first switch the trigger off. */
    void asOwner(java.util.function.Consumer<JdbcClient> change) throws Exception {
        try (Connection c = owner.connect()) {
            c.setAutoCommit(true);
            JdbcClient ownerJdbc = JdbcClient.create(new SingleConnectionDataSource(c, true));
            if (postgres()) {
                ownerJdbc.sql("alter table audit_record disable trigger audit_record_append_only").update();
            }
            try {
                change.accept(ownerJdbc);
            } finally {
                if (postgres()) {
                    ownerJdbc.sql("alter table audit_record enable trigger audit_record_append_only").update();
                }
            }
        }
    }

    @Test
    void anEditedRowIsFoundAndRestoringItHeals() throws Exception {
        AuditRecord row = audit.record("test.tamper", "test:edit", Outcome.SUCCESS, "original");
        audit.record("test.tamper", "test:after", Outcome.SUCCESS, "");
        assertThat(log.verify().intact()).isTrue();
        long id = idOf(row);

        asOwner(j -> j.sql("update audit_record set detail = 'forged' where id = ?").param(id).update());
        var report = log.verify();
        assertThat(report.problems()).containsExactly(new ChainReport.Problem(row.chain(), row.seq(), id, "edited"));
        var cli = verifyCommand();
        assertThat(cli.code).isEqualTo(1);
        assertThat(cli.out).contains("chain " + row.chain() + " seq " + row.seq() + " (id " + id + "): edited").contains("TAMPERED");

        asOwner(j -> j.sql("update audit_record set detail = 'original' where id = ?").param(id).update());
        assertThat(log.verify().intact()).isTrue();
        assertThat(verifyCommand().code).isZero();
    }

    @Test
    void aDeletedRowInTheMiddleOrAtTheEndIsFound() throws Exception {
        AuditRecord middle = audit.record("test.tamper", "test:middle", Outcome.SUCCESS, "");
        // the following rows go to the same chain only by chance; write until one does
        AuditRecord later;
        do {
            later = audit.record("test.tamper", "test:later", Outcome.SUCCESS, "");
        } while (later.chain() != middle.chain());
        long middleId = idOf(middle);
        Map<String, Object> saved = jdbc.sql("select * from audit_record where id = ?").param(middleId).query().singleRow();

        asOwner(j -> j.sql("delete from audit_record where id = ?").param(middleId).update());
        assertThat(log.verify().problems()).as("the row after it names the deleted row")
                .contains(new ChainReport.Problem(middle.chain(), middle.seq(), middleId, "missing"));
        var cli = verifyCommand();
        assertThat(cli.code).isEqualTo(1);
        assertThat(cli.out).contains("chain " + middle.chain() + " seq " + middle.seq() + " (id " + middleId + "): missing");
        asOwner(j -> reinsert(j, saved));
        assertThat(log.verify().intact()).isTrue();

        AuditRecord last = audit.record("test.tamper", "test:last", Outcome.SUCCESS, "");
        long lastId = idOf(last);
        Map<String, Object> savedLast = jdbc.sql("select * from audit_record where id = ?").param(lastId).query().singleRow();
        // audit.verify writes rows itself; make sure nothing is appended to this chain in between
        asOwner(j -> j.sql("delete from audit_record where id = ?").param(lastId).update());
        assertThat(log.verify().problems()).contains(new ChainReport.Problem(last.chain(), last.seq(), lastId, "truncated"));
        asOwner(j -> reinsert(j, savedLast));
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void aForgerWhoComputesTheChainAgainWithoutTheKeyIsFound() throws Exception {
        AuditRecord row = audit.record("test.tamper", "test:forge", Outcome.SUCCESS, "original");
        long id = idOf(row);
        assertThat(row.keyed()).isTrue();
        // edit the row and give it, and every later row of its chain, the plain SHA-256 chain anyone can compute
        var saved = jdbc.sql("select id, detail, prev_hash, hash from audit_record where chain = ? and seq >= ? order by seq")
                .params(row.chain(), row.seq()).query().listOfRows();
        var head = jdbc.sql("select seq, hash from audit_chain where chain = ?").param(row.chain()).query().singleRow();
        asOwner(j -> {
            String prev = row.prevHash();
            for (var r : jdbc.sql("select * from audit_record where chain = ? and seq >= ? order by seq").params(row.chain(), row.seq())
                    .query(io.gongzhi.audit.internal.AuditStore.ROW).list()) {
                String detail = r.id() == id ? "forged" : r.detail();
                String hash = io.gongzhi.audit.internal.ChainHash.of(prev, r.chain(), r.seq(), r.at(), r.account(), r.accountId(), r.roles(),
                        r.jurisdiction(), r.action(), r.object(), r.outcome().name(), r.client(), detail);
                j.sql("update audit_record set detail = ?, prev_hash = ?, hash = ? where id = ?").params(detail, prev, hash, r.id()).update();
                prev = hash;
            }
            j.sql("update audit_chain set hash = ? where chain = ?").params(prev, row.chain()).update();
        });
        assertThat(verifyAwayFrom(row.chain()).problems()).contains(new ChainReport.Problem(row.chain(), row.seq(), id, "edited"));
        asOwner(j -> {
            for (var r : saved) {
                j.sql("update audit_record set detail = ?, prev_hash = ?, hash = ? where id = ?")
                        .params(r.get("detail"), r.get("prev_hash"), r.get("hash"), r.get("id")).update();
            }
            j.sql("update audit_chain set hash = ? where chain = ?").params(head.get("hash"), row.chain()).update();
        });
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void rowsDeletedAtTheEndWithTheHeadMovedBackAreFoundByAnEarlierCheckpoint() throws Exception {
        AuditRecord before = audit.record("test.tamper", "test:before", Outcome.SUCCESS, "");
        AuditRecord last;
        do {
            last = audit.record("test.tamper", "test:newest", Outcome.SUCCESS, "");
        } while (last.chain() != before.chain());
        String line = log.checkpoint();
        assertThat(line).startsWith("gongzhi-audit-checkpoint v1 ");
        long lastId = idOf(last);
        AuditRecord newest = last;
        Map<String, Object> saved = jdbc.sql("select * from audit_record where id = ?").param(lastId).query().singleRow();
        var head = jdbc.sql("select seq, hash, last_id from audit_chain where chain = ?").param(last.chain()).query().singleRow();
        // the newest row goes and the head is moved back to the row before: the chains alone check out
        var previous = jdbc.sql("select id, hash from audit_record where chain = ? and seq = ?").params(last.chain(), last.seq() - 1).query().singleRow();
        asOwner(j -> {
            j.sql("delete from audit_record where id = ?").param(lastId).update();
            j.sql("update audit_chain set seq = ?, hash = ?, last_id = ? where chain = ?")
                    .params(newest.seq() - 1, previous.get("hash"), previous.get("id"), newest.chain()).update();
        });
        var report = verifyAwayFrom(newest.chain());
        assertThat(report.problems()).extracting(ChainReport.Problem::kind).noneMatch(k -> k.equals("missing") || k.equals("truncated"));
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.chain()).isEqualTo(newest.chain());
            assertThat(p.seq()).isEqualTo(newest.seq());
            assertThat(p.kind()).isEqualTo("behind-checkpoint");
            assertThat(p.checkpoint()).isNotNull();
        });
        assertThat(report.checkpoints()).isPositive();
        asOwner(j -> {
            reinsert(j, saved);
            j.sql("update audit_chain set seq = ?, hash = ?, last_id = ? where chain = ?")
                    .params(head.get("seq"), head.get("hash"), head.get("last_id"), newest.chain()).update();
        });
        assertThat(log.verify().intact()).isTrue();
    }

    /**
     * The check while a chain's head is forged or moved back: its own audit row goes to another
     * chain, or it would be appended to the forged head (1 time in 32) and the chain could not be
     * put back as it was.
     */
    ChainReport verifyAwayFrom(int chain) {
        long head = jdbc.sql("select seq from audit_chain where chain = ?").param(chain).query(Long.class).single();
        var report = new TransactionTemplate(transactionManager).execute(status -> {
            TransactionSynchronizationManager.bindResource(Audit.CHAIN_KEY, (chain + 1) % io.gongzhi.audit.internal.AuditStore.CHAINS);
            try {
                return log.verify();
            } finally {
                TransactionSynchronizationManager.unbindResource(Audit.CHAIN_KEY);
            }
        });
        assertThat(jdbc.sql("select seq from audit_chain where chain = ?").param(chain).query(Long.class).single())
                .as("the check's own row went to another chain").isEqualTo(head);
        return report;
    }

    long idOf(AuditRecord r) {
        return jdbc.sql("select id from audit_record where chain = ? and seq = ?").params(r.chain(), r.seq()).query(Long.class).single();
    }

    static void reinsert(JdbcClient j, Map<String, Object> row) {
        var columns = String.join(", ", row.keySet());
        var marks = String.join(", ", java.util.Collections.nCopies(row.size(), "?"));
        j.sql("insert into audit_record (" + columns + ") values (" + marks + ")").params(row.values().toArray()).update();
    }

    record Run(int code, String out) {
    }

    static Run verifyCommand() {
        var out = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = Gongzhi.execute("verify", "audit");
            return new Run(code, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(previous);
        }
    }
}
