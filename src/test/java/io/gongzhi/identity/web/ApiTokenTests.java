package io.gongzhi.identity.web;

import io.gongzhi.identity.internal.AccountForm;
import io.gongzhi.identity.Accounts;
import io.gongzhi.identity.internal.ApiTokens;
import io.gongzhi.identity.internal.Permission;
import io.gongzhi.identity.Role;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** API tokens for machine clients: scoped, expiring, revocable, stored hashed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.Configuration.class)
class ApiTokenTests {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    ApiTokens tokens;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    long worker() {
        String name = "tk" + (System.nanoTime() % 10_000_000);
        return accounts.create(new AccountForm(name, "令牌测试", Set.of(Role.COMMUNITY_WORKER), Set.of("510107005001"), Set.of()),
                "Tianfu-Square#2026").id();
    }

    HttpResponse<String> call(String method, String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept-Language", "en");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.method(method, HttpRequest.BodyPublishers.ofString(method.equals("POST") ? "{\"name\":\"x\",\"permissions\":[\"geography.read\"]}" : ""));
        if (method.equals("POST")) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTokenActsAsItsAccountWithinItsPermissionsAndJurisdiction() throws Exception {
        long id = worker();
        var issued = tokens.issue(id, "sync", Set.of(Permission.GEOGRAPHY_READ), 30);
        assertThat(issued.secret()).startsWith("gzt_").hasSizeGreaterThan(40);
        assertThat(jdbc.sql("select token_hash from identity_api_token where id = ?").param(issued.token().id()).query(String.class).single())
                .as("stored hashed").doesNotContain(issued.secret()).hasSize(64);

        var units = call("GET", "/api/geo/units", issued.secret());
        assertThat(units.statusCode()).isEqualTo(200);
        assertThat(units.body()).contains("510107005001").doesNotContain("510104");
        assertThat(call("GET", "/api/geo/units/510104", issued.secret()).statusCode()).as("outside the account's jurisdiction").isEqualTo(404);
        assertThat(call("GET", "/api/identity/team", issued.secret()).statusCode()).as("the role may, the token may not").isEqualTo(403);
        assertThat(call("POST", "/api/me/tokens", issued.secret()).statusCode()).as("a token cannot mint tokens").isEqualTo(403);
        assertThat(units.headers().firstValue("Set-Cookie")).as("no session for machine clients").isEmpty();
    }

    @Test
    void aTokenStopsWorkingWhenItExpiresIsRevokedOrItsAccountIsDisabled() throws Exception {
        long id = worker();
        var expiring = tokens.issue(id, "short", Set.of(Permission.GEOGRAPHY_READ), 1);
        var revoked = tokens.issue(id, "revoked", Set.of(Permission.GEOGRAPHY_READ), 30);
        var kept = tokens.issue(id, "kept", Set.of(Permission.GEOGRAPHY_READ), 30);
        tokens.revoke(id, revoked.token().id());
        assertThat(jdbc.sql("select action from audit_record where object = ? order by at, id")
                .param("token:" + revoked.token().id()).query(String.class).list()).containsExactly("token.issue", "token.revoke");

        var answer = call("GET", "/api/geo/units", revoked.secret());
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("\"code\":\"token-invalid\"").contains("The token is unknown, expired or revoked");
        assertThat(call("GET", "/api/geo/units", expiring.secret()).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(call("GET", "/api/geo/units", expiring.secret()).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/geo/units", kept.secret()).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/geo/units", "gzt_made-up-token").statusCode()).isEqualTo(401);

        accounts.setEnabled(id, false);
        assertThat(call("GET", "/api/geo/units", kept.secret()).statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'login.token' and outcome = 'FAILURE' and at >= ?")
                .param(java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(2)))).query(Long.class).single()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aTokenCannotGrantMoreThanItsAccountHoldsNorLiveLongerThanAYear() {
        long id = worker();
        assertThatThrownBy(() -> tokens.issue(id, "", Set.of(Permission.ACCOUNTS_MANAGE), 400))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).violations()).extracting(v -> v.code())
                        .containsExactly("token.name-invalid", "token.permission-not-held", "token.days-range"));
        assertThatThrownBy(() -> tokens.revoke(worker(), tokens.issue(id, "mine", Set.of(Permission.GEOGRAPHY_READ), 5).token().id()))
                .as("another account's token answers as missing").isInstanceOf(io.gongzhi.shared.NotFound.class);
    }
}
