package io.gongzhi.emergency.internal;

import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import io.gongzhi.emergency.DirectiveAmended;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.NotPermitted;
import io.gongzhi.shared.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Amendments of a directive by its issuing place: text added to it and deadlines moved later (never
 * earlier: a unit must not fall silent by a stroke of the pen), each with its reason, kept in order
 * and never edited; every recipient hears of it. A deadline moved later is reminded of again.
 */
@Service
public class Amendments {

    static final int MAX_ADDITION = 2000;
    static final int MAX_REASON = 500;
    static final int MAX_EXTEND_HOURS = 72;

    /** What an issuer changes: text to add, hours to move each deadline later (none or 0: unchanged), and why. */
    public record Amend(String addition, Integer extendAckHours, Integer extendReportHours, String reason) {
    }

    /** One amendment as kept: the deadlines are those it set (null: unchanged). */
    public record Amendment(String addition, Instant ackDue, Instant reportDue, String reason, String amendedBy, Instant amendedAt) {
    }

    private final JdbcClient jdbc;
    private final Directives directives;
    private final Audit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Amendments(JdbcClient jdbc, Directives directives, Audit audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.directives = directives;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Directives.Directive amend(long id, Amend in, Actor actor) {
        Directives.Directive d = directives.visible(id, actor);
        if (directives.issuable(actor).stream().noneMatch(u -> u.code().equals(d.issuerUnit()))) {
            throw new NotPermitted("emergency.directive-unit-not-own", "directive " + id + " is not of the actor's place");
        }
        var problems = new ArrayList<Violation>();
        String addition = in.addition() == null ? "" : in.addition().strip();
        if (addition.length() > MAX_ADDITION) {
            problems.add(Violation.of("addition", "emergency.directive-too-long", MAX_ADDITION));
        }
        int ack = hours(in.extendAckHours(), "extendAckHours", problems);
        int report = hours(in.extendReportHours(), "extendReportHours", problems);
        if (report > 0 && !d.asksReport()) {
            problems.add(Violation.of("extendReportHours", "emergency.directive-no-report"));
        }
        if (addition.isEmpty() && ack == 0 && report == 0) {
            problems.add(Violation.of("addition", "emergency.amendment-empty"));
        }
        String reason = in.reason() == null ? "" : in.reason().strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            problems.add(Violation.of("reason", "emergency.amendment-reason", MAX_REASON));
        }
        Instant ackDue = ack == 0 ? null : d.ackDue().plus(Duration.ofHours(ack));
        Instant reportDue = report == 0 || !d.asksReport() ? null : d.reportDue().plus(Duration.ofHours(report));
        // the report stays due no earlier than the acknowledgement
        if (d.asksReport() && (ackDue != null ? ackDue : d.ackDue()).isAfter(reportDue != null ? reportDue : d.reportDue())) {
            problems.add(Violation.of("extendReportHours", "emergency.amendment-report-before-ack"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Instant now = clock.instant();
        jdbc.sql("""
                insert into emergency_amendment (directive_id, addition, ack_due, report_due, reason, amended_by, amended_at)
                values (?, ?, ?, ?, ?, ?, ?)""").params(id, addition.isEmpty() ? null : addition, ackDue == null ? null : Timestamp.from(ackDue),
                reportDue == null ? null : Timestamp.from(reportDue), reason, actor.username(), Timestamp.from(now)).update();
        jdbc.sql("""
                update emergency_directive set amendments = amendments + 1, ack_due = coalesce(?, ack_due), report_due = coalesce(?, report_due),
                       reminded_at = case when ? then null else reminded_at end where id = ?""")
                .params(ackDue == null ? null : Timestamp.from(ackDue), reportDue == null ? null : Timestamp.from(reportDue), ackDue != null, id).update();
        directives.forget();
        audit.record(actor, "emergency.amend", "unit:" + d.issuerUnit(), Outcome.SUCCESS, "directive=" + id + " amendment=" + (d.amendments() + 1));
        events.publishEvent(new DirectiveAmended(DirectiveAmended.SCHEMA, UUID.randomUUID(), id, d.issuerUnit(), d.issuerPath(), d.amendments() + 1,
                reason, ackDue, reportDue, actor.username(), now));
        return directives.find(id).orElseThrow();
    }

    /** The amendments of a directive the reader may read, oldest first. */
    public List<Amendment> of(long id) {
        return jdbc.sql("select addition, ack_due, report_due, reason, amended_by, amended_at from emergency_amendment where directive_id = ? order by id")
                .param(id).query((rs, n) -> new Amendment(rs.getString(1), Directives.instant(rs.getTimestamp(2)), Directives.instant(rs.getTimestamp(3)),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant())).list();
    }

    private static int hours(Integer given, String field, List<Violation> problems) {
        if (given == null) {
            return 0;
        }
        if (given < 0 || given > MAX_EXTEND_HOURS) {
            problems.add(Violation.of(field, "emergency.amendment-hours", 0, MAX_EXTEND_HOURS));
            return 0;
        }
        return given;
    }
}
