package io.gongzhi.casework.internal;

import io.gongzhi.casework.Case;
import io.gongzhi.casework.CaseAction;
import io.gongzhi.casework.CaseClosed;
import io.gongzhi.casework.CaseDispatched;
import io.gongzhi.casework.CaseFacts;
import io.gongzhi.casework.CaseReported;
import io.gongzhi.casework.CaseState;
import io.gongzhi.casework.CaseStepTaken;
import io.gongzhi.shared.Actor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a step made of a case: the case after it and the events it raises, in the order they are
 * to be published (after the step's last check, with its commit): every step's
 * {@link CaseStepTaken}, and {@link CaseReported}, {@link CaseDispatched} or {@link CaseClosed}
 * for the steps others react to by name.
 */
public record StepResult(Case after, List<Object> events) {

    public StepResult {
        events = List.copyOf(events);
    }

    /** The step {@code action} took the case from {@code before} to {@code after}. */
    public static StepResult of(CaseAction action, Case before, Case after, Actor actor, String note, Instant now) {
        Long account = actor == null ? null : actor.accountId();
        var events = new ArrayList<Object>();
        events.add(new CaseStepTaken(after.id(), action, before.state(), after.state(), CaseFacts.of(before, after), account, note, now));
        if (action == CaseAction.DISPATCH) {
            events.add(new CaseDispatched(after.id(), after.path(), after.leadDepartment(),
                    after.departments().stream().filter(h -> !"CALLED".equals(h.role())).map(Case.Handler::department).toList(),
                    after.deadline(), now));
        } else if (action == CaseAction.CLOSE) {
            boolean onTime = after.fedBackAt() != null && after.deadline() != null && !after.fedBackAt().isAfter(after.deadline());
            events.add(new CaseClosed(after.id(), after.path(), after.leadDepartment(), after.reporterAccount(), onTime, now));
        }
        return new StepResult(after, events);
    }

    /** A case just reported: it raises {@link CaseReported} and its first {@link CaseStepTaken}. */
    public static StepResult reported(Case reported, Actor actor) {
        Long account = actor == null ? null : actor.accountId();
        return new StepResult(reported, List.of(
                new CaseReported(reported.id(), reported.category(), reported.path(), reported.channel(), account, reported.reportedAt()),
                new CaseStepTaken(reported.id(), CaseAction.REPORT, null, CaseState.REPORTED, CaseFacts.of(reported, reported), account, "",
                        reported.reportedAt())));
    }
}
