package io.gongzhi.casework;

/** A lead department's request waiting for the dispatcher's decision. */
public enum Pending {
    NONE, RETURN, EXTENSION
}
