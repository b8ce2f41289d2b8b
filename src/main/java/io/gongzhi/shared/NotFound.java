package io.gongzhi.shared;

/**
 * Thrown when a requested thing does not exist, or exists outside the caller's
 * jurisdiction: both answer the same, so that ids cannot be probed.
 */
public class NotFound extends RuntimeException {

    private final String code;

    public NotFound(String code, String what) {
        super(what + " not found");
        this.code = code;
    }

    public String code() {
        return code;
    }
}
