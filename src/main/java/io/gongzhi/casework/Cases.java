package io.gongzhi.casework;

import io.gongzhi.casework.internal.CaseQueries;
import io.gongzhi.casework.internal.Category;
import io.gongzhi.casework.internal.Attachments;
import io.gongzhi.casework.internal.CaseRules;
import io.gongzhi.casework.internal.StepResult;
import io.gongzhi.casework.internal.CaseWrites;
import io.gongzhi.casework.internal.Lifecycle;
import io.gongzhi.casework.internal.ReportChecks;
import io.gongzhi.casework.internal.ReporterLinks;
import io.gongzhi.casework.internal.Timeline;

import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import io.gongzhi.casework.internal.GroupCommit;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Conflict;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.NotPermitted;
import io.gongzhi.shared.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The case loop's commands: a report comes in, and every later step is checked three ways
 * before it is taken: the caller must be the step's {@link Party} for this case, the
 * {@link Lifecycle} must allow it in the case's state, and its input must be complete. Each
 * step updates the case (guarded by its version), appends to the timeline, writes an audit row
 * and publishes its events, all in one transaction.
 */
@Service
public class Cases {

    /**
     * A new case: where (coordinates, or a place code), what, through which channel, and who
     * raised it: their name and, when they have no account (a grid worker or the hotline reporting
     * for them), a mobile number to tell them of the result; and a link to a photo or video of the
     * problem held elsewhere (an Open311 client's {@code media_url}: kept as given, never fetched).
     */
    public record Report(String category, String description, Double lon, Double lat, String place, String address,
                         Channel channel, String reporterName, String contactPhone, String mediaUrl) {

        public Report(String category, String description, Double lon, Double lat, String place, String address, Channel channel,
                      String reporterName, String contactPhone) {
            this(category, description, lon, lat, place, address, channel, reporterName, contactPhone, null);
        }

        public Report(String category, String description, Double lon, Double lat, String place, String address, Channel channel,
                      String reporterName) {
            this(category, description, lon, lat, place, address, channel, reporterName, null, null);
        }
    }

    /** The longest link to a photo or video a report may carry (Open311's {@code media_url}). */
    public static final int MAX_MEDIA_URL = 1000;

    /**
     * A step on a case. Which fields matter depends on the action: {@code note} is the reason
     * where one is needed; {@code department} and {@code coHandlers} for a dispatch;
     * {@code departments} and {@code hours} for a call-in; {@code days} for an extension;
     * {@code rating}; {@code parent} for a merge; {@code version}, when given, must match.
     */
    public record Command(CaseAction action, String note, String department, List<String> coHandlers, List<String> departments,
                          Integer days, Integer hours, Rating rating, Long parent, Integer version) {

        public static Command of(CaseAction action, String note) {
            return new Command(action, note, null, null, null, null, null, null, null, null);
        }
    }

    private final CaseQueries queries;
    private final ReportChecks checks;
    private final Audit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CaseRules rules;
    private final GroupCommit groupCommit;
    private final Timeline timeline;
    private final Attachments attachments;
    private final ReporterLinks reporterLinks;
    private final CaseWrites writes;

    Cases(CaseQueries queries, ReportChecks checks, Audit audit, ApplicationEventPublisher events, Clock clock, CaseRules rules, GroupCommit groupCommit, Timeline timeline,
          Attachments attachments, ReporterLinks reporterLinks, CaseWrites writes) {
        this.queries = queries;
        this.checks = checks;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.rules = rules;
        this.groupCommit = groupCommit;
        this.timeline = timeline;
        this.attachments = attachments;
        this.reporterLinks = reporterLinks;
        this.writes = writes;
        groupCommit.beforeEachBatch(queries::readAhead);
    }

    /** Reports a case; returns once it is committed (see {@link GroupCommit}). */
    public Case report(Report report, Actor actor) {
        return report(report, actor, List.of());
    }

    /** Reports a case with photos of the problem (see {@link Attachments} for what is accepted). */
    public Case report(Report report, Actor actor, List<Upload> uploads) {
        var files = attachments.ready(uploads);
        return groupCommit.run(() -> reportNow(report, actor, files));
    }

    private Case reportNow(Report report, Actor actor, List<Attachments.Ready> uploads) {
        ReportChecks.Checked checked = checks.check(report, actor, attachments.check(uploads));
        // the database keeps microseconds: what is answered is exactly what a later read gives
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Category category = checked.category();
        Case reported = Case.builder().category(category.code()).categoryRevision(category.revision()).description(checked.description())
                .path(checked.path()).lon(report.lon()).lat(report.lat()).address(checked.address()).channel(report.channel())
                .reporterAccount(actor.accountId()).reporterName(checked.reporterName()).state(CaseState.REPORTED)
                .timeLimit(category.timeLimit()).reportedAt(now).updatedAt(now).build();
        long id = writes.insert(reported, checked.mediaUrl());
        reported = reported.with().id(id).build();
        reporterLinks.keepContact(id, checked.contact());
        appendStep(id, CaseAction.REPORT, null, CaseState.REPORTED, actor, null, "", now, uploads);
        // the audit row goes with the commit (see Audit.recordAtCommit)
        audit.recordAtCommit(actor, "case.report", "case:" + id, Outcome.SUCCESS, category.code() + " " + report.channel().name());
        StepResult.reported(reported, actor).events().forEach(events::publishEvent);
        return reported;
    }

    /** The steps {@code actor} may take on the case now (what a page offers); input limits are checked when taken. */
    public List<CaseAction> possible(Case c, Actor actor) {
        return java.util.Arrays.stream(CaseAction.values())
                .filter(a -> a.party().isPresent() && rules.is(a.party().get(), c, actor))
                .filter(a -> Lifecycle.next(c.state(), c.pending(), a).isPresent())
                .filter(a -> rules.offered(a, c, clock.instant()))
                .toList();
    }

    /** Takes one step on a case the caller can see; returns once it is committed (see {@link GroupCommit}). */
    public Case act(long id, Command command, Actor actor) {
        return act(id, command, actor, List.of());
    }

    /** Takes a step bringing files (photos of the work done with a feedback, say); refused as a whole when one file is. */
    public Case act(long id, Command command, Actor actor, List<Upload> uploads) {
        var files = attachments.ready(uploads);
        return groupCommit.run(id, () -> actNow(id, command, actor, files));
    }

    /** What a step on one of several cases came to: the case after it, or why it was refused. */
    public record BulkOutcome(long caseId, Case after, RuntimeException refusal) {
        public boolean done() {
            return refusal == null;
        }
    }

    /** The most cases one bulk step may name (a dispatcher's screenful, several times over). */
    public static final int MAX_BULK = 200;

    /**
     * Takes the same step on each case (a dispatcher accepting or dispatching a screenful at
     * once): each case is checked and changed as if alone, so a refused one leaves the others
     * standing; the answer lists every case in the order given. Only refusals a caller can act
     * on (bad input, not this party's step, not now, no such case) are answered per case.
     */
    public List<BulkOutcome> actOnEach(List<Long> ids, Command command, Actor actor) {
        var distinct = ids == null ? List.<Long>of() : ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (distinct.isEmpty()) {
            throw new InvalidInput(Violation.of("ids", "casework.required"));
        }
        if (distinct.size() > MAX_BULK) {
            throw new InvalidInput(Violation.of("ids", "casework.bulk-too-many", MAX_BULK));
        }
        var results = groupCommit.runEach(distinct.stream().map(id -> new GroupCommit.Work<>(id, () -> actNow(id, command, actor, List.of()))).toList());
        var outcomes = new ArrayList<BulkOutcome>(distinct.size());
        for (int i = 0; i < distinct.size(); i++) {
            RuntimeException refusal = results.get(i).failure();
            if (refusal != null && !(refusal instanceof InvalidInput || refusal instanceof Conflict || refusal instanceof NotPermitted
                    || refusal instanceof NotFound)) {
                throw refusal;
            }
            outcomes.add(new BulkOutcome(distinct.get(i), results.get(i).value(), refusal));
        }
        return outcomes;
    }

    private Case actNow(long id, Command command, Actor actor, List<Attachments.Ready> uploads) {
        if (command == null || command.action() == null) {
            throw new InvalidInput(Violation.of("action", "casework.required"));
        }
        var refusedFiles = attachments.check(uploads);
        if (!refusedFiles.isEmpty()) {
            throw new InvalidInput(refusedFiles);
        }
        Case current = queries.get(id, actor);
        CaseAction action = command.action();
        if (action.party().isEmpty() || !rules.is(action.party().get(), current, actor)) {
            throw new NotPermitted("casework.not-your-step", "case " + id + " " + action);
        }
        CaseState to = Lifecycle.next(current.state(), current.pending(), action)
                .orElseThrow(() -> new Conflict("casework.not-now", new DefaultMessageSourceResolvable("casework.action." + action.key()),
                        new DefaultMessageSourceResolvable("casework.state." + current.state().key())));
        if (command.version() != null && command.version() != current.version()) {
            throw new Conflict("casework.changed-meanwhile");
        }
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        StepResult step = rules.take(current, command, to, now, actor);
        // the row is written from the case worked out here, not read back (CaseLoopRandomTests reads it after every step)
        Case after = step.after();
        writes.update(after);
        String department = action.party().get() == Party.LEAD_DEPARTMENT ? current.leadDepartment()
                : action == CaseAction.DISPATCH ? command.department().strip() : null;
        appendStep(id, action, current.state(), to, actor, department, command.note() == null ? "" : command.note().strip(), now, uploads);
        if (action == CaseAction.CLOSE) {
            reporterLinks.sendOnClosing(after);
        }
        audit.recordAtCommit(actor, "case." + action.key(), "case:" + id, Outcome.SUCCESS, current.state().key() + "->" + to.key());
        step.events().forEach(events::publishEvent);
        return after;
    }

    /** The step's timeline row and the files kept with it: a step with files has its row at once, the others with the commit. */
    private void appendStep(long id, CaseAction action, CaseState from, CaseState to, Actor actor, String department, String note, Instant now,
                            List<Attachments.Ready> uploads) {
        if (uploads.isEmpty()) {
            timeline.appendAtCommit(id, action, from, to, actor, department, note, now);
        } else {
            attachments.keep(id, timeline.append(id, action, from, to, actor, department, note, now), uploads, now);
        }
    }
}
