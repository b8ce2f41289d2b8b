package io.gongzhi.identity.internal;

import io.gongzhi.identity.Messenger;
import io.gongzhi.shared.Phone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.regex.Pattern;

/**
 * The messenger used when a deployment configured none: the log shows what would have gone out,
 * never a whole address, nor a secret a link carries (the SMS link {@code /r/{token}} lets whoever
 * holds it rate or reopen a resident's case, and logs are read by more people than the resident).
 */
public class LoggingMessenger implements Messenger {

    private static final Logger log = LoggerFactory.getLogger(LoggingMessenger.class);

    /**
     * A path segment or query value of 16 or more URL-safe characters: the tokens links carry
     * (43 characters) and any like them. The messenger cannot know which links act for someone,
     * so it hides every such run; case numbers, words in paths and host names (after {@code //})
     * stay readable.
     */
    private static final Pattern SECRET = Pattern.compile("(?<=[^/]/|=)[A-Za-z0-9_-]{16,}");

    @Override
    public void send(Channel channel, String address, String text) {
        log.info("{} to {}: {}", channel, mask(channel, address), withoutSecrets(text));
    }

    static String mask(Channel channel, String address) {
        if (channel == Channel.SMS) {
            return Phone.parse(address).map(Phone::masked).orElse("****");
        }
        int at = address.indexOf('@');
        return at <= 1 ? "***" + address.substring(Math.max(at, 0)) : address.charAt(0) + "***" + address.substring(at);
    }

    /** The text with the secrets its links carry replaced by {@code ****}, for writing it where others read. */
    public static String withoutSecrets(String text) {
        return text == null ? null : SECRET.matcher(text).replaceAll("****");
    }
}
