package io.gongzhi.identity.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gongzhi.identity.Messenger.Channel;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default messenger writes to the log, where a whole mobile number or e-mail address never
 * appears, nor a link that acts for someone: whoever reads the log must not be able to rate or
 * reopen a resident's case.
 */
class LoggingMessengerTests {

    @Test
    void addressesAreMaskedInTheLog() {
        assertThat(LoggingMessenger.mask(Channel.SMS, "13912345678")).isEqualTo("139****5678");
        assertThat(LoggingMessenger.mask(Channel.EMAIL, "wang.fang@example.cn")).isEqualTo("w***@example.cn");
        assertThat(LoggingMessenger.mask(Channel.EMAIL, "a@example.cn")).isEqualTo("***@example.cn");
    }

    /** What the messenger writes to the log while {@code sending} runs, as the log shows it. */
    static List<String> logged(Runnable sending) {
        var logger = (Logger) LoggerFactory.getLogger(LoggingMessenger.class);
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        Level before = logger.getLevel();
        // the tests' own logging configuration shows warnings only
        logger.setLevel(Level.INFO);
        logger.addAppender(appender);
        try {
            sending.run();
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void theRatingLinkThatActsForTheResidentIsMaskedInTheLog() {
        String token = "kq3VhX0b9T2mJ8yLr5Wc1NnPz7AeUd4Gs6FoHi-_Qw0";
        var lines = logged(() -> new LoggingMessenger().send(Channel.SMS, "13912345678",
                "【共治】您反映的问题（案件 #12）已办结，请评价或重新反映：路口垃圾 https://gongzhi.example.cn/r/" + token));

        assertThat(lines).hasSize(1);
        String line = lines.get(0);
        assertThat(line).doesNotContain(token).doesNotContain(token.substring(0, 8)).doesNotContain(token.substring(35));
        assertThat(line).isEqualTo("SMS to 139****5678: 【共治】您反映的问题（案件 #12）已办结，请评价或重新反映：路口垃圾 https://gongzhi.example.cn/r/****");
    }

    @Test
    void anySecretInALinkIsMaskedAndOrdinaryLinksStayReadable() {
        String secret = "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA";
        var lines = logged(() -> {
            new LoggingMessenger().send(Channel.EMAIL, "wang.fang@example.cn",
                    "重置密码：http://localhost:8080/password/reset?token=" + secret + "&lang=zh-CN，或 http://localhost:8080/invite/" + secret);
            new LoggingMessenger().send(Channel.EMAIL, "wang.fang@example.cn",
                    "案件已派遣 https://community-governance.example.cn/cases/1234567 /my/cases/12?done=report");
        });

        assertThat(lines.get(0)).doesNotContain(secret)
                .isEqualTo("EMAIL to w***@example.cn: 重置密码：http://localhost:8080/password/reset?token=****&lang=zh-CN，或 http://localhost:8080/invite/****");
        assertThat(lines.get(1)).as("case numbers, paths and host names are no secrets")
                .isEqualTo("EMAIL to w***@example.cn: 案件已派遣 https://community-governance.example.cn/cases/1234567 /my/cases/12?done=report");
    }
}
