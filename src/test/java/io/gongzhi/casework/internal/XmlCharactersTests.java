package io.gongzhi.casework.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** XML 1.0's Char production at its edges: what is dropped, and what must stay. */
class XmlCharactersTests {

    @Test
    void dropsWhatXml10DoesNotAllowAndKeepsEverythingElse() {
        String allowed = "\t\n\r 普通文字 \uD7FF\uE000\uFFFD \uD800\uDC00 \uDBFF\uDFFF 😀 \u0085\u007F";
        assertThat(XmlCharacters.keep(allowed)).isSameAs(allowed);

        assertThat(XmlCharacters.keep("a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg")).isEqualTo("abcdefg");
        assertThat(XmlCharacters.keep("a\uFFFEb\uFFFFc")).isEqualTo("abc");
        assertThat(XmlCharacters.keep("lone high\uD800, lone low\uDFFF, reversed\uDC00\uD800, at the end\uD83D"))
                .isEqualTo("lone high, lone low, reversed, at the end");
        assertThat(XmlCharacters.keep(null)).isNull();
    }
}
