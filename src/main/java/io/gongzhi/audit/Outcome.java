package io.gongzhi.audit;

/** How an audited action ended. */
public enum Outcome {
    /** It was done. */
    SUCCESS,
    /** It was tried and failed (a wrong password, bad input). */
    FAILURE,
    /** The actor was not allowed to do it. */
    DENIED
}
