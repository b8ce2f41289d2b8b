package io.gongzhi.shared;

import java.util.List;

/**
 * The request is well formed but does not fit the thing's current state (a step the case is not
 * ready for, a change someone else made first): answered with 409, the stable {@link #code()}
 * (also the message key) and the message's arguments.
 */
public class Conflict extends RuntimeException {

    private final String code;
    private final List<Object> args;

    public Conflict(String code, Object... args) {
        super(code);
        this.code = code;
        this.args = List.of(args);
    }

    public String code() {
        return code;
    }

    public List<Object> args() {
        return args;
    }
}
