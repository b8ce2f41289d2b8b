package io.gongzhi.casework;

/** Who may take a step: each action belongs to one party, checked against the case. */
public enum Party {
    /** A command centre dispatcher whose jurisdiction holds the case's place ({@code case.dispatch}). */
    DISPATCHER,
    /** Staff of the case's lead department ({@code case.handle}). */
    LEAD_DEPARTMENT,
    /** Staff of a department summoned by a call-in that has not answered yet ({@code case.handle}). */
    CALLED_DEPARTMENT,
    /** A community worker whose jurisdiction holds the case's place ({@code case.verify}). */
    VERIFIER,
    /** The account that reported the case. */
    REPORTER
}
