package io.gongzhi.audit;

import io.gongzhi.Gongzhi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Someone with the database in hand edits or deletes audit rows: the chain check finds each
 * change (page, API and the {@code verify audit} command), and on PostgreSQL the application
 * cannot make the change in the first place.
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

    boolean postgres() throws Exception {
        try (var c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        }
    }

    /** What an attacker with the database owner's rights does first on PostgreSQL. */
    void asOwner(Runnable change) throws Exception {
        if (postgres()) {
            jdbc.sql("alter table audit_record disable trigger audit_record_append_only").update();
        }
        try {
            change.run();
        } finally {
            if (postgres()) {
                jdbc.sql("alter table audit_record enable trigger audit_record_append_only").update();
            }
        }
    }

    @Test
    void anEditedRowIsFoundAndRestoringItHeals() throws Exception {
        AuditRecord row = audit.record("test.tamper", "test:edit", Outcome.SUCCESS, "original");
        audit.record("test.tamper", "test:after", Outcome.SUCCESS, "");
        assertThat(log.verify().intact()).isTrue();
        long id = idOf(row);

        asOwner(() -> jdbc.sql("update audit_record set detail = 'forged' where id = ?").param(id).update());
        var report = log.verify();
        assertThat(report.problems()).containsExactly(new ChainReport.Problem(row.chain(), row.seq(), id, "edited"));
        var cli = verifyCommand();
        assertThat(cli.code).isEqualTo(1);
        assertThat(cli.out).contains("chain " + row.chain() + " seq " + row.seq() + " (id " + id + "): edited").contains("TAMPERED");

        asOwner(() -> jdbc.sql("update audit_record set detail = 'original' where id = ?").param(id).update());
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

        asOwner(() -> jdbc.sql("delete from audit_record where id = ?").param(middleId).update());
        assertThat(log.verify().problems()).contains(new ChainReport.Problem(middle.chain(), middle.seq(), null, "missing"));
        asOwner(() -> reinsert(saved));
        assertThat(log.verify().intact()).isTrue();

        AuditRecord last = audit.record("test.tamper", "test:last", Outcome.SUCCESS, "");
        long lastId = idOf(last);
        Map<String, Object> savedLast = jdbc.sql("select * from audit_record where id = ?").param(lastId).query().singleRow();
        // audit.verify writes rows itself; make sure nothing is appended to this chain in between
        asOwner(() -> jdbc.sql("delete from audit_record where id = ?").param(lastId).update());
        assertThat(log.verify().problems()).extracting(ChainReport.Problem::kind).contains("truncated");
        asOwner(() -> reinsert(savedLast));
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void onPostgresqlTheApplicationCannotChangeOrDeleteAuditRows() throws Exception {
        Assumptions.assumeTrue(postgres(), "the append-only trigger is PostgreSQL's");
        long id = idOf(audit.record("test.tamper", "test:locked", Outcome.SUCCESS, ""));
        assertThatThrownBy(() -> jdbc.sql("update audit_record set detail = 'x' where id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(((DataAccessException) e).getMostSpecificCause().getMessage()).contains("append-only"));
        assertThatThrownBy(() -> jdbc.sql("delete from audit_record where id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(((DataAccessException) e).getMostSpecificCause().getMessage()).contains("append-only"));
        assertThatThrownBy(() -> jdbc.sql("truncate audit_record").update())
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(((DataAccessException) e).getMostSpecificCause().getMessage()).contains("append-only"));
    }

    long idOf(AuditRecord r) {
        return jdbc.sql("select id from audit_record where chain = ? and seq = ?").params(r.chain(), r.seq()).query(Long.class).single();
    }

    void reinsert(Map<String, Object> row) {
        var columns = String.join(", ", row.keySet());
        var marks = String.join(", ", java.util.Collections.nCopies(row.size(), "?"));
        jdbc.sql("insert into audit_record (" + columns + ") values (" + marks + ")").params(row.values().toArray()).update();
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
