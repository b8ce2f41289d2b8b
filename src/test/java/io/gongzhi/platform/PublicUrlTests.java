package io.gongzhi.platform;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** Links leave with the address users reach: the configured one, else this node's real port. */
class PublicUrlTests {

    @Test
    void aConfiguredAddressIsUsedAsGiven() {
        var env = new MockEnvironment().withProperty("server.port", "9090").withProperty("local.server.port", "9090");
        assertThat(new PublicUrl("https://gongzhi.example.cn/", env).of("/r/abc")).isEqualTo("https://gongzhi.example.cn/r/abc");
        assertThat(new PublicUrl(" https://gongzhi.example.cn ", env).base()).isEqualTo("https://gongzhi.example.cn");
    }

    @Test
    void withoutOneTheAddressFollowsThePortTheServerListensOn() {
        var env = new MockEnvironment();
        var url = new PublicUrl("", env);
        assertThat(url.base()).as("nothing said: the default port").isEqualTo("http://localhost:8080");
        env.setProperty("server.port", "0");
        env.setProperty("local.server.port", "41234");
        assertThat(url.of("/r/abc")).as("once the server has started").isEqualTo("http://localhost:41234/r/abc");
        env.setProperty("server.ssl.bundle", "web");
        assertThat(url.base()).as("a server speaking HTTPS itself").isEqualTo("https://localhost:41234");
        env.setProperty("server.ssl.enabled", "false");
        assertThat(url.base()).isEqualTo("http://localhost:41234");
    }
}
