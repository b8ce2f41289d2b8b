package io.gongzhi.casework;

/** The reporter's verdict on a closed case. */
public enum Rating {
    SATISFIED, BASICALLY_SATISFIED, DISSATISFIED
}
