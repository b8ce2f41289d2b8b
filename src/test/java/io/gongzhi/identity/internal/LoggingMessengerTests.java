package io.gongzhi.identity.internal;

import io.gongzhi.identity.Messenger.Channel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The default messenger writes to the log, where a whole mobile number or e-mail address never appears. */
class LoggingMessengerTests {

    @Test
    void addressesAreMaskedInTheLog() {
        assertThat(LoggingMessenger.mask(Channel.SMS, "13912345678")).isEqualTo("139****5678");
        assertThat(LoggingMessenger.mask(Channel.EMAIL, "wang.fang@example.cn")).isEqualTo("w***@example.cn");
        assertThat(LoggingMessenger.mask(Channel.EMAIL, "a@example.cn")).isEqualTo("***@example.cn");
    }
}
