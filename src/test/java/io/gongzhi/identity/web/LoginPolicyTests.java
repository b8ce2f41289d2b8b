package io.gongzhi.identity.web;

import io.gongzhi.identity.Account;
import io.gongzhi.identity.internal.AccountForm;
import io.gongzhi.identity.Accounts;
import io.gongzhi.identity.internal.LoginPolicies;
import io.gongzhi.identity.internal.LoginPolicy;
import io.gongzhi.identity.Role;
import io.gongzhi.identity.internal.SecondFactors;
import io.gongzhi.identity.internal.Totp;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.support.HttpSession;
import io.gongzhi.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The login policy over real HTTP: locks, identical failures, session limits and the second factor. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.Configuration.class)
class LoginPolicyTests {

    static final String PASSWORD = "Tianfu-Square#2026";
    private static final AtomicInteger SERIAL = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    LoginPolicies policies;
    @Autowired
    SecondFactors factors;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @org.springframework.test.context.bean.override.mockito.MockitoSpyBean
    org.springframework.security.crypto.password.PasswordEncoder encoder;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    Account person(Role role) {
        String name = "lp" + (System.nanoTime() % 1_000_000) + "x" + SERIAL.incrementAndGet();
        Set<String> units = role.needsJurisdiction() ? Set.of("510107005001") : role.administrative() ? Set.of("*") : Set.of();
        return accounts.create(new AccountForm(name, "测试" + SERIAL.get(), Set.of(role), units,
                role == Role.DEPARTMENT_STAFF ? Set.of("water") : Set.of()), PASSWORD);
    }

    static String location(java.net.http.HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutes() {
        Account a = person(Role.COMMUNITY_WORKER);
        for (int i = 0; i < 5; i++) {
            assertThat(location(new HttpSession(port).signIn(a.username(), "Wrong-Passw0rd#" + i))).endsWith("/login?error");
        }
        assertThat(location(new HttpSession(port).signIn(a.username(), PASSWORD))).as("locked: even the right password")
                .endsWith("/login?error");
        var failures = jdbc.sql("select detail from audit_record where object = ? and action = 'login.password' and outcome = 'FAILURE' order by at, id")
                .param("account:" + a.id()).query(String.class).list();
        assertThat(failures).hasSize(6);
        assertThat(failures.get(4)).isEqualTo("wrong password; locked for 15 min");
        assertThat(failures.get(5)).isEqualTo("locked");

        clock.advance(Duration.ofMinutes(14));
        assertThat(location(new HttpSession(port).signIn(a.username(), PASSWORD))).endsWith("/login?error");
        clock.advance(Duration.ofMinutes(2));
        assertThat(location(new HttpSession(port).signIn(a.username(), PASSWORD))).endsWith("/");
    }

    @Test
    void unknownWrongLockedAndDisabledAllAnswerAlike() {
        Account locked = person(Role.GRID_WORKER);
        for (int i = 0; i < 5; i++) {
            new HttpSession(port).signIn(locked.username(), "Wrong-Passw0rd#" + i);
        }
        Account disabled = person(Role.GRID_WORKER);
        accounts.setEnabled(disabled.id(), false);
        Account wrong = person(Role.GRID_WORKER);

        var answers = Map.of("unknown", new HttpSession(port), "wrong", new HttpSession(port),
                "locked", new HttpSession(port), "disabled", new HttpSession(port));
        var tries = Map.of("unknown", new String[] {"nobody.of.that.name", PASSWORD}, "wrong", new String[] {wrong.username(), "Not-It-At-All#9"},
                "locked", new String[] {locked.username(), PASSWORD}, "disabled", new String[] {disabled.username(), PASSWORD});
        var pages = new java.util.HashMap<String, String>();
        answers.forEach((kind, browser) -> {
            var answer = browser.signIn(tries.get(kind)[0], tries.get(kind)[1]);
            assertThat(location(answer)).as(kind).endsWith("/login?error");
            // the page differs only in the username offered again
            pages.put(kind, browser.get("/login?error").body().replace(tries.get(kind)[0], "USER").replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "")
                    .replaceAll("X-CSRF-TOKEN&quot;: &quot;[^&]+&quot;", ""));
        });
        assertThat(pages.values()).allSatisfy(p -> assertThat(p).isEqualTo(pages.get("unknown")).contains("用户名或密码不正确"));
    }

    /** So that neither the answer nor the time it takes tells a wrong password from an unknown user or a lock. */
    @Test
    void everyRefusalChecksOnePasswordHashExactlyOnce() {
        Account locked = person(Role.GRID_WORKER);
        for (int i = 0; i < 5; i++) {
            new HttpSession(port).signIn(locked.username(), "Wrong-Passw0rd#" + i);
        }
        Account known = person(Role.GRID_WORKER);
        for (String[] attempt : new String[][] {{known.username(), "Wrong-Passw0rd#x"}, {"nobody.of.that.name", PASSWORD},
                {locked.username(), PASSWORD}}) {
            org.mockito.Mockito.clearInvocations(encoder);
            new HttpSession(port).signIn(attempt[0], attempt[1]);
            org.mockito.Mockito.verify(encoder, org.mockito.Mockito.times(1))
                    .matches(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any());
        }
    }

    @Test
    void aSessionEndsAtItsAbsoluteDeadlineHoweverBusy() {
        Account a = person(Role.COMMUNITY_WORKER);
        var browser = new HttpSession(port);
        browser.signIn(a.username(), PASSWORD);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofHours(11).plusMinutes(59));
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        assertThat(location(browser.get("/"))).endsWith("/login?expired");
        assertThat(browser.get("/login?expired").body()).contains("登录已到最长时限");
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void theIdleLimitIsThePolicys() {
        LoginPolicy before = policies.current();
        try {
            policies.update(new LoginPolicy(5, 15, 10, 12, false, 0));
            Account a = person(Role.GRID_WORKER);
            new HttpSession(port).signIn(a.username(), PASSWORD);
            int idle = jdbc.sql("select max_inactive_interval from identity_session where principal_name = ?")
                    .param(a.username()).query(Integer.class).single();
            assertThat(idle).isEqualTo(600);
        } finally {
            policies.update(before);
        }
    }

    @Test
    void anAccountWithASecondFactorNeedsItsCodeAndACodeWorksOnce() {
        Account a = person(Role.COMMUNITY_WORKER);
        String secret = Totp.newSecret();
        factors.enable(a.id(), secret, Totp.code(secret, Totp.step(clock.instant())));
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        assertThat(jdbc.sql("select totp_secret from identity_account where id = ?").param(a.id()).query(String.class).single())
                .as("stored sealed").startsWith("v1:").doesNotContain(secret);
        assertThat(audited(a)).contains("account.second-factor-enable SUCCESS");

        var browser = new HttpSession(port);
        assertThat(location(browser.signIn(a.username(), PASSWORD))).endsWith("/login/second-factor");
        String halfway = browser.cookie("SESSION");
        assertThat(location(browser.get("/"))).as("nothing else until the code").endsWith("/login/second-factor");
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(403);

        var page = browser.get("/login/second-factor");
        assertThat(page.body()).contains("两步验证");
        var wrong = browser.post("/login/second-factor", Map.of("code", "000000".equals(current(secret)) ? "111111" : "000000"), true);
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("验证码不正确");

        String code = current(secret);
        assertThat(location(browser.post("/login/second-factor", Map.of("code", code), true))).endsWith("/");
        assertThat(browser.cookie("SESSION")).as("a new session id once fully signed in").isNotEqualTo(halfway);
        assertThat(browser.get("/api/me").body()).contains(a.username());

        var replay = new HttpSession(port);
        replay.signIn(a.username(), PASSWORD);
        replay.get("/login/second-factor");
        assertThat(replay.post("/login/second-factor", Map.of("code", code), true).body()).as("the same code twice").contains("验证码不正确");
    }

    @Test
    void anAccountRequiredToHaveASecondFactorSetsOneUpAtSignInAndCannotDropIt() {
        Account a = person(Role.GRID_WORKER);
        accounts.requireSecondFactor(a.id(), true);
        var browser = new HttpSession(port);
        assertThat(location(browser.signIn(a.username(), PASSWORD))).endsWith("/login/second-factor/setup");
        var page = browser.get("/login/second-factor/setup");
        var secret = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<").matcher(page.body());
        assertThat(secret.find()).isTrue();
        assertThat(browser.get("/login/second-factor/qr.svg").body()).startsWith("<svg");

        String code = current(secret.group(1).replace(" ", ""));
        assertThat(location(browser.post("/login/second-factor/setup", Map.of("code", code), true))).endsWith("/");
        assertThat(accounts.byId(a.id()).secondFactor()).isTrue();
        assertThatThrownBy(() -> factors.disable(a.id())).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("second-factor.required");
    }

    @Test
    void whenThePolicySaysSoCommitteeMembersMustSetUpASecondFactor() {
        LoginPolicy before = policies.current();
        try {
            policies.update(new LoginPolicy(5, 15, 30, 12, true, 0));
            Account committee = person(Role.DISTRICT_COMMITTEE);
            Account worker = person(Role.GRID_WORKER);
            assertThat(location(new HttpSession(port).signIn(committee.username(), PASSWORD))).endsWith("/login/second-factor/setup");
            assertThat(location(new HttpSession(port).signIn(worker.username(), PASSWORD))).endsWith("/");
        } finally {
            policies.update(before);
        }
    }

    @Test
    void changingOnesPasswordNeedsTheCurrentOneAndTheRules() {
        Account a = person(Role.GRID_WORKER);
        var browser = new HttpSession(port);
        browser.signIn(a.username(), PASSWORD);
        browser.get("/account");
        var wrong = browser.post("/account/password", Map.of("current", "Not-The-Current#1", "password", "Another-Strong#Pass77"), true);
        assertThat(wrong.body()).contains("当前密码不正确");
        var weak = browser.post("/account/password", Map.of("current", PASSWORD, "password", "Password1234!"), true);
        assertThat(weak.body()).contains("密码太常见");
        assertThat(browser.post("/account/password", Map.of("current", PASSWORD, "password", "Another-Strong#Pass77"), false).statusCode())
                .as("no CSRF token, no change").isEqualTo(403);
        var done = browser.post("/account/password", Map.of("current", PASSWORD, "password", "Another-Strong#Pass77"), true);
        assertThat(done.body()).contains("密码已修改");
        assertThat(location(new HttpSession(port).signIn(a.username(), "Another-Strong#Pass77"))).endsWith("/");
        assertThat(audited(a)).containsSubsequence("account.password-change FAILURE", "account.password-change SUCCESS");
    }

    @Test
    void signingInAndOutIsAuditedWithTheClientAddress() {
        Account a = person(Role.GRID_WORKER);
        var browser = new HttpSession(port);
        browser.signIn(a.username(), PASSWORD);
        browser.signOut();
        var rows = jdbc.sql("select action || ' ' || outcome || ' ' || client from audit_record where object = ? order by at, id")
                .param("account:" + a.id()).query(String.class).list();
        assertThat(rows).containsSubsequence("login.success SUCCESS 127.0.0.1", "logout SUCCESS 127.0.0.1");
    }

    @Test
    void aPasswordHandedOverByTheAdministratorIsReplacedAtTheFirstSignIn() {
        Account a = person(Role.GRID_WORKER);
        String handedOver = accounts.resetPassword(a.username());
        var browser = new HttpSession(port);
        assertThat(location(browser.signIn(a.username(), handedOver))).endsWith("/login/password");
        assertThat(location(browser.get("/geo"))).as("nothing else first").endsWith("/login/password");
        assertThat(browser.get("/login/password").body()).as("no navigation before the new password").doesNotContain("网格地图");
        var weak = browser.post("/login/password", Map.of("current", handedOver, "password", "Password1234!"), true);
        assertThat(weak.body()).contains("密码太常见");
        String halfway = browser.cookie("SESSION");
        assertThat(location(browser.post("/login/password", Map.of("current", handedOver, "password", "My-Own-Secret#77x"), true))).endsWith("/");
        assertThat(browser.cookie("SESSION")).isNotEqualTo(halfway);
        assertThat(browser.get("/geo").statusCode()).isEqualTo(200);
        assertThat(location(new HttpSession(port).signIn(a.username(), "My-Own-Secret#77x"))).as("once only").endsWith("/");
    }

    @Test
    void aPasswordOlderThanThePolicyAllowsMustBeReplaced() {
        LoginPolicy before = policies.current();
        try {
            policies.update(new LoginPolicy(5, 15, 30, 12, false, 90));
            Account a = person(Role.GRID_WORKER);
            assertThat(location(new HttpSession(port).signIn(a.username(), PASSWORD))).endsWith("/");
            clock.advance(Duration.ofDays(91));
            assertThat(location(new HttpSession(port).signIn(a.username(), PASSWORD))).endsWith("/login/password");
        } finally {
            clock.reset();
            policies.update(before);
        }
    }

    List<String> audited(Account a) {
        return jdbc.sql("select action || ' ' || outcome from audit_record where object = ? order by at, id")
                .param("account:" + a.id()).query(String.class).list();
    }

    private String current(String secret) {
        return Totp.code(secret, Totp.step(clock.instant()));
    }
}
