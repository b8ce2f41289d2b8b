package io.gongzhi.platform.internal;

import io.gongzhi.support.TestMessages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A busy node lets a set number of requests work at once, the rest in the order they came, and answers one that waits too long "busy, try again" in its language. */
class RequestAdmissionTests {

    final ExecutorService callers = Executors.newCachedThreadPool();
    final List<String> served = new CopyOnWriteArrayList<>();
    final CountDownLatch holding = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    static RequestAdmission admission(int concurrent, Duration wait) {
        return admission(concurrent, 0, wait);
    }

    static RequestAdmission admission(int concurrent, int reads, Duration wait) {
        var messages = TestMessages.messages();
        var languages = new CookieLocaleResolver("gongzhi-lang");
        languages.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        return new RequestAdmission(concurrent, reads, wait, messages, languages);
    }

    /** The work behind the filter: "/slow" holds its turn until released, anything else answers at once. */
    FilterChain work() {
        return (request, response) -> {
            String uri = ((MockHttpServletRequest) request).getRequestURI();
            served.add(uri);
            if (uri.equals("/slow")) {
                holding.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            ((HttpServletResponse) response).setStatus(200);
        };
    }

    CompletableFuture<MockHttpServletResponse> call(RequestAdmission admission, MockHttpServletRequest request) {
        return CompletableFuture.supplyAsync(() -> {
            var response = new MockHttpServletResponse();
            try {
                admission.doFilter(request, response, work());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return response;
        }, callers);
    }

    CompletableFuture<MockHttpServletResponse> get(RequestAdmission admission, String path) {
        return call(admission, new MockHttpServletRequest("GET", path));
    }

    void untilWaiting(RequestAdmission admission, int n) throws InterruptedException {
        for (int i = 0; i < 500 && admission.waiting() < n; i++) {
            Thread.sleep(10);
        }
        assertThat(admission.waiting()).isEqualTo(n);
    }

    @AfterEach
    void stop() {
        release.countDown();
        callers.shutdownNow();
    }

    @Test
    void readsHaveTurnsOfTheirOwnSoAPageDoesNotQueueBehindAStormOfWrites() throws Exception {
        var admission = admission(1, 1, Duration.ofMillis(200));
        var slowWrite = call(admission, new MockHttpServletRequest("POST", "/slow"));
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        var write = call(admission, new MockHttpServletRequest("POST", "/api/emergency/directives/1/acknowledgements"));
        untilWaiting(admission, 1);
        assertThat(get(admission, "/api/emergency/directives/1/tree").get(5, TimeUnit.SECONDS).getStatus())
                .as("the progress is read while the answers wait their turn").isEqualTo(200);
        assertThat(write.get(5, TimeUnit.SECONDS).getStatus()).as("the write waited too long behind the slow one").isEqualTo(503);
        release.countDown();
        assertThat(slowWrite.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(served).containsExactly("/slow", "/api/emergency/directives/1/tree");
    }

    @Test
    void requestsOverTheLimitWaitAndAreLetInInTheOrderTheyCame() throws Exception {
        var admission = admission(1, Duration.ofSeconds(10));
        var slow = get(admission, "/slow");
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        var first = get(admission, "/api/cases/1");
        untilWaiting(admission, 1);
        var second = get(admission, "/api/cases/2");
        untilWaiting(admission, 2);
        assertThat(served).as("nobody passes the request at work").containsExactly("/slow");

        release.countDown();
        assertThat(slow.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(second.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(served).containsExactly("/slow", "/api/cases/1", "/api/cases/2");
    }

    @Test
    void aRequestThatWaitsTooLongIsToldTheSystemIsBusyInItsLanguageAndNothingIsDone() throws Exception {
        var admission = admission(1, Duration.ofMillis(50));
        var slow = get(admission, "/slow");
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();

        var post = new MockHttpServletRequest("POST", "/api/cases");
        post.setContentType("application/json");
        var zh = call(admission, post).get(5, TimeUnit.SECONDS);
        assertThat(zh.getStatus()).isEqualTo(503);
        assertThat(zh.getHeader("Retry-After")).isEqualTo("1");
        assertThat(zh.getContentType()).startsWith("application/problem+json");
        assertThat(zh.getContentAsString()).contains("\"code\":\"busy\"").contains("系统繁忙，请稍后再试");
        var english = new MockHttpServletRequest("GET", "/cases");
        english.setCookies(new Cookie("gongzhi-lang", "en"));
        var en = call(admission, english).get(5, TimeUnit.SECONDS);
        assertThat(en.getStatus()).isEqualTo(503);
        assertThat(en.getContentAsString()).contains("The system is busy; please try again shortly");
        assertThat(served).as("the refused report never reached the application").containsExactly("/slow");

        release.countDown();
        assertThat(slow.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(get(admission, "/api/cases").get(5, TimeUnit.SECONDS).getStatus()).as("the turn is given back").isEqualTo(200);
    }

    @Test
    void uploadsStaticFilesAndHealthChecksDoNotQueue() throws Exception {
        var admission = admission(1, Duration.ofMillis(50));
        get(admission, "/slow");
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();

        var upload = new MockHttpServletRequest("POST", "/cases/7/attachments");
        upload.setContentType("multipart/form-data; boundary=x");
        assertThat(call(admission, upload).get(5, TimeUnit.SECONDS).getStatus())
                .as("a phone's photo is read at the phone's pace, outside the turns").isEqualTo(200);
        assertThat(get(admission, "/css/app.css").get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(get(admission, "/actuator/health/readiness").get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(get(admission, "/api/cases").get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(503);
    }
}
