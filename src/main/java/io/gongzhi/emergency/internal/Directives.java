package io.gongzhi.emergency.internal;

import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import io.gongzhi.emergency.DirectiveAcknowledged;
import io.gongzhi.emergency.DirectiveIssued;
import io.gongzhi.emergency.DirectiveReported;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.geography.Unit;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Conflict;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
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
 * Directives down the command chain: a unit issues one to every unit below it down to a level
 * (compounds unless told otherwise), each of which acknowledges it and, when a report is asked
 * for, reports it done, once: a retry of either (a phone on a bad connection) answers what was
 * recorded the first time.
 */
@Service
public class Directives {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 4000;
    static final int MAX_REPORT = 2000;
    /** Units named in one acknowledgement (naming none acknowledges all of one's own, however many). */
    static final int MAX_UNITS_AT_ONCE = 1000;

    /**
     * What the issuer asks: {@code ackHours} to acknowledge (1–72), {@code reportHours} to report
     * done (none: acknowledging is all; else at least {@code ackHours}, at most a week);
     * {@code escalateMinutes} (10–1440, 60 unless given) between raising a silent unit to its
     * parent place at the deadline and to its grandparent.
     */
    public record Issue(String unit, String downTo, String title, String body, Integer ackHours, Integer reportHours, Integer escalateMinutes) {
        public Issue(String unit, String downTo, String title, String body, Integer ackHours, Integer reportHours) {
            this(unit, downTo, title, body, ackHours, reportHours, null);
        }
    }

    public record Directive(long id, String issuerUnit, String issuerPath, Level downTo, String title, String body, Instant ackDue,
                            Instant reportDue, String issuedBy, Instant issuedAt, int recipients) {
        public boolean asksReport() {
            return reportDue != null;
        }
    }

    private final JdbcClient jdbc;
    private final RecipientRows rows;
    private final Hierarchy hierarchy;
    private final Audit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Directives(JdbcClient jdbc, RecipientRows rows, Hierarchy hierarchy, Audit audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.hierarchy = hierarchy;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The places {@code actor} may direct from: its own places above compounds. */
    public List<Unit> issuable(Actor actor) {
        if (!actor.may("directive.issue") || actor.jurisdiction().isEverywhere()) {
            return List.of();
        }
        return hierarchy.roots(actor.jurisdiction()).stream().filter(u -> u.current() && u.level() != Level.COMPOUND).toList();
    }

    @Transactional
    public Directive issue(Issue in, Actor actor) {
        var problems = new ArrayList<Violation>();
        Unit from = in.unit() == null ? null : issuable(actor).stream().filter(u -> u.code().equals(in.unit().strip())).findFirst().orElse(null);
        if (from == null) {
            problems.add(Violation.of("unit", "emergency.directive-unit-not-own"));
        }
        Level downTo = Level.COMPOUND;
        if (in.downTo() != null && !in.downTo().isBlank()) {
            downTo = java.util.Arrays.stream(Level.values()).filter(l -> l.name().equalsIgnoreCase(in.downTo().strip())).findFirst().orElse(null);
        }
        if (downTo == null || from != null && downTo.compareTo(from.level()) <= 0) {
            problems.add(Violation.of("downTo", "emergency.directive-down-to-invalid"));
        }
        String title = text(in.title(), "title", MAX_TITLE, problems);
        String body = text(in.body(), "body", MAX_BODY, problems);
        if (in.ackHours() == null || in.ackHours() < 1 || in.ackHours() > 72) {
            problems.add(Violation.of("ackHours", "emergency.directive-ack-hours", 1, 72));
        }
        if (in.escalateMinutes() != null && (in.escalateMinutes() < 10 || in.escalateMinutes() > 1440)) {
            problems.add(Violation.of("escalateMinutes", "emergency.directive-escalate-minutes", 10, 1440));
        }
        if (in.reportHours() != null && (in.reportHours() > 168 || in.ackHours() != null && in.reportHours() < in.ackHours())) {
            problems.add(Violation.of("reportHours", "emergency.directive-report-hours", in.ackHours() == null ? 1 : in.ackHours(), 168));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Instant now = clock.instant();
        Instant ackDue = now.plus(Duration.ofHours(in.ackHours()));
        Instant reportDue = in.reportHours() == null ? null : now.plus(Duration.ofHours(in.reportHours()));
        List<String> units = hierarchy.pathsUnder(from.code(), downTo);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into emergency_directive (issuer_unit, issuer_path, down_to, title, body, ack_due, report_due, issued_by, issued_at, recipients,
                                                 escalate_minutes)
                values (:unit, :path, :downTo, :title, :body, :ackDue, :reportDue, :actor, :at, :recipients, :escalate)""")
                .param("escalate", in.escalateMinutes() == null ? 60 : in.escalateMinutes())
                .param("unit", from.code()).param("path", from.path()).param("downTo", downTo.name()).param("title", title).param("body", body)
                .param("ackDue", Timestamp.from(ackDue)).param("reportDue", reportDue == null ? null : Timestamp.from(reportDue))
                .param("actor", actor.username()).param("at", Timestamp.from(now)).param("recipients", units.size()).update(keys, "id");
        long id = keys.getKey().longValue();
        rows.write(id, units);
        audit.record(actor, "emergency.directive", "unit:" + from.code(), Outcome.SUCCESS, "directive=" + id + " recipients=" + units.size());
        events.publishEvent(new DirectiveIssued(DirectiveIssued.SCHEMA, UUID.randomUUID(), id, from.code(), from.path(), downTo.name(), title,
                units.size(), ackDue, reportDue, actor.username(), now));
        return find(id).orElseThrow();
    }

    /**
     * Acknowledges the directive for {@code units} (none: every unit of the actor's that has not
     * yet); answers how many this call acknowledged. Units acknowledged before stay as they were.
     */
    @Transactional
    public int acknowledge(long id, List<String> units, Actor actor) {
        if (units.size() > MAX_UNITS_AT_ONCE) {
            throw new InvalidInput(List.of(Violation.of("units", "emergency.directive-too-many-units", MAX_UNITS_AT_ONCE)));
        }
        Directive d = visible(id, actor);
        Instant now = clock.instant();
        int done = 0;
        for (Recipient r : recipients(id, units, actor, "acknowledged_at is null")) {
            if (jdbc.sql("update emergency_recipient set acknowledged_at = ?, acknowledged_by = ? where directive_id = ? and unit_code = ? and acknowledged_at is null")
                    .params(Timestamp.from(now), actor.username(), id, r.unit()).update() == 1) {
                done++;
                events.publishEvent(new DirectiveAcknowledged(DirectiveAcknowledged.SCHEMA, UUID.randomUUID(), id, r.unit(), r.path(),
                        now.isAfter(d.ackDue()), actor.username(), now));
            }
        }
        return done;
    }

    /**
     * Reports the directive done for one unit, acknowledging it too if it was not; the same report
     * again answers as the first did, another one is refused.
     */
    @Transactional
    public void report(long id, String unit, String report, Actor actor) {
        Directive d = visible(id, actor);
        var problems = new ArrayList<Violation>();
        if (unit == null || unit.isBlank()) {
            problems.add(Violation.of("unit", "emergency.directive-unit-required"));
        }
        if (!d.asksReport()) {
            problems.add(Violation.of("report", "emergency.directive-no-report"));
        }
        String text = text(report, "report", MAX_REPORT, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var target = recipients(id, List.of(unit.strip()), actor, "1 = 1");
        if (target.isEmpty()) {
            throw new NotFound("emergency.recipient-not-found", "unit " + unit);
        }
        Recipient r = target.get(0);
        if (r.reportedAt() != null) {
            if (!text.equals(r.report())) {
                throw new Conflict("emergency.already-reported", r.unit());
            }
            return;
        }
        Instant now = clock.instant();
        acknowledge(id, List.of(r.unit()), actor);
        if (jdbc.sql("update emergency_recipient set reported_at = ?, reported_by = ?, report = ? where directive_id = ? and unit_code = ? and reported_at is null")
                .params(Timestamp.from(now), actor.username(), text, id, r.unit()).update() == 1) {
            events.publishEvent(new DirectiveReported(DirectiveReported.SCHEMA, UUID.randomUUID(), id, r.unit(), r.path(),
                    now.isAfter(d.reportDue()), actor.username(), now));
        }
    }

    /** A unit a directive reached, as far as it has answered. */
    public record Recipient(String unit, String path, Instant acknowledgedAt, String acknowledgedBy, Instant reportedAt, String report) {
    }

    /** The actor's units among the directive's recipients, with their answers. */
    public List<Recipient> mine(long id, Actor actor) {
        return recipients(id, List.of(), actor, "1 = 1");
    }

    /** The actor's units among the directive's recipients ({@code units} empty: all of them) that meet {@code condition}. */
    List<Recipient> recipients(long id, List<String> units, Actor actor, String condition) {
        if (!actor.may("directive.acknowledge")) {
            return List.of();
        }
        var where = actor.jurisdiction().where("path");
        var spec = jdbc.sql("select unit_code, path, acknowledged_at, acknowledged_by, reported_at, report from emergency_recipient where directive_id = :id and "
                        + where.sql() + " and " + condition + (units.isEmpty() ? "" : " and unit_code in (:units)") + " order by path")
                .param("id", id).params(where.params());
        if (!units.isEmpty()) {
            spec = spec.param("units", units);
        }
        return spec.query(Directives::recipient).list();
    }

    /** The directive, if {@code actor} may read it: it was issued inside the actor's places, or it reaches into them. */
    public Directive visible(long id, Actor actor) {
        return find(id).filter(d -> Responses.meets(actor.jurisdiction(), d.issuerPath()))
                .orElseThrow(() -> new NotFound("emergency.directive-not-found", "directive " + id));
    }

    java.util.Optional<Directive> find(long id) {
        return jdbc.sql("select * from emergency_directive where id = ?").param(id).query(Directives::row).optional();
    }

    static Directive row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Directive(rs.getLong("id"), rs.getString("issuer_unit"), rs.getString("issuer_path"), Level.valueOf(rs.getString("down_to")),
                rs.getString("title"), rs.getString("body"), rs.getTimestamp("ack_due").toInstant(), instant(rs.getTimestamp("report_due")),
                rs.getString("issued_by"), rs.getTimestamp("issued_at").toInstant(), rs.getInt("recipients"));
    }

    /** A recipient from the columns unit_code, path, acknowledged_at, acknowledged_by, reported_at, report, in that order. */
    static Recipient recipient(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Recipient(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3)), rs.getString(4), instant(rs.getTimestamp(5)),
                rs.getString(6));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String text(String given, String field, int max, List<Violation> problems) {
        String t = given == null ? "" : given.strip();
        if (t.isEmpty()) {
            problems.add(Violation.of(field, "emergency.directive-" + field + "-required"));
        } else if (t.length() > max) {
            problems.add(Violation.of(field, "emergency.directive-too-long", max));
        }
        return t;
    }
}
