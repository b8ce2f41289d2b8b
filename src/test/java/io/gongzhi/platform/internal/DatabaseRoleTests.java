package io.gongzhi.platform.internal;

import io.gongzhi.Gongzhi;
import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import io.gongzhi.platform.DatabaseOwner;
import io.gongzhi.platform.cli.UnsafeDatabaseRole;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On PostgreSQL the application connects as a role that owns nothing: it cannot switch off the
 * audit log's trigger nor change or remove audit rows; the owner that runs the migrations is
 * stopped by the trigger; a start as the owner is refused; {@code database init} makes the two
 * roles. (On the embedded database there is one user, and these tests are skipped.)
 */
@SpringBootTest
class DatabaseRoleTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    DatabaseOwner owner;
    @Autowired
    Audit audit;

    void assumeTwoRoles() throws Exception {
        try (var c = dataSource.getConnection()) {
            Assumptions.assumeTrue(c.getMetaData().getDatabaseProductName().equals("PostgreSQL"), "PostgreSQL's roles");
        }
        Assumptions.assumeTrue(owner.configured(), "an owner apart from the application's role (GONGZHI_DB_OWNER), as .ci/run sets up");
    }

    long auditRow() {
        audit.record("test.roles", "test:roles", Outcome.SUCCESS, "");
        return jdbc.sql("select max(id) from audit_record where action = 'test.roles'").query(Long.class).single();
    }

    /** The statement fails, and the database's own reason says why. */
    static void refused(Runnable statement, String reason) {
        assertThatThrownBy(statement::run).isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(((DataAccessException) e).getMostSpecificCause().getMessage()).contains(reason));
    }

    @Test
    void theApplicationsRoleOwnsNothingAndCannotChangeTheLog() throws Exception {
        assumeTwoRoles();
        assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("select count(*) from pg_class where relnamespace = current_schema()::regnamespace "
                + "and relowner = (select oid from pg_roles where rolname = current_user)").query(Long.class).single()).isZero();
        long id = auditRow();
        refused(() -> jdbc.sql("alter table audit_record disable trigger audit_record_append_only").update(), "must be owner");
        for (String change : new String[] {"update audit_record set detail = 'x' where id = " + id, "delete from audit_record where id = " + id,
                "truncate audit_record", "update audit_identity set log_id = 'x'", "insert into audit_identity values ('x')"}) {
            refused(() -> jdbc.sql(change).update(), "permission denied");
        }
        assertThat(jdbc.sql("select count(*) from audit_record where id = ?").param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theOwnerIsStoppedByTheTriggerAndTheApplicationWillNotStartAsTheOwner() throws Exception {
        assumeTwoRoles();
        long id = auditRow();
        try (Connection c = owner.connect()) {
            JdbcClient asOwner = JdbcClient.create(new SingleConnectionDataSource(c, true));
            for (String change : new String[] {"update audit_record set detail = 'x' where id = " + id,
                    "delete from audit_record where id = " + id, "truncate audit_record"}) {
                refused(() -> asOwner.sql(change).update(), "append-only");
            }
            var single = new SingleConnectionDataSource(c, true);
            assertThatThrownBy(() -> new DatabaseRoles(JdbcClient.create(single), single, false).afterPropertiesSet())
                    .isInstanceOf(UnsafeDatabaseRole.class).hasMessageContaining("owns the tables");
            // accepted only when asked for
            new DatabaseRoles(JdbcClient.create(single), single, true).afterPropertiesSet();
        }
    }

    @Test
    void databaseInitMakesADatabaseWhoseApplicationRoleCanWriteRowsButNotTables() throws Exception {
        assumeTwoRoles();
        // the server the tests run on, as the configured URL names it
        String configured = owner.url();
        String url = configured.substring(0, configured.indexOf('/', "jdbc:postgresql://".length()));
        String admin = System.getenv().getOrDefault("PGUSER", "postgres");
        String name = "gz_init_" + Long.toString(System.nanoTime(), 36);
        try (var probe = DriverManager.getConnection(url + "/postgres", admin, System.getenv("PGPASSWORD"))) {
            Assumptions.assumeTrue(probe.isValid(2), "an administrator to create databases with");
        } catch (java.sql.SQLException none) {
            Assumptions.abort("no administrator at " + url + ": " + none.getMessage());
        }
        var out = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        int code;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            code = Gongzhi.execute("database", "init", "--server", url + "/postgres", "--admin", admin, "--database", name);
        } finally {
            System.setOut(previous);
        }
        try {
            assertThat(code).isZero();
            Map<String, String> settings = new HashMap<>();
            for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("GONGZHI_DB_")) {
                    settings.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1).strip());
                }
            }
            assertThat(settings).containsKeys("GONGZHI_DB_URL", "GONGZHI_DB_USER", "GONGZHI_DB_PASSWORD", "GONGZHI_DB_OWNER", "GONGZHI_DB_OWNER_PASSWORD");
            try (var asOwner = DriverManager.getConnection(settings.get("GONGZHI_DB_URL"), settings.get("GONGZHI_DB_OWNER"),
                    settings.get("GONGZHI_DB_OWNER_PASSWORD")); var s = asOwner.createStatement()) {
                s.execute("create table probe (id int)");
            }
            try (var asApp = DriverManager.getConnection(settings.get("GONGZHI_DB_URL"), settings.get("GONGZHI_DB_USER"),
                    settings.get("GONGZHI_DB_PASSWORD")); var s = asApp.createStatement()) {
                s.execute("insert into probe values (1)");
                assertThatThrownBy(() -> s.execute("create table mine (id int)")).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> s.execute("drop table probe")).hasMessageContaining("must be owner");
            }
            assertThat(Gongzhi.execute("database", "init", "--server", url + "/postgres", "--admin", admin, "--database", "Robert'); drop"))
                    .as("a name that is not an identifier is refused").isEqualTo(2);
        } finally {
            try (var c = DriverManager.getConnection(url + "/postgres", admin, System.getenv("PGPASSWORD")); var s = c.createStatement()) {
                s.execute("drop database if exists " + name + " with (force)");
                s.execute("drop role if exists " + name + "_app");
                s.execute("drop role if exists " + name + "_owner");
            }
        }
    }
}
