package io.gongzhi.identity.web;

import io.gongzhi.support.HttpSession;
import io.gongzhi.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in, sign-out and CSRF over real HTTP, with sessions kept in the database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDemoAccountSignsInAndIsGreetedByName() {
        var browser = new HttpSession(port);
        var answer = browser.signIn("community", TestAccounts.PASSWORD);
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));

        var home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("刘洋，您好").contains("社区工作者");
    }

    @Test
    void aWrongPasswordIsRefusedWithTheSameAnswerAsAnUnknownUser() {
        var wrongPassword = new HttpSession(port).signIn("community", "not-the-password-1A!");
        var unknownUser = new HttpSession(port).signIn("nobody-here", "not-the-password-1A!");
        assertThat(wrongPassword.statusCode()).isEqualTo(302);
        assertThat(wrongPassword.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(unknownUser.headers().firstValue("Location")).isEqualTo(wrongPassword.headers().firstValue("Location"));

        var browser = new HttpSession(port);
        browser.signIn("community", "wrong");
        var page = browser.get("/login?error");
        assertThat(page.body()).contains("用户名或密码不正确").contains("value=\"community\"");
        assertThat(browser.get("/login").body()).as("offered once").doesNotContain("value=\"community\"");
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        var answer = new HttpSession(port).signIn("grid", TestAccounts.PASSWORD);
        assertThat(answer.headers().allValues("Set-Cookie"))
                .filteredOn(c -> c.startsWith("SESSION="))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c).contains("HttpOnly").contains("SameSite=Lax"));
    }

    @Test
    void signingInIssuesANewSessionId() {
        var browser = new HttpSession(port);
        browser.get("/login");
        String before = browser.cookie("SESSION");
        browser.post("/login", Map.of("username", "grid", "password", TestAccounts.PASSWORD), true);
        String after = browser.cookie("SESSION");
        assertThat(after).isNotNull().isNotEqualTo(before);
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() {
        var browser = new HttpSession(port);
        browser.signIn("dispatcher", TestAccounts.PASSWORD);
        String session = browser.cookie("SESSION");
        assertThat(sessionsOf("dispatcher")).isPositive();
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        var out = browser.signOut();
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
        assertThat(browser.get("/login?logout").body()).contains("您已安全退出");

        // Replaying the old cookie, as someone who copied it would, gets the login page.
        browser.setCookie("SESSION", session);
        var replay = browser.get("/");
        assertThat(replay.statusCode()).isEqualTo(302);
        assertThat(replay.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(sessionsOf("dispatcher")).isZero();
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        var browser = new HttpSession(port);
        assertThat(browser.post("/login", Map.of("username", "grid", "password", TestAccounts.PASSWORD), false).statusCode())
                .isEqualTo(403);

        browser.signIn("grid", TestAccounts.PASSWORD);
        assertThat(browser.post("/logout", Map.of(), false).statusCode()).isEqualTo(403);
        assertThat(browser.get("/").statusCode()).as("a forged sign-out leaves the session alone").isEqualTo(200);
    }

    @Test
    void theApiAnswersUnauthorisedInsteadOfRedirecting() {
        var browser = new HttpSession(port);
        assertThat(browser.get("/api/me", "application/json").statusCode()).isEqualTo(401);
        assertThat(browser.get("/", "*/*").statusCode()).isEqualTo(302);

        browser.signIn("resident", TestAccounts.PASSWORD);
        var me = browser.get("/api/me", "application/json");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"resident\"").contains("RESIDENT").contains("赵丽");
    }

    private long sessionsOf(String username) {
        return jdbc.sql("select count(*) from identity_session where principal_name = ?")
                .param(username).query(Long.class).single();
    }
}
