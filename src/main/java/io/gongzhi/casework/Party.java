package io.gongzhi.casework;

/** Who may take a step: each action belongs to one party, checked against the case. */
public enum Party {
    /** A command centre dispatcher whose jurisdiction holds the case's place. */
    DISPATCHER("case.dispatch"),
    /** Staff of the case's lead department. */
    LEAD_DEPARTMENT("case.handle"),
    /** Staff of a department summoned by a call-in that has not answered yet. */
    CALLED_DEPARTMENT("case.handle"),
    /** A community worker whose jurisdiction holds the case's place. */
    VERIFIER("case.verify"),
    /** The account that reported the case (whatever it may do otherwise). */
    REPORTER(null);

    private final String permission;

    Party(String permission) {
        this.permission = permission;
    }

    /** The permission a member of this party holds; none for the reporter, who is known by account. */
    public java.util.Optional<String> permission() {
        return java.util.Optional.ofNullable(permission);
    }
}
