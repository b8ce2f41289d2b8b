package io.gongzhi.casework.internal;

import io.gongzhi.casework.CaseAction;
import io.gongzhi.casework.CaseState;
import io.gongzhi.casework.Cases;
import io.gongzhi.casework.Pending;

import java.util.Optional;

import static io.gongzhi.casework.CaseState.ACCEPTED;
import static io.gongzhi.casework.CaseState.CLOSED;
import static io.gongzhi.casework.CaseState.DISPATCHED;
import static io.gongzhi.casework.CaseState.FED_BACK;
import static io.gongzhi.casework.CaseState.HANDLING;
import static io.gongzhi.casework.CaseState.MERGED;
import static io.gongzhi.casework.CaseState.REJECTED;
import static io.gongzhi.casework.CaseState.REPORTED;

/**
 * The case loop as a table: which step may follow which, and where it leads. Nothing else
 * decides a state; {@link Cases} asks here before every step, so the loop cannot be left by a
 * path this table does not draw.
 * <pre>
 * REPORTED ─accept→ ACCEPTED ─dispatch→ DISPATCHED ─receive→ HANDLING ─feedback→ FED_BACK ─close→ CLOSED
 *    │ reject/merge → REJECTED/MERGED      ↑ approve-return ←┘(return requested)  ↑ rework ←┘       │ reopen → HANDLING
 * </pre>
 * A lead department may ask to hand the case back (return) while dispatched or handling, or for
 * more time (extension) while handling; the dispatcher approves or denies. While a return is
 * pending the department cannot report the case done.
 */
public final class Lifecycle {

    private Lifecycle() {
    }

    /** The state after {@code action}, or empty when it cannot be taken now. */
    public static Optional<CaseState> next(CaseState state, Pending pending, CaseAction action) {
        boolean working = state == DISPATCHED || state == HANDLING;
        CaseState to = switch (action) {
            case ACCEPT -> state == REPORTED ? ACCEPTED : null;
            case REJECT -> state == REPORTED ? REJECTED : null;
            case MERGE -> state == REPORTED || state == ACCEPTED ? MERGED : null;
            case DISPATCH -> state == ACCEPTED ? DISPATCHED : null;
            case CALL_IN -> state == ACCEPTED || working ? state : null;
            case ANSWER -> state.open() ? state : null;
            case RECEIVE -> state == DISPATCHED && pending == Pending.NONE ? HANDLING : null;
            case REQUEST_RETURN -> working && pending == Pending.NONE ? state : null;
            case REQUEST_EXTENSION -> state == HANDLING && pending == Pending.NONE ? state : null;
            case APPROVE_RETURN -> working && pending == Pending.RETURN ? ACCEPTED : null;
            case DENY_RETURN -> working && pending == Pending.RETURN ? state : null;
            case APPROVE_EXTENSION, DENY_EXTENSION -> state == HANDLING && pending == Pending.EXTENSION ? state : null;
            case FEEDBACK -> state == HANDLING && pending != Pending.RETURN ? FED_BACK : null;
            case CLOSE -> state == FED_BACK ? CLOSED : null;
            case REWORK -> state == FED_BACK ? HANDLING : null;
            case REOPEN -> state == CLOSED ? HANDLING : null;
            case RATE -> state == CLOSED ? CLOSED : null;
            case ESCALATE -> working ? state : null;
            case REPORT -> null;
        };
        return Optional.ofNullable(to);
    }

    /** The request left waiting after {@code action}: a decision or a feedback settles it. */
    public static Pending pendingAfter(Pending pending, CaseAction action) {
        return switch (action) {
            case REQUEST_RETURN -> Pending.RETURN;
            case REQUEST_EXTENSION -> Pending.EXTENSION;
            case APPROVE_RETURN, DENY_RETURN, APPROVE_EXTENSION, DENY_EXTENSION, FEEDBACK -> Pending.NONE;
            default -> pending;
        };
    }
}
