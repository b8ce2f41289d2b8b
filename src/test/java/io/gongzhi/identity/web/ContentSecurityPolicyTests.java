package io.gongzhi.identity.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentSecurityPolicyTests {

    @Test
    void aConfiguredTileServerIsAllowedAsAnImageSourceAndNothingElse() {
        var csp = new ContentSecurityPolicy("https://tiles.example.org:8443/{z}/{x}/{y}.png");
        assertThat(csp.directives()).contains("img-src 'self' data: blob: https://tiles.example.org:8443;")
                .contains("script-src 'self';");
    }

    @Test
    void withoutATileServerOnlyThisOriginServesImages() {
        assertThat(new ContentSecurityPolicy("").directives()).contains("img-src 'self' data: blob:;");
        assertThat(new ContentSecurityPolicy("not a url").directives()).contains("img-src 'self' data: blob:;");
    }
}
