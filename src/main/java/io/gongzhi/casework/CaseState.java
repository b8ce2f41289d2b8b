package io.gongzhi.casework;

/** Where a case stands in the loop (GB/T 30428's 立案 → 派遣 → 处置 → 反馈 → 核查结案). */
public enum CaseState {
    /** Reported, waiting for the command centre to accept it. */
    REPORTED,
    /** Accepted as a case (立案), waiting to be dispatched. */
    ACCEPTED,
    /** Dispatched to a lead department, not yet taken up. */
    DISPATCHED,
    /** The lead department is working on it. */
    HANDLING,
    /** The department reported it done; the community checks. */
    FED_BACK,
    CLOSED,
    /** Not a case (with the reason in its timeline). */
    REJECTED,
    /** A duplicate, merged into its parent case. */
    MERGED;

    public boolean open() {
        return this != CLOSED && this != REJECTED && this != MERGED;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
