package io.gongzhi.identity.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The headers that tell a browser what the site's pages may do: device features (camera,
 * microphone, location …) only where a page uses them, and HTTPS only once the site was reached
 * over it. Behind a proxy that terminates HTTPS: {@link ForwardedHttpsTests}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityHeadersTests {

    static final String HSTS = "max-age=31536000 ; includeSubDomains";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    MockHttpServletResponse answer(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
        return request.with(user(users.loadUserByUsername(username)));
    }

    /** The policy as a browser reads it: feature → allowed origins. */
    static Map<String, String> policy(String header) {
        var policy = new LinkedHashMap<String, String>();
        for (String directive : header.split(",")) {
            String[] parts = directive.strip().split("=", 2);
            policy.put(parts[0], parts.length == 2 ? parts[1] : "");
        }
        return policy;
    }

    @Test
    void everyAnswerSaysNoToTheDeviceFeaturesNoPageUsesAndLetsTheSiteItselfAskForTheLocation() throws Exception {
        var answers = new LinkedHashMap<String, MockHttpServletRequestBuilder>();
        answers.put("the login page", get("/login"));
        answers.put("a page for a signed-in user", as("grid", get("/cases/new")));
        answers.put("an API answer", as("grid", get("/api/my/cases")));
        answers.put("an API problem", as("grid", get("/api/geo/units/999999")));
        answers.put("a refusal to an anonymous client", get("/api/cases"));
        answers.put("a redirect to sign in", get("/cases"));
        answers.put("a forged form", as("grid", post("/cases/new")));
        answers.put("a missing page", as("grid", get("/no-such-page")));
        answers.put("a stylesheet", get("/css/gongzhi.css"));
        answers.put("a library", get("/webjars/leaflet/dist/leaflet.js"));
        answers.put("Open311", get("/open311/v2/services.json"));
        answers.put("the health probe", get("/actuator/health"));
        answers.put("an SMS link", get("/r/" + "x".repeat(43)));
        for (var request : answers.entrySet()) {
            String header = answer(request.getValue()).getHeader("Permissions-Policy");
            assertThat(header).as(request.getKey()).isNotNull();
            var policy = policy(header);
            assertThat(policy).as(request.getKey())
                    .containsEntry("camera", "()").containsEntry("microphone", "()").containsEntry("payment", "()")
                    .containsEntry("usb", "()").containsEntry("display-capture", "()")
                    // the report form's "use my location" asks the phone for its position
                    .containsEntry("geolocation", "(self)");
        }
        // photos come through a file input, which a phone offers to fill from its camera app: no camera access is needed for it
        assertThat(answer(as("grid", get("/cases/new"))).getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"locate-me\"").contains("type=\"file\"").contains("name=\"photos\"");
    }

    @Test
    void anAnswerOverHttpsTellsTheBrowserToComeBackOnlyOverHttps() throws Exception {
        assertThat(answer(get("/login").secure(true)).getHeader("Strict-Transport-Security")).isEqualTo(HSTS);
        assertThat(answer(as("grid", get("/api/my/cases")).secure(true)).getHeader("Strict-Transport-Security")).isEqualTo(HSTS);
        assertThat(answer(get("/css/gongzhi.css").secure(true)).getHeader("Strict-Transport-Security")).isEqualTo(HSTS);

        assertThat(answer(get("/login")).getHeader("Strict-Transport-Security")).as("plain HTTP: meaningless there").isNull();
        // without forward headers switched on, what a client says about the protocol is not believed
        assertThat(answer(get("/login").header("X-Forwarded-Proto", "https")).getHeader("Strict-Transport-Security")).isNull();
    }
}
