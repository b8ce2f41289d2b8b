package io.gongzhi.casework.internal;

import io.gongzhi.casework.Case;
import io.gongzhi.casework.Cases;
import io.gongzhi.shared.Actor;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The departments a step puts on a case or takes off it (dispatch, approved return, call-in,
 * answer): the case's departments after the step, their rows changed through {@link CaseWrites}.
 */
@Component
public class CaseDepartments {

    private final CaseWrites writes;

    CaseDepartments(CaseWrites writes) {
        this.writes = writes;
    }

    /** The order of a case's departments: the lead, the co-handlers, those called in; then by code. */
    public static final java.util.Comparator<Case.Handler> HANDLER_ORDER = java.util.Comparator
            .comparingInt((Case.Handler h) -> "LEAD".equals(h.role()) ? 0 : "CO".equals(h.role()) ? 1 : 2)
            .thenComparing(Case.Handler::department);

    /**
     * The departments a step puts on the case, or takes off it; answers the case's departments
     * after the step, in {@link #HANDLER_ORDER} (the same as reading them back).
     */
    public List<Case.Handler> after(Case c, Cases.Command command, Instant now, Actor actor) {
        var after = new ArrayList<>(c.departments());
        switch (command.action()) {
            case DISPATCH -> {
                // the case as read in this step's transaction says which rows there are to replace (none at a first dispatch)
                if (after.removeIf(h -> "LEAD".equals(h.role()) || "CO".equals(h.role()))) {
                    writes.removeLeadAndCoHandlers(c.id());
                }
                addHandler(c.id(), after, command.department().strip(), "LEAD", null);
                for (String co : command.coHandlers() == null ? List.<String>of() : command.coHandlers()) {
                    addHandler(c.id(), after, co.strip(), "CO", null);
                }
            }
            case APPROVE_RETURN -> {
                writes.removeLeadAndCoHandlers(c.id());
                after.removeIf(h -> "LEAD".equals(h.role()) || "CO".equals(h.role()));
            }
            case CALL_IN -> callIn(c.id(), after, command, now);
            case ANSWER -> answer(c, after, now, actor);
            default -> {
                return c.departments();
            }
        }
        after.sort(HANDLER_ORDER);
        return List.copyOf(after);
    }

    /** The departments called in join the case, or are called again if they had not answered yet. */
    private void callIn(long caseId, List<Case.Handler> after, Cases.Command command, Instant now) {
        Instant due = now.plus(Duration.ofHours(command.hours()));
        for (String code : command.departments()) {
            String d = code.strip();
            var existing = after.stream().filter(h -> h.department().equals(d)).findFirst();
            if (existing.isEmpty()) {
                addHandler(caseId, after, d, "CALLED", due);
            } else if ("CALLED".equals(existing.get().role()) && existing.get().answeredAt() == null) {
                writes.callAgain(caseId, d, due);
                after.set(after.indexOf(existing.get()), new Case.Handler(d, "CALLED", due, null, null));
            }
        }
    }

    /** The departments the actor works for that owe the case an answer have given it. */
    private void answer(Case c, List<Case.Handler> after, Instant now, Actor actor) {
        for (String d : c.awaitingAnswer()) {
            if (actor.jurisdiction().coversDepartment(d)) {
                writes.answered(c.id(), d, now, actor.username());
                after.replaceAll(h -> h.department().equals(d) ? new Case.Handler(d, h.role(), h.answerDue(), now, actor.username()) : h);
            }
        }
    }

    private void addHandler(long caseId, List<Case.Handler> departments, String department, String role, Instant due) {
        // a department called in earlier and now made lead or co-handler keeps one row, in its new role
        if (departments.removeIf(h -> h.department().equals(department))) {
            writes.removeDepartment(caseId, department);
        }
        writes.addDepartment(caseId, department, role, due);
        departments.add(new Case.Handler(department, role, due, null, null));
    }
}
