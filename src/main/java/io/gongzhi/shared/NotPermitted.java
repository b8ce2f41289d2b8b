package io.gongzhi.shared;

/**
 * The caller may see the thing but may not do this to it (another party's step): answered with
 * 403 and the stable {@link #code()}, also the message key.
 */
public class NotPermitted extends RuntimeException {

    private final String code;

    public NotPermitted(String code, String detail) {
        super(detail);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
