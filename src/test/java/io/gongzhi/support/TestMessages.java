package io.gongzhi.support;

import org.springframework.context.support.ResourceBundleMessageSource;

/** The application's messages (zh-CN and en) without a Spring context, for tests of one class. */
public final class TestMessages {

    private TestMessages() {
    }

    public static ResourceBundleMessageSource messages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
