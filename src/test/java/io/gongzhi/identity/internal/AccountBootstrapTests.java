package io.gongzhi.identity.internal;

import io.gongzhi.identity.Account;
import io.gongzhi.identity.Role;

import io.gongzhi.GongzhiApplication;
import io.gongzhi.identity.Accounts;
import io.gongzhi.platform.DemoMode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a new installation creates on its empty database. Each case starts the application
 * on its own empty in-memory database: this is about the first-start rules, not storage.
 */
class AccountBootstrapTests {

    @Test
    void demoModeCreatesOneAccountPerRoleAndPrintsThemOnlyOnce() {
        String db = freshDatabase();
        // with the demo district's grids, so that the compound contact has a compound to receive for
        var first = start(db, "--gongzhi.demo=true", "--gongzhi.demo-password=", "--gongzhi.demo-grids=true");
        try (var context = first.context()) {
            List<Account> all = context.getBean(Accounts.class).all();
            assertThat(all).hasSize(Role.values().length);
            assertThat(all).flatExtracting(Account::roles).containsExactlyInAnyOrder(Role.values());
        }
        assertThat(first.out()).contains("demo accounts").contains(" city ").contains(" admin ");
        assertThat(passwordsPrinted(first.out())).hasSize(Role.values().length).allMatch(p -> p.length() == 16);

        var second = start(db, "--gongzhi.demo=true");
        second.context().close();
        assertThat(second.out()).doesNotContain("demo accounts");
    }

    @Test
    void outsideDemoModeOnlyTheAdministratorIsCreatedWithTheGivenPassword() {
        var run = start(freshDatabase(), "--gongzhi.demo=false", "--gongzhi.admin-password=Tianfu-Square#2026");
        try (var context = run.context()) {
            var accounts = context.getBean(Accounts.class).all();
            assertThat(accounts).singleElement().satisfies(admin -> {
                assertThat(admin.username()).isEqualTo("admin");
                assertThat(admin.roles()).containsExactly(Role.SYSTEM_ADMIN);
            });
            String hash = context.getBean(AccountStore.class).passwordHash("admin").orElseThrow();
            assertThat(context.getBean(PasswordEncoder.class).matches("Tianfu-Square#2026", hash)).isTrue();
        }
        assertThat(run.out()).contains("administrator account").contains("(GONGZHI_ADMIN_PASSWORD)")
                .doesNotContain("Tianfu-Square#2026");
    }

    @Test
    void withoutAGivenPasswordTheAdministratorGetsARandomOnePrintedOnce() {
        var run = start(freshDatabase(), "--gongzhi.demo=false", "--gongzhi.admin-password=");
        String printed;
        try (var context = run.context()) {
            printed = passwordsPrinted(run.out()).get(0);
            String hash = context.getBean(AccountStore.class).passwordHash("admin").orElseThrow();
            assertThat(context.getBean(PasswordEncoder.class).matches(printed, hash)).isTrue();
        }
        assertThat(printed).hasSize(16);
    }

    @Test
    void demoModeFollowsTheDatabaseUnlessSetExplicitly() {
        assertThat(DemoMode.isOn(env("", "jdbc:h2:file:./data/gongzhi"))).isTrue();
        assertThat(DemoMode.isOn(env("", "jdbc:postgresql://db/gongzhi"))).isFalse();
        assertThat(DemoMode.isOn(env("true", "jdbc:postgresql://db/gongzhi"))).isTrue();
        assertThat(DemoMode.isOn(env("false", "jdbc:h2:mem:x"))).isFalse();
    }

    private static MockEnvironment env(String demo, String url) {
        return new MockEnvironment().withProperty("gongzhi.demo", demo).withProperty("spring.datasource.url", url);
    }

    record Started(ConfigurableApplicationContext context, String out) {
    }

    private static String freshDatabase() {
        return "jdbc:h2:mem:bootstrap-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    }

    private static Started start(String url, String... args) {
        // a database of its own: none of the PostgreSQL pass's settings (its owner role) apply to it
        var all = new ArrayList<>(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=sa", "--spring.datasource.password=",
                "--gongzhi.db.owner=", "--gongzhi.db.owner-password="));
        all.addAll(List.of(args));
        var bytes = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            var context = new SpringApplicationBuilder(GongzhiApplication.class)
                    .web(WebApplicationType.NONE).run(all.toArray(String[]::new));
            return new Started(context, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }

    /** The third column of the printed account table. */
    private static List<String> passwordsPrinted(String out) {
        return out.lines()
                .filter(line -> line.matches(" [A-Z_]+ +[a-z]+ +\\S+"))
                .map(line -> line.strip().split(" +")[2])
                .toList();
    }
}
