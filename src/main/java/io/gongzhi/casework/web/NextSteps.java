package io.gongzhi.casework.web;

import io.gongzhi.casework.CaseAction;

import java.util.List;
import java.util.Set;

/**
 * Of the steps a person may take on a case, the one they most likely take (offered as the page's
 * primary button) and the others (under More actions), with the ones that undo, refuse or send back
 * work marked dangerous: shown in the danger style and confirmed before they are taken.
 */
record NextSteps(CaseAction primary, List<CaseAction> others) {

    /** Moving the case forward comes first; then deciding what others asked for. */
    private static final List<CaseAction> LIKELY = List.of(CaseAction.ACCEPT, CaseAction.DISPATCH, CaseAction.RECEIVE, CaseAction.ANSWER,
            CaseAction.FEEDBACK, CaseAction.CLOSE, CaseAction.RATE, CaseAction.APPROVE_EXTENSION, CaseAction.APPROVE_RETURN);

    static final Set<CaseAction> DANGEROUS = Set.of(CaseAction.REJECT, CaseAction.MERGE, CaseAction.REQUEST_RETURN, CaseAction.REWORK,
            CaseAction.REOPEN, CaseAction.DENY_RETURN, CaseAction.DENY_EXTENSION);

    /**
     * The likely step as the primary one; when none of those is possible (a dispatcher after
     * dispatching may still call departments in, or reject), there is no primary step: nothing is
     * urged, and the possible steps wait under More actions.
     */
    static NextSteps of(List<CaseAction> possible) {
        CaseAction primary = LIKELY.stream().filter(possible::contains).findFirst().orElse(null);
        return new NextSteps(primary, possible.stream().filter(a -> a != primary).toList());
    }

    public boolean dangerous(CaseAction action) {
        return DANGEROUS.contains(action);
    }
}
