package io.gongzhi.casework.internal;

import io.gongzhi.casework.Case;
import io.gongzhi.casework.CaseAction;
import io.gongzhi.casework.CaseState;
import io.gongzhi.casework.Cases;
import io.gongzhi.casework.Party;

import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What each step needs and what it changes: who the parties are, the reasons and limits
 * (extensions, returns and reopenings are counted; a reporter reopens only within a period),
 * and the case a step leaves, field by field, with the departments it puts on the case
 * ({@link CaseDepartments}) and the events it raises ({@link StepResult}).
 */
@Component
public class CaseRules {

    /** Whether a step must say why (or, for feedback, what was done). */
    public static boolean needsNote(CaseAction action) {
        return NEEDS_REASON.contains(action);
    }

    private static final Set<CaseAction> NEEDS_REASON = Set.of(CaseAction.REJECT, CaseAction.MERGE, CaseAction.REQUEST_RETURN,
            CaseAction.REQUEST_EXTENSION, CaseAction.DENY_RETURN, CaseAction.DENY_EXTENSION, CaseAction.FEEDBACK, CaseAction.REWORK,
            CaseAction.REOPEN);

    private final Catalogue catalogue;
    private final WorkingCalendar calendar;
    private final CaseQueries queries;
    private final CaseDepartments departments;
    private final int maxExtensions;
    private final int maxExtensionDays;
    private final int maxReturns;
    private final int maxReopens;
    private final int reopenDays;

    CaseRules(Catalogue catalogue, WorkingCalendar calendar, CaseQueries queries, CaseDepartments departments,
              @Value("${gongzhi.casework.max-extensions:2}") int maxExtensions,
              @Value("${gongzhi.casework.max-extension-days:5}") int maxExtensionDays,
              @Value("${gongzhi.casework.max-returns:2}") int maxReturns,
              @Value("${gongzhi.casework.max-reopens:1}") int maxReopens,
              @Value("${gongzhi.casework.reopen-days:7}") int reopenDays) {
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.queries = queries;
        this.departments = departments;
        this.maxExtensions = maxExtensions;
        this.maxExtensionDays = maxExtensionDays;
        this.maxReturns = maxReturns;
        this.maxReopens = maxReopens;
        this.reopenDays = reopenDays;
    }

    /** Staff (who may read the cases of their area) report inside it; residents and other systems anywhere in the city. */
    public boolean staff(Actor actor) {
        return actor.may("case.read");
    }

    public boolean is(Party party, Case c, Actor actor) {
        var j = actor.jurisdiction();
        if (party == Party.REPORTER) {
            return actor.accountId() != null && actor.accountId().equals(c.reporterAccount()) || ReporterLinks.holds(actor, c.id());
        }
        if (!actor.may(party.permission().orElseThrow()) || !j.covers(c.path())) {
            return false;
        }
        return switch (party) {
            case LEAD_DEPARTMENT -> c.leadDepartment() != null && j.coversDepartment(c.leadDepartment());
            case CALLED_DEPARTMENT -> c.awaitingAnswer().stream().anyMatch(j::coversDepartment);
            default -> true;
        };
    }

    /**
     * Takes the step on the case, as {@link Lifecycle} has allowed it to {@code to}: checks its input
     * (a refusal names the field), and answers the case after it and the events it raises, for the
     * caller to write and publish with its commit.
     */
    public StepResult take(Case c, Cases.Command command, CaseState to, Instant now, Actor actor) {
        Case after = changed(c, command, now, actor).state(to).pending(Lifecycle.pendingAfter(c.pending(), command.action()))
                .updatedAt(now).version(c.version() + 1).departments(departments.after(c, command, now, actor)).build();
        return StepResult.of(command.action(), c, after, actor, command.note(), now);
    }

    /** Checks the step's input and answers the case with what the step changes set (all but state, pending and departments). */
    private Case.Builder changed(Case c, Cases.Command command, Instant now, Actor actor) {
        CaseAction action = command.action();
        var problems = new ArrayList<Violation>();
        String note = command.note() == null ? "" : command.note().strip();
        if (NEEDS_REASON.contains(action) && note.isEmpty()) {
            problems.add(Violation.of("note", action == CaseAction.FEEDBACK ? "casework.work-required" : "casework.reason-required"));
        }
        if (note.length() > 2000) {
            problems.add(Violation.of("note", "casework.too-long", 2000));
        }
        Case.Builder next = c.with();
        switch (action) {
            case ACCEPT -> next.acceptedAt(now);
            case MERGE -> mergeInto(c, command.parent(), actor, problems, next);
            case DISPATCH -> dispatch(c, command, now, problems, next);
            case CALL_IN -> checkCallIn(command, problems);
            case REQUEST_RETURN -> {
                if (c.returns() >= maxReturns) {
                    problems.add(Violation.of("action", "casework.return-limit", maxReturns));
                }
            }
            case REQUEST_EXTENSION -> requestExtension(c, command, problems, next);
            case APPROVE_RETURN -> next.leadDepartment(null).deadline(null).dispatchedAt(null).escalation(0).returns(c.returns() + 1);
            case APPROVE_EXTENSION -> {
                Instant deadline = calendar.addWorkingDays(c.deadline(), c.pendingDays());
                next.deadline(deadline).extensions(c.extensions() + 1).pendingDays(0);
                if (deadline.isAfter(now)) {
                    next.escalation(0);
                }
            }
            case DENY_RETURN, DENY_EXTENSION -> next.pendingDays(0);
            case FEEDBACK -> next.fedBackAt(now).pendingDays(0);
            case CLOSE -> next.closedAt(now);
            case REWORK -> restart(c, now, next).reworks(c.reworks() + 1);
            case REOPEN -> reopen(c, now, problems, next);
            case RATE -> rate(c, command, problems, next);
            default -> {
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return next;
    }

    /** To a lead department that exists and is active, with co-handlers other than the lead; due by the category's time limit. */
    private void dispatch(Case c, Cases.Command command, Instant now, List<Violation> problems, Case.Builder next) {
        String lead = command.department() == null ? "" : command.department().strip();
        checkDepartments(List.of(lead), "department", problems);
        List<String> co = command.coHandlers() == null ? List.of() : command.coHandlers();
        checkDepartments(co, "coHandlers", problems);
        if (co.stream().anyMatch(code -> code != null && code.strip().equals(lead))) {
            problems.add(Violation.of("coHandlers", "casework.co-handler-is-lead"));
        }
        next.leadDepartment(lead).dispatchedAt(now).deadline(calendar.deadline(now, c.timeLimit())).escalation(0);
    }

    private void checkCallIn(Cases.Command command, List<Violation> problems) {
        List<String> called = command.departments() == null ? List.of() : command.departments();
        if (called.isEmpty()) {
            problems.add(Violation.of("departments", "casework.required"));
        }
        checkDepartments(called, "departments", problems);
        if (command.hours() == null || command.hours() < 1 || command.hours() > 72) {
            problems.add(Violation.of("hours", "casework.call-in-hours", 1, 72));
        }
    }

    private void requestExtension(Case c, Cases.Command command, List<Violation> problems, Case.Builder next) {
        if (c.extensions() >= maxExtensions) {
            problems.add(Violation.of("action", "casework.extension-limit", maxExtensions));
        }
        if (command.days() == null || command.days() < 1 || command.days() > maxExtensionDays) {
            problems.add(Violation.of("days", "casework.extension-days", 1, maxExtensionDays));
        } else {
            next.pendingDays(command.days());
        }
    }

    /**
     * Whether a step the lifecycle allows can be taken now whatever is given with it, so that it
     * is offered: a rated case is not rated again, and is reopened only within its limit and period.
     */
    public boolean offered(CaseAction action, Case c, Instant now) {
        return switch (action) {
            case RATE -> c.rating() == null;
            case REOPEN -> c.reopens() < maxReopens && c.closedAt() != null && !now.isAfter(c.closedAt().plus(Duration.ofDays(reopenDays)));
            default -> true;
        };
    }

    /** Within its limit and period after closing: back to the lead department, unrated. */
    private void reopen(Case c, Instant now, List<Violation> problems, Case.Builder next) {
        if (c.reopens() >= maxReopens) {
            problems.add(Violation.of("action", "casework.reopen-limit", maxReopens));
        } else if (c.closedAt() == null || now.isAfter(c.closedAt().plus(Duration.ofDays(reopenDays)))) {
            problems.add(Violation.of("action", "casework.reopen-too-late", reopenDays));
        }
        restart(c, now, next).reopens(c.reopens() + 1).closedAt(null).rating(null);
    }

    private static void rate(Case c, Cases.Command command, List<Violation> problems, Case.Builder next) {
        if (c.rating() != null) {
            problems.add(Violation.of("rating", "casework.rated-already"));
        } else if (command.rating() == null) {
            problems.add(Violation.of("rating", "casework.required"));
        } else {
            next.rating(command.rating());
        }
    }

    /** Handed back to the lead department with a fresh time limit (rework, reopening). */
    private Case.Builder restart(Case c, Instant now, Case.Builder next) {
        return next.fedBackAt(null).deadline(calendar.deadline(now, c.timeLimit())).escalation(0);
    }

    private void mergeInto(Case c, Long parentId, Actor actor, List<Violation> problems, Case.Builder next) {
        if (parentId == null) {
            problems.add(Violation.of("parent", "casework.required"));
            return;
        }
        if (parentId == c.id()) {
            problems.add(Violation.of("parent", "casework.merge-into-itself"));
            return;
        }
        var parent = queries.find(parentId, actor);
        if (parent.isEmpty()) {
            problems.add(Violation.of("parent", "casework.parent-unknown", parentId));
        } else if (!parent.get().state().open() || parent.get().state() == CaseState.REPORTED) {
            problems.add(Violation.of("parent", "casework.parent-not-open", parentId));
        } else {
            next.parentId(parentId);
        }
    }

    private void checkDepartments(List<String> codes, String field, List<Violation> problems) {
        var active = new LinkedHashSet<String>();
        catalogue.departments().stream().filter(Department::active).forEach(d -> active.add(d.code()));
        if (codes.stream().map(code -> code == null ? null : code.strip()).distinct().count() != codes.size()) {
            problems.add(Violation.of(field, "casework.department-twice"));
        }
        for (String code : codes) {
            if (code == null || !active.contains(code.strip())) {
                problems.add(Violation.of(field, code == null || code.isBlank() ? "casework.required" : "casework.department-unknown",
                        code));
            }
        }
    }
}
