package io.gongzhi.shared;

import java.util.List;

/**
 * The caller has done this too often for now: answered with 429, {@code Retry-After} and the
 * stable {@link #code()}, also the message key (with {@link #args()}).
 */
public class TooMany extends RuntimeException {

    private final String code;
    private final long retryAfterSeconds;
    private final List<Object> args;

    public TooMany(String code, long retryAfterSeconds, Object... args) {
        super(code);
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
        this.args = List.of(args);
    }

    public String code() {
        return code;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public List<Object> args() {
        return args;
    }
}
