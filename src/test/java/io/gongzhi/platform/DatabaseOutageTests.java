package io.gongzhi.platform;

import io.gongzhi.GongzhiApplication;
import io.gongzhi.support.HttpSession;
import io.gongzhi.support.TcpProxy;
import io.gongzhi.support.TestAccounts;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node whose database goes away answers every request that needs it at once with 503 and
 * {@code Retry-After}, in the caller's language, reports itself not ready, and serves again by
 * itself when the database is back. The application is started here on its own, talking to its
 * database through a proxy the test switches off and on: PostgreSQL when the suite runs on it
 * ({@code GONGZHI_DB_URL}), otherwise an H2 server over TCP.
 */
class DatabaseOutageTests {

    /** What users notice; the node aims at about two seconds, the margin is for a busy CI machine. */
    static final long PROMPT_MILLIS = 5_000;

    static Server h2;
    static TcpProxy proxy;
    static ConfigurableApplicationContext app;
    static int port;
    static boolean postgres;

    @BeforeAll
    static void start() throws Exception {
        String url = database();
        app = new SpringApplicationBuilder(GongzhiApplication.class).run("--server.port=0", "--spring.datasource.url=" + url);
        port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /** The database behind the proxy, and the application's URL for it. */
    static String database() throws Exception {
        String configured = System.getenv("GONGZHI_DB_URL");
        var pg = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?(/.*)").matcher(configured == null ? "" : configured);
        if (pg.matches()) {
            postgres = true;
            proxy = TcpProxy.to(pg.group(1), pg.group(2) == null ? 5432 : Integer.parseInt(pg.group(2)));
            return "jdbc:postgresql://127.0.0.1:" + proxy.port() + pg.group(3);
        }
        h2 = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon", "-ifNotExists").start();
        proxy = TcpProxy.to("127.0.0.1", h2.getPort());
        return "jdbc:h2:tcp://127.0.0.1:" + proxy.port()
                + "/mem:outage;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    @AfterAll
    static void stop() throws Exception {
        if (proxy != null) {
            proxy.on();
        }
        if (app != null) {
            app.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (h2 != null) {
            h2.stop();
        }
    }

    /** Every test starts and ends with the database there and the node ready. */
    @AfterEach
    void databaseBack() throws Exception {
        proxy.on();
        assertThat(readyWithin(Duration.ofSeconds(30))).as("ready again without a restart").isTrue();
    }

    /** Waits for readiness; answers whether it came. */
    static boolean readyWithin(Duration limit) throws InterruptedException {
        var probe = new HttpSession(port);
        long start = System.nanoTime();
        while (System.nanoTime() - start < limit.toNanos()) {
            if (probe.get("/actuator/health/readiness").statusCode() == 200) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    record Timed(HttpResponse<String> response, long millis) {
        int status() {
            return response.statusCode();
        }

        String body() {
            return response.body();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    static Timed timed(Supplier<HttpResponse<String>> call) {
        long start = System.nanoTime();
        var response = call.get();
        return new Timed(response, (System.nanoTime() - start) / 1_000_000);
    }

    static void log(String what, Timed answer) {
        System.out.printf("[outage%s] %s: %d in %d ms%n", postgres ? ", PostgreSQL" : ", H2", what, answer.status(), answer.millis());
    }

    /** A 503 that came promptly, says when to come back and gives nothing away. */
    static void unavailable(Timed answer, String what) {
        log(what, answer);
        assertThat(answer.status()).as(what).isEqualTo(503);
        assertThat(answer.millis()).as(what + " answered promptly").isLessThan(PROMPT_MILLIS);
        assertThat(answer.header("Retry-After")).as(what).matches("\\d+");
        assertThat(answer.body()).as(what).doesNotContain("Exception").doesNotContain("at io.gongzhi").doesNotContain("Hikari");
    }

    static void problem(Timed answer, String what, String title) {
        unavailable(answer, what);
        assertThat(answer.header("Content-Type")).as(what).startsWith("application/problem+json");
        assertThat(answer.body()).as(what).contains("\"status\":503").contains("\"code\":\"unavailable\"").contains(title);
    }

    static void page(Timed answer, String what, String text) {
        unavailable(answer, what);
        assertThat(answer.header("Content-Type")).as(what).startsWith("text/html");
        assertThat(answer.body()).as(what + ": the site's own page").contains("class=\"brand\"").contains("gongzhi.css").contains(text);
        assertThat(answer.body()).as(what + ": no token for a session that is never kept").doesNotContain("X-CSRF-TOKEN");
    }

    @Test
    void whileTheDatabaseIsAwayEveryRequestIsAnswered503AtOnceAndTheNodeComesBackByItself() throws Exception {
        var zh = new HttpSession(port);
        assertThat(zh.signIn("community", TestAccounts.PASSWORD).statusCode()).isEqualTo(302);
        var en = new HttpSession(port);
        assertThat(en.signIn("community", TestAccounts.PASSWORD).statusCode()).isEqualTo(302);
        assertThat(en.get("/?lang=en").statusCode()).isEqualTo(200);
        var visitor = new HttpSession(port);
        assertThat(visitor.get("/login").statusCode()).as("a login form, filled in while the database goes away").isEqualTo(200);
        var probe = new HttpSession(port);
        assertThat(probe.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        // the pool's connections idle, as most are most of the time: it must find them dead and try for new ones
        Thread.sleep(1_000);

        proxy.off();
        long cut = System.nanoTime();

        page(timed(() -> zh.get("/", "text/html")), "first page after the cut", "服务暂时不可用");
        page(timed(() -> zh.get("/cases", "text/html")), "a page", "服务暂时不可用");
        page(timed(() -> en.get("/", "text/html")), "a page in English", "The service is briefly unavailable");
        problem(timed(() -> zh.get("/api/geo/units", Map.of("Accept-Language", "en"))), "the REST API in English",
                "The service is briefly unavailable");
        problem(timed(() -> new HttpSession(port).get("/open311/v2/services.json")), "Open311, in Chinese by default", "服务暂时不可用");
        var signIn = timed(() -> visitor.post("/login", Map.of("username", "community", "password", TestAccounts.PASSWORD), true));
        unavailable(signIn, "signing in");
        assertThat(signIn.header("Location")).as("not 'wrong password'").isNull();

        var readiness = timed(() -> probe.get("/actuator/health/readiness"));
        log("readiness", readiness);
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.body()).contains("DOWN");
        assertThat(readiness.millis()).isLessThan(PROMPT_MILLIS);
        System.out.printf("[outage] readiness DOWN %d ms after the cut%n", (System.nanoTime() - cut) / 1_000_000);
        assertThat(probe.get("/actuator/health/liveness").statusCode()).as("the process itself is fine").isEqualTo(200);

        proxy.on();
        long back = System.nanoTime();
        assertThat(readyWithin(Duration.ofSeconds(30))).as("ready again without a restart").isTrue();
        System.out.printf("[outage] ready again %d ms after the database came back%n", (System.nanoTime() - back) / 1_000_000);
        assertThat(zh.get("/", "text/html").statusCode()).as("the session kept in the database lives on").isEqualTo(200);
        var units = en.get("/api/geo/units", Map.of("Accept-Language", "en"));
        assertThat(units.statusCode()).isEqualTo(200);
        assertThat(units.body()).contains("510107");
        visitor.get("/login");
        var signedIn = visitor.post("/login", Map.of("username", "community", "password", TestAccounts.PASSWORD), true);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    @Test
    void manyCallersAtOnceAreAllAnsweredPromptlyNotQueuedBehindEachOther() throws Exception {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/open311/v2/services.json"))
                .timeout(Duration.ofSeconds(60)).GET().build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        Thread.sleep(1_000);
        proxy.off();
        List<CompletableFuture<Timed>> calls = new ArrayList<>();
        var callers = Executors.newFixedThreadPool(100);
        for (int i = 0; i < 100; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> timed(() -> {
                try {
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }), callers));
        }
        long slowest = 0;
        for (var call : calls) {
            var answer = call.get();
            assertThat(answer.status()).isEqualTo(503);
            slowest = Math.max(slowest, answer.millis());
        }
        callers.shutdown();
        System.out.printf("[outage] 100 callers at once: the slowest answered in %d ms%n", slowest);
        assertThat(slowest).as("no caller waits behind the others for the database").isLessThan(PROMPT_MILLIS);
    }

    /**
     * A server that hangs (or a network that drops packets) is found out as fast as a stopped one.
     * Only PostgreSQL's driver bounds a read with a timeout: H2's TCP client waits for ever, and H2
     * over TCP is no production setup, so this runs in the suite's PostgreSQL pass.
     */
    @Test
    void aDatabaseThatHangsIsFoundOutAsFast() throws Exception {
        Assumptions.assumeTrue(postgres, "PostgreSQL's driver (the suite's PostgreSQL pass)");
        var zh = new HttpSession(port);
        assertThat(zh.signIn("community", TestAccounts.PASSWORD).statusCode()).isEqualTo(302);
        assertThat(zh.get("/", "text/html").statusCode()).isEqualTo(200);
        Thread.sleep(600);

        proxy.silence();
        page(timed(() -> zh.get("/", "text/html")), "a page while the database hangs", "服务暂时不可用");
        problem(timed(() -> zh.get("/api/geo/units", Map.of())), "the REST API while the database hangs", "服务暂时不可用");
        var readiness = timed(() -> zh.get("/actuator/health/readiness"));
        log("readiness while the database hangs", readiness);
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.millis()).isLessThan(PROMPT_MILLIS);

        proxy.on();
        long back = System.nanoTime();
        assertThat(readyWithin(Duration.ofSeconds(30))).isTrue();
        System.out.printf("[outage] after a hang, ready again %d ms after the database came back%n", (System.nanoTime() - back) / 1_000_000);
        assertThat(zh.get("/", "text/html").statusCode()).isEqualTo(200);
    }
}
