package io.gongzhi.platform.web;

import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text a user can see exists in both languages. */
class MessagesTests {

    @Test
    void chineseAndEnglishHaveTheSameKeysAndNoEmptyText() throws Exception {
        Properties zh = load("i18n/messages_zh_CN.properties");
        Properties en = load("i18n/messages_en.properties");
        assertThat(zh.stringPropertyNames()).isNotEmpty().isEqualTo(en.stringPropertyNames());
        zh.forEach((key, text) -> assertThat(text.toString()).as(key.toString()).isNotBlank());
        en.forEach((key, text) -> assertThat(text.toString()).as(key.toString()).isNotBlank());
    }

    /** A key written twice keeps only its last text, silently changing what the first one's page says. */
    @Test
    void noKeyIsWrittenTwice() throws Exception {
        for (String resource : java.util.List.of("i18n/messages_zh_CN.properties", "i18n/messages_en.properties")) {
            var seen = new java.util.HashSet<String>();
            var twice = new java.util.ArrayList<String>();
            try (var in = MessagesTests.class.getClassLoader().getResourceAsStream(resource)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String trimmed = line.strip();
                    if (trimmed.isEmpty() || trimmed.startsWith("#") || !trimmed.contains("=")) {
                        continue;
                    }
                    String key = trimmed.substring(0, trimmed.indexOf('=')).strip();
                    if (!seen.add(key)) {
                        twice.add(key);
                    }
                }
            }
            assertThat(twice).as(resource).isEmpty();
        }
    }

    @Test
    void onlyTheTwoSupportedLanguagesAreAccepted() {
        assertThat(Languages.supported("en")).contains(Locale.ENGLISH);
        assertThat(Languages.supported("en-GB")).contains(Locale.ENGLISH);
        assertThat(Languages.supported("zh-CN")).contains(Locale.SIMPLIFIED_CHINESE);
        assertThat(Languages.supported("zh_CN")).contains(Locale.SIMPLIFIED_CHINESE);
        assertThat(Languages.supported("fr")).isEmpty();
        assertThat(Languages.supported("<script>")).isEmpty();
    }

    private static Properties load(String resource) throws Exception {
        var properties = new Properties();
        try (var in = MessagesTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
