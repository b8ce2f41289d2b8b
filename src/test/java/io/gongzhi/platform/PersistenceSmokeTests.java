package io.gongzhi.platform;

import io.gongzhi.identity.internal.AccountForm;
import io.gongzhi.identity.Accounts;
import io.gongzhi.identity.Role;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Violation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs on H2 by default and on PostgreSQL in CI's second pass (GONGZHI_DB_URL): the
 * schema migrates, rows round-trip with Chinese text and UTC times, and bad input
 * writes nothing.
 */
@SpringBootTest
class PersistenceSmokeTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Test
    void runsOnTheDatabaseThePassAskedFor() throws Exception {
        String expected = System.getenv().getOrDefault("GONGZHI_DB_URL", "").startsWith("jdbc:postgresql:") ? "PostgreSQL" : "H2";
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo(expected);
        }
    }

    @Test
    void everyMigrationHasBeenApplied() {
        var applied = jdbc.sql("select version from flyway_schema_history where success order by installed_rank")
                .query(String.class).list();
        assertThat(applied).containsSubsequence("1", "2", "3", "4");
    }

    @Test
    void anAccountRoundTripsWithChineseTextAndUtcTime() {
        Instant before = Instant.now().minusSeconds(1);
        var created = accounts.create(new AccountForm("smoke.test", "欧阳娜娜", Set.of(Role.GRID_WORKER), Set.of("510107005001"), Set.of()), "Long-enough-Passw0rd");
        var found = accounts.find("smoke.test").orElseThrow();

        assertThat(found).isEqualTo(created);
        assertThat(found.displayName()).isEqualTo("欧阳娜娜");
        assertThat(found.roles()).containsExactly(Role.GRID_WORKER);
        assertThat(found.units()).containsExactly("510107005001");
        assertThat(found.createdAt()).isBetween(before, Instant.now().plus(Duration.ofSeconds(1)));
    }

    @Test
    void badInputIsReportedWholeAndWritesNothing() {
        long count = accounts.count();
        assertThatThrownBy(() -> accounts.create(new AccountForm("X", " ", Set.of(), Set.of(), Set.of()), "short"))
                .isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).violations().stream().map(Violation::code).toList())
                .asList()
                .containsExactly("account.username-invalid", "account.display-name-invalid",
                        "account.roles-empty", "account.password-too-short");
        assertThat(accounts.count()).isEqualTo(count);
    }

    @Test
    void aTakenUsernameIsRefused() {
        assertThatThrownBy(() -> accounts.create(new AccountForm("admin", "重名", Set.of(Role.RESIDENT), Set.of(), Set.of()), "Long-enough-Passw0rd"))
                .isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).violations().get(0))
                .isEqualTo(Violation.of("username", "account.username-taken", "admin"));
    }
}
