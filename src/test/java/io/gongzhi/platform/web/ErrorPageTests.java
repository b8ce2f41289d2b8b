package io.gongzhi.platform.web;

import io.gongzhi.support.HttpSession;
import io.gongzhi.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Error pages come from the servlet container's error dispatch, so they are tested over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorPageTests {

    @LocalServerPort
    int port;

    @Test
    void aMissingPageIsExplainedInTheUsersLanguageWithoutAStackTrace() {
        var browser = new HttpSession(port);
        browser.signIn("community", TestAccounts.PASSWORD);
        var missing = browser.get("/no-such-page", "text/html");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("您要找的页面不存在").contains("返回首页").doesNotContain("Exception");

        browser.get("/?lang=en");
        assertThat(browser.get("/no-such-page", "text/html").body()).contains("The page you are looking for does not exist");
    }

    @Test
    void aMultipartBodyWithoutItsBoundaryIsBadInputNamedNotAServerError() {
        var client = new HttpSession(port);
        client.signIn("dispatcher", TestAccounts.PASSWORD);
        client.get("/emergency/directives");
        var junk = client.postRaw("/api/emergency/directives?lang=en", "multipart/form-data", "junk");
        assertThat(junk.statusCode()).isEqualTo(400);
        assertThat(junk.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(junk.body()).contains("\"where\":\"file\"").doesNotContain("Internal Server Error");
    }
}
