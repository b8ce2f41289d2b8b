package io.gongzhi.platform.web;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The shell around every page: language, navigation by role, security headers, assets, operations endpoints. */
@SpringBootTest
@AutoConfigureMockMvc
class WebShellTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theLoginPageIsChineseByDefault() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("登录共治平台"), containsString("lang=\"zh-CN\""))));
    }

    @Test
    void switchingToEnglishIsRememberedByACookie() throws Exception {
        var switched = mvc.perform(get("/login").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sign in to Gongzhi")))
                .andExpect(cookie().value("gongzhi-lang", "en"))
                .andReturn();
        Cookie remembered = switched.getResponse().getCookie("gongzhi-lang");

        mvc.perform(get("/login").cookie(remembered))
                .andExpect(content().string(allOf(containsString("Sign in to Gongzhi"), containsString("lang=\"en\""))));
        mvc.perform(get("/login").cookie(remembered).param("lang", "zh-CN"))
                .andExpect(content().string(containsString("登录共治平台")))
                .andExpect(cookie().value("gongzhi-lang", "zh-CN"));
    }

    @Test
    void pagesStayChineseForAnEnglishBrowserUntilEnglishIsChosen() throws Exception {
        mvc.perform(get("/login").header("Accept-Language", "en-US,en;q=0.9"))
                .andExpect(content().string(containsString("登录共治平台")));
    }

    @Test
    @WithUserDetails("grid")
    void theApiFollowsTheClientsLanguage() throws Exception {
        mvc.perform(get("/api/geo/units/999999").header("Accept-Language", "en-US,en;q=0.9"))
                .andExpect(jsonPath("$.title").value("Not found"));
        mvc.perform(get("/api/geo/units/999999"))
                .andExpect(jsonPath("$.title").value("未找到"));
    }

    @Test
    void anUnsupportedLanguageIsIgnored() throws Exception {
        mvc.perform(get("/login").param("lang", "fr"))
                .andExpect(content().string(containsString("登录共治平台")))
                .andExpect(cookie().doesNotExist("gongzhi-lang"));
    }

    @Test
    @WithUserDetails("admin")
    void authenticatedPagesCarryTheSecurityHeaders() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", allOf(
                        containsString("frame-ancestors 'none'"), containsString("script-src 'self'"),
                        containsString("default-src 'self'"))))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
    }

    @Test
    @WithUserDetails("admin")
    void theAdministratorSeesTheSystemStatusAndTheApiLink() throws Exception {
        mvc.perform(get("/"))
                .andExpect(content().string(allOf(
                        containsString("系统状态"), containsString("数据库结构版本"),
                        containsString("href=\"/swagger-ui/index.html\""), containsString("系统管理员"))));
    }

    @Test
    @WithUserDetails("resident")
    void aResidentSeesNeitherTheSystemStatusNorTheApiLink() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("赵丽，您好"), containsString("反映问题"))))
                .andExpect(content().string(allOf(not(containsString("系统状态")), not(containsString("/swagger-ui/index.html")))));
    }

    @Test
    @WithUserDetails("grid")
    void theHomePageSpeaksEnglishWhenAsked() throws Exception {
        mvc.perform(get("/").param("lang", "en"))
                .andExpect(content().string(allOf(containsString("Hello, 陈静"), containsString("Grid worker"),
                        containsString("Sign out"))));
    }

    @Test
    void signedOutVisitorsAreSentToTheLoginPage() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void browserLibrariesAreServedFromWebJars() throws Exception {
        for (String asset : new String[] {"/webjars/htmx.org/dist/htmx.min.js", "/webjars/leaflet/dist/leaflet.js",
                "/webjars/leaflet/dist/leaflet.css", "/webjars/echarts/dist/echarts.min.js", "/css/gongzhi.css"}) {
            mvc.perform(get(asset)).andExpect(status().isOk());
        }
    }

    @Test
    void theHealthProbeIsOpenButShowsDetailsOnlyToAdministrators() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
    }

    @Test
    void theReadinessProbeIncludesTheDatabase() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    }

    @Test
    @WithUserDetails("admin")
    void administratorsSeeTheDatabaseInTheHealthDetails() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(jsonPath("$.components.db.status").value("UP"));
    }

    @Test
    void prometheusAndOpenApiAreReadableWithoutSigningIn() throws Exception {
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")))
                .andExpect(content().string(containsString("gongzhi_http_requests_waiting 0.0")));
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Gongzhi (共治) API"))
                .andExpect(jsonPath("$.paths['/api/me']").exists());
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
    }

    @Test
    @WithUserDetails("city")
    void otherActuatorEndpointsAreForAdministratorsOnly() throws Exception {
        mvc.perform(get("/actuator/info")).andExpect(status().isForbidden());
    }

    @Test
    @WithUserDetails("admin")
    void whoeverOperatesTheSystemReadsTheOtherActuatorEndpoints() throws Exception {
        // granted by the permission system.operate, not by a role name
        mvc.perform(get("/actuator/info")).andExpect(status().isOk());
    }
}
