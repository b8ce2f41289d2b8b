package io.gongzhi.platform.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Which bodies carry a NUL character: a raw byte or JSON's escape of one, not a backslash written out before "u0000". */
class NulCharactersTests {

    static boolean nul(String body) {
        return NulCharacters.hasNul(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNulIsFoundRawOrEscapedButNotInTextThatOnlyLooksLikeIt() {
        assertThat(nul("{\"name\":\"a\\u0000b\"}")).isTrue();
        assertThat(nul("{\"name\":\"a\u0000b\"}")).isTrue();
        assertThat(nul("{\"name\":\"\\\\\\u0000\"}")).as("an escaped backslash, then the escape").isTrue();
        assertThat(nul("{\"name\":\"C:\\\\u0000\"}")).as("a backslash written out, then the letters u0000").isFalse();
        assertThat(nul("{\"name\":\"u0000 and 中文\"}")).isFalse();
    }
}
