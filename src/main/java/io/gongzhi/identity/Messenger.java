package io.gongzhi.identity;

/**
 * Sends a notice beyond the app, to the mobile number or e-mail address an account gave for it.
 * A deployment provides one bean for its SMS gateway and mail server; without one, notices are
 * written to the log with the address masked.
 */
public interface Messenger {

    enum Channel { SMS, EMAIL }

    /** Sends {@code text}; a failure is the messenger's to report (the notice stays in the app either way). */
    void send(Channel channel, String address, String text);
}
