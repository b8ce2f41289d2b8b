package io.gongzhi.casework;

import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each step needs and what it changes: who the parties are, the reasons and limits
 * (extensions, returns and reopenings are counted; a reporter reopens only within a period),
 * the columns a step sets, and the departments it puts on the case.
 */
@Component
class CaseRules {

    private static final Set<CaseAction> NEEDS_REASON = Set.of(CaseAction.REJECT, CaseAction.MERGE, CaseAction.REQUEST_RETURN,
            CaseAction.REQUEST_EXTENSION, CaseAction.DENY_RETURN, CaseAction.DENY_EXTENSION, CaseAction.FEEDBACK, CaseAction.REWORK,
            CaseAction.REOPEN);
    private static final Set<String> STAFF = Set.of("CITY_COMMITTEE", "DISTRICT_COMMITTEE", "SUBDISTRICT_DISPATCHER", "COMMUNITY_WORKER",
            "GRID_WORKER", "DEPARTMENT_STAFF");

    private final JdbcClient jdbc;
    private final Catalogue catalogue;
    private final WorkingCalendar calendar;
    private final CaseQueries queries;
    private final CaseWrites writes;
    private final int maxExtensions;
    private final int maxExtensionDays;
    private final int maxReturns;
    private final int maxReopens;
    private final int reopenDays;

    CaseRules(JdbcClient jdbc, Catalogue catalogue, WorkingCalendar calendar, CaseQueries queries, CaseWrites writes,
              @Value("${gongzhi.casework.max-extensions:2}") int maxExtensions,
              @Value("${gongzhi.casework.max-extension-days:5}") int maxExtensionDays,
              @Value("${gongzhi.casework.max-returns:2}") int maxReturns,
              @Value("${gongzhi.casework.max-reopens:1}") int maxReopens,
              @Value("${gongzhi.casework.reopen-days:7}") int reopenDays) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.queries = queries;
        this.writes = writes;
        this.maxExtensions = maxExtensions;
        this.maxExtensionDays = maxExtensionDays;
        this.maxReturns = maxReturns;
        this.maxReopens = maxReopens;
        this.reopenDays = reopenDays;
    }

    /** Staff report inside their own area; residents and other systems anywhere in the city. */
    boolean staff(Actor actor) {
        return actor.roles().stream().anyMatch(STAFF::contains);
    }

    boolean is(Party party, Case c, Actor actor) {
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

    /** Checks the step's input and returns the columns it sets (besides state and pending). */
    Map<String, Object> changes(Case c, Cases.Command command, CaseState to, Instant now, Actor actor) {
        CaseAction action = command.action();
        var problems = new ArrayList<Violation>();
        String note = command.note() == null ? "" : command.note().strip();
        if (NEEDS_REASON.contains(action) && note.isEmpty()) {
            problems.add(Violation.of("note", "casework.reason-required"));
        }
        if (note.length() > 2000) {
            problems.add(Violation.of("note", "casework.too-long", 2000));
        }
        var set = new LinkedHashMap<String, Object>();
        switch (action) {
            case ACCEPT -> set.put("accepted_at", now);
            case MERGE -> mergeInto(c, command.parent(), actor, problems, set);
            case DISPATCH -> {
                String lead = command.department() == null ? "" : command.department().strip();
                checkDepartments(List.of(lead), "department", problems);
                List<String> co = command.coHandlers() == null ? List.of() : command.coHandlers();
                checkDepartments(co, "coHandlers", problems);
                if (co.stream().anyMatch(code -> code != null && code.strip().equals(lead))) {
                    problems.add(Violation.of("coHandlers", "casework.co-handler-is-lead"));
                }
                set.put("lead_department", lead);
                set.put("dispatched_at", now);
                set.put("deadline", calendar.deadline(now, c.timeLimit()));
                set.put("escalation", 0);
            }
            case CALL_IN -> {
                List<String> called = command.departments() == null ? List.of() : command.departments();
                if (called.isEmpty()) {
                    problems.add(Violation.of("departments", "casework.required"));
                }
                checkDepartments(called, "departments", problems);
                if (command.hours() == null || command.hours() < 1 || command.hours() > 72) {
                    problems.add(Violation.of("hours", "casework.call-in-hours", 1, 72));
                }
            }
            case REQUEST_RETURN -> {
                if (c.returns() >= maxReturns) {
                    problems.add(Violation.of("action", "casework.return-limit", maxReturns));
                }
            }
            case REQUEST_EXTENSION -> {
                if (c.extensions() >= maxExtensions) {
                    problems.add(Violation.of("action", "casework.extension-limit", maxExtensions));
                }
                if (command.days() == null || command.days() < 1 || command.days() > maxExtensionDays) {
                    problems.add(Violation.of("days", "casework.extension-days", 1, maxExtensionDays));
                } else {
                    set.put("pending_days", command.days());
                }
            }
            case APPROVE_RETURN -> {
                set.put("lead_department", null);
                set.put("deadline", null);
                set.put("dispatched_at", null);
                set.put("escalation", 0);
                set.put("returns", c.returns() + 1);
            }
            case APPROVE_EXTENSION -> {
                Instant deadline = calendar.addWorkingDays(c.deadline(), c.pendingDays());
                set.put("deadline", deadline);
                set.put("extensions", c.extensions() + 1);
                set.put("pending_days", 0);
                if (deadline.isAfter(now)) {
                    set.put("escalation", 0);
                }
            }
            case DENY_RETURN, DENY_EXTENSION -> set.put("pending_days", 0);
            case FEEDBACK -> {
                set.put("fed_back_at", now);
                set.put("pending_days", 0);
            }
            case CLOSE -> set.put("closed_at", now);
            case REWORK -> restart(c, now, set, "reworks", c.reworks());
            case REOPEN -> {
                if (c.reopens() >= maxReopens) {
                    problems.add(Violation.of("action", "casework.reopen-limit", maxReopens));
                } else if (c.closedAt() == null || now.isAfter(c.closedAt().plus(Duration.ofDays(reopenDays)))) {
                    problems.add(Violation.of("action", "casework.reopen-too-late", reopenDays));
                }
                restart(c, now, set, "reopens", c.reopens());
                set.put("closed_at", null);
                set.put("rating", null);
            }
            case RATE -> {
                if (c.rating() != null) {
                    problems.add(Violation.of("rating", "casework.rated-already"));
                } else if (command.rating() == null) {
                    problems.add(Violation.of("rating", "casework.required"));
                } else {
                    set.put("rating", command.rating().name());
                }
            }
            default -> {
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return set;
    }

    /** The case as a step's columns ({@link #changes}, with state and pending) and departments ({@link #handlers}) leave it; the same as reading it back. */
    static Case applied(Case c, Map<String, Object> set, Instant now, List<Case.Handler> departments) {
        return new Case(c.id(), c.category(), c.categoryRevision(), c.description(), c.path(), c.lon(), c.lat(), c.address(), c.channel(),
                c.reporterAccount(), c.reporterName(), CaseState.valueOf((String) set.get("state")), Pending.valueOf((String) set.get("pending")),
                (int) set.getOrDefault("pending_days", c.pendingDays()), c.timeLimit(),
                (String) set.getOrDefault("lead_department", c.leadDepartment()), (Instant) set.getOrDefault("deadline", c.deadline()),
                (int) set.getOrDefault("escalation", c.escalation()), (int) set.getOrDefault("extensions", c.extensions()),
                (int) set.getOrDefault("returns", c.returns()), (int) set.getOrDefault("reworks", c.reworks()),
                (int) set.getOrDefault("reopens", c.reopens()), (Long) set.getOrDefault("parent_id", c.parentId()),
                set.containsKey("rating") ? (set.get("rating") == null ? null : Rating.valueOf((String) set.get("rating"))) : c.rating(),
                c.reportedAt(), (Instant) set.getOrDefault("accepted_at", c.acceptedAt()),
                (Instant) set.getOrDefault("dispatched_at", c.dispatchedAt()), (Instant) set.getOrDefault("fed_back_at", c.fedBackAt()),
                (Instant) set.getOrDefault("closed_at", c.closedAt()), now, c.version() + 1, departments);
    }

    /** Handed back to the lead department with a fresh time limit (rework, reopening). */
    private void restart(Case c, Instant now, Map<String, Object> set, String counter, int count) {
        set.put(counter, count + 1);
        set.put("fed_back_at", null);
        set.put("deadline", calendar.deadline(now, c.timeLimit()));
        set.put("escalation", 0);
    }

    private void mergeInto(Case c, Long parentId, Actor actor, List<Violation> problems, Map<String, Object> set) {
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
            set.put("parent_id", parentId);
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

    /** The order of a case's departments: the lead, the co-handlers, those called in; then by code. */
    static final java.util.Comparator<Case.Handler> HANDLER_ORDER = java.util.Comparator
            .comparingInt((Case.Handler h) -> "LEAD".equals(h.role()) ? 0 : "CO".equals(h.role()) ? 1 : 2)
            .thenComparing(Case.Handler::department);

    /**
     * The departments a step puts on the case, or takes off it; answers the case's departments
     * after the step, in {@link #HANDLER_ORDER} (the same as reading them back).
     */
    List<Case.Handler> handlers(Case c, Cases.Command command, Instant now, Actor actor) {
        var after = new ArrayList<>(c.departments());
        switch (command.action()) {
            case DISPATCH -> {
                // the case as read in this step's transaction says which rows there are to replace (none at a first dispatch)
                if (after.removeIf(h -> "LEAD".equals(h.role()) || "CO".equals(h.role()))) {
                    writes.departmentsNow();
                    jdbc.sql("delete from casework_case_department where case_id = :id and role in ('LEAD', 'CO')").param("id", c.id()).update();
                }
                addHandler(c.id(), after, command.department().strip(), "LEAD", null);
                for (String co : command.coHandlers() == null ? List.<String>of() : command.coHandlers()) {
                    addHandler(c.id(), after, co.strip(), "CO", null);
                }
            }
            case APPROVE_RETURN -> {
                writes.departmentsNow();
                jdbc.sql("delete from casework_case_department where case_id = :id and role in ('LEAD', 'CO')").param("id", c.id()).update();
                after.removeIf(h -> "LEAD".equals(h.role()) || "CO".equals(h.role()));
            }
            case CALL_IN -> {
                Instant due = now.plus(Duration.ofHours(command.hours()));
                for (String code : command.departments()) {
                    String d = code.strip();
                    var existing = after.stream().filter(h -> h.department().equals(d)).findFirst();
                    if (existing.isEmpty()) {
                        addHandler(c.id(), after, d, "CALLED", due);
                    } else if ("CALLED".equals(existing.get().role()) && existing.get().answeredAt() == null) {
                        writes.departmentsNow();
                        jdbc.sql("update casework_case_department set answer_due = :due where case_id = :id and department = :d")
                                .param("due", Timestamp.from(due)).param("id", c.id()).param("d", d).update();
                        after.set(after.indexOf(existing.get()), new Case.Handler(d, "CALLED", due, null, null));
                    }
                }
            }
            case ANSWER -> {
                for (String d : c.awaitingAnswer()) {
                    if (actor.jurisdiction().coversDepartment(d)) {
                        writes.departmentsNow();
                        jdbc.sql("update casework_case_department set answered_at = :at, answered_by = :by where case_id = :id and department = :d")
                                .param("at", Timestamp.from(now)).param("by", actor.username()).param("id", c.id()).param("d", d).update();
                        after.replaceAll(h -> h.department().equals(d) ? new Case.Handler(d, h.role(), h.answerDue(), now, actor.username()) : h);
                    }
                }
            }
            default -> {
                return c.departments();
            }
        }
        after.sort(HANDLER_ORDER);
        return List.copyOf(after);
    }

    private void addHandler(long caseId, List<Case.Handler> departments, String department, String role, Instant due) {
        // a department called in earlier and now made lead or co-handler keeps one row, in its new role
        if (departments.removeIf(h -> h.department().equals(department))) {
            writes.departmentsNow();
            jdbc.sql("delete from casework_case_department where case_id = :id and department = :d").param("id", caseId).param("d", department).update();
        }
        writes.addDepartment(caseId, department, role, due);
        departments.add(new Case.Handler(department, role, due, null, null));
    }
}
