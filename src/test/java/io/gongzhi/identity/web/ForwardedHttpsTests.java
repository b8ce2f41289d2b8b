package io.gongzhi.identity.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a reverse proxy that terminates HTTPS and says so ({@code X-Forwarded-Proto: https}),
 * with forward headers switched on ({@code GONGZHI_FORWARD_HEADERS=native}), answers carry
 * Strict-Transport-Security as if served over HTTPS; over real HTTP, since the servlet
 * container's own handling of the forward headers is what is relied on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.forward-headers-strategy=native")
class ForwardedHttpsTests {

    @LocalServerPort
    int port;

    HttpResponse<String> login(String forwardedProto) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET();
        if (forwardedProto != null) {
            request.header("X-Forwarded-Proto", forwardedProto);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aProxyThatSaysItServedHttpsGetsStrictTransportSecurity() throws Exception {
        var behindHttps = login("https");
        assertThat(behindHttps.statusCode()).isEqualTo(200);
        assertThat(behindHttps.headers().firstValue("Strict-Transport-Security")).hasValue(SecurityHeadersTests.HSTS);
        assertThat(behindHttps.headers().firstValue("Permissions-Policy")).isPresent();

        assertThat(login("http").headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(login(null).headers().firstValue("Strict-Transport-Security")).isEmpty();
    }
}
