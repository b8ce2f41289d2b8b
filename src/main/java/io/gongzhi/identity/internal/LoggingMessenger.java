package io.gongzhi.identity.internal;

import io.gongzhi.identity.Messenger;
import io.gongzhi.shared.Phone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The messenger used when a deployment configured none: the log shows what would have gone out, never a whole address. */
public class LoggingMessenger implements Messenger {

    private static final Logger log = LoggerFactory.getLogger(LoggingMessenger.class);

    @Override
    public void send(Channel channel, String address, String text) {
        log.info("{} to {}: {}", channel, mask(channel, address), text);
    }

    static String mask(Channel channel, String address) {
        if (channel == Channel.SMS) {
            return Phone.parse(address).map(Phone::masked).orElse("****");
        }
        int at = address.indexOf('@');
        return at <= 1 ? "***" + address.substring(Math.max(at, 0)) : address.charAt(0) + "***" + address.substring(at);
    }
}
