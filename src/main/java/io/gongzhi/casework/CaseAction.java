package io.gongzhi.casework;

import java.util.Locale;
import java.util.Optional;

/** A step of the loop, and the party that takes it. */
public enum CaseAction {
    REPORT(null),
    ACCEPT(Party.DISPATCHER),
    REJECT(Party.DISPATCHER),
    /** Mark as a duplicate of an open case (its parent). */
    MERGE(Party.DISPATCHER),
    DISPATCH(Party.DISPATCHER),
    /** Summon several departments to joint handling with a deadline to answer (呼叫/吹哨). */
    CALL_IN(Party.DISPATCHER),
    ANSWER(Party.CALLED_DEPARTMENT),
    /** The lead department takes the case up. */
    RECEIVE(Party.LEAD_DEPARTMENT),
    REQUEST_RETURN(Party.LEAD_DEPARTMENT),
    REQUEST_EXTENSION(Party.LEAD_DEPARTMENT),
    APPROVE_RETURN(Party.DISPATCHER),
    DENY_RETURN(Party.DISPATCHER),
    APPROVE_EXTENSION(Party.DISPATCHER),
    DENY_EXTENSION(Party.DISPATCHER),
    FEEDBACK(Party.LEAD_DEPARTMENT),
    CLOSE(Party.VERIFIER),
    REWORK(Party.VERIFIER),
    REOPEN(Party.REPORTER),
    RATE(Party.REPORTER),
    /** Raised up the hierarchy for being overdue: the system's step, nobody's action. */
    ESCALATE(null);

    private final Party party;

    CaseAction(Party party) {
        this.party = party;
    }

    /** Who takes this step; empty for the steps nobody chooses (reporting is open to its channels, escalation is the clock's). */
    public Optional<Party> party() {
        return Optional.ofNullable(party);
    }

    /**
     * Whether the reporter reads this step's note and files: the answers meant for them (the
     * work done, the verification, a rejection or merge) and their own; the staff's working notes
     * and who wrote them stay with the staff.
     */
    public boolean shownToReporter() {
        return switch (this) {
            case REPORT, FEEDBACK, CLOSE, REJECT, MERGE, REOPEN, RATE -> true;
            default -> false;
        };
    }

    /** Whether someone other than the one who took it hears of this step (see the notices' rules). */
    public boolean tellsSomeone() {
        return switch (this) {
            case ACCEPT, ANSWER, RECEIVE, RATE -> false;
            default -> true;
        };
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<CaseAction> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String name = key.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return java.util.Arrays.stream(values()).filter(a -> a.name().equals(name)).findFirst();
    }
}
