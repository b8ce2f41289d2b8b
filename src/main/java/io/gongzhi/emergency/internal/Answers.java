package io.gongzhi.emergency.internal;

import io.gongzhi.emergency.DirectiveReported;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Conflict;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The recipients' answers to a directive: each of a person's units acknowledges it and, when a
 * report is asked for, reports it done on the directive's form, once: a retry of either (a phone
 * on a bad connection) answers what was recorded the first time.
 */
@Service
public class Answers {

    static final int MAX_NOTE = 2000;
    /** Units named in one acknowledgement (naming none acknowledges all of one's own, however many). */
    static final int MAX_UNITS_AT_ONCE = 1000;

    /** A unit a directive reached, as far as it has answered: its report's note and its values on the form by field key. */
    public record Recipient(String unit, String path, Instant acknowledgedAt, String acknowledgedBy, Instant reportedAt, String report,
                            Map<String, String> values) {
        public Recipient {
            values = values == null ? Map.of() : Map.copyOf(values);
        }
    }

    private final JdbcClient jdbc;
    private final Directives directives;
    private final ApplicationEventPublisher events;
    private final AcknowledgementWriter writer;
    private final Clock clock;

    Answers(JdbcClient jdbc, Directives directives, ApplicationEventPublisher events, AcknowledgementWriter writer, Clock clock) {
        this.jdbc = jdbc;
        this.directives = directives;
        this.events = events;
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * Acknowledges the directive for {@code units} (none: every unit of the actor's that has not
     * yet); answers how many this call acknowledged. Units acknowledged before stay as they were.
     * The rows are written with those of other callers in one commit ({@link AcknowledgementWriter}).
     */
    public int acknowledge(long id, List<String> units, Actor actor) {
        if (units.size() > MAX_UNITS_AT_ONCE) {
            throw new InvalidInput(List.of(Violation.of("units", "emergency.directive-too-many-units", MAX_UNITS_AT_ONCE)));
        }
        // the named units inside the actor's places, answered or not: finding one proves the directive
        // reaches the actor, so the storm's call reads the directive's row (kept) and these rows only
        var named = units.isEmpty() ? null : recipients(id, units, actor, "1 = 1");
        Directives.Directive d = directives.answerable(id, actor, named != null && !named.isEmpty());
        Instant now = clock.instant();
        var open = named == null ? recipients(id, units, actor, "acknowledged_at is null")
                : named.stream().filter(r -> r.acknowledgedAt() == null).toList();
        var acks = open.stream()
                .map(r -> new AcknowledgementWriter.Ack(id, r.unit(), r.path(), now.isAfter(d.ackDue()), actor.username(), now)).toList();
        return writer.write(acks);
    }

    /** A written report only, for a directive without a form. */
    @Transactional
    public void report(long id, String unit, String note, Actor actor) {
        report(id, unit, Map.of(), note, actor);
    }

    /**
     * Reports the directive done for one unit with {@code values} on its form and a {@code note}
     * (required when the directive has no form), acknowledging it too if it was not; the same
     * report again answers as the first did, another one is refused.
     */
    @Transactional
    public void report(long id, String unit, Map<String, String> values, String note, Actor actor) {
        Directives.Directive d = directives.visible(id, actor);
        var problems = new ArrayList<Violation>();
        if (unit == null || unit.isBlank()) {
            problems.add(Violation.of("unit", "emergency.directive-unit-required"));
        }
        if (!d.asksReport()) {
            problems.add(Violation.of("report", "emergency.directive-no-report"));
        }
        Map<String, String> checked = d.form().check(values, problems);
        String text = note == null ? "" : note.strip();
        if (text.isEmpty() && d.form().isEmpty()) {
            problems.add(Violation.of("report", "emergency.directive-report-required"));
        } else if (text.length() > MAX_NOTE) {
            problems.add(Violation.of("report", "emergency.directive-too-long", MAX_NOTE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var target = recipients(id, List.of(unit.strip()), actor, "1 = 1");
        if (target.isEmpty()) {
            throw new NotFound("emergency.recipient-not-found", "unit " + unit);
        }
        Recipient r = target.get(0);
        if (r.reportedAt() != null) {
            if (!text.equals(r.report() == null ? "" : r.report()) || !checked.equals(r.values())) {
                throw new Conflict("emergency.already-reported", r.unit());
            }
            return;
        }
        Instant now = clock.instant();
        acknowledge(id, List.of(r.unit()), actor);
        if (jdbc.sql("update emergency_recipient set reported_at = ?, reported_by = ?, report = ? where directive_id = ? and unit_code = ? and reported_at is null")
                .params(Timestamp.from(now), actor.username(), text.isEmpty() ? null : text, id, r.unit()).update() == 1) {
            for (var f : d.form().fields()) {
                String v = checked.get(f.key());
                if (v != null) {
                    jdbc.sql("insert into emergency_report_value (directive_id, unit_code, path, field, number_value, text_value) values (?, ?, ?, ?, ?, ?)")
                            .params(id, r.unit(), r.path(), f.key(), f.summed() ? Long.parseLong(v) : null, f.summed() ? null : v).update();
                }
            }
            events.publishEvent(new DirectiveReported(DirectiveReported.SCHEMA, UUID.randomUUID(), id, r.unit(), r.path(),
                    now.isAfter(d.reportDue()), actor.username(), now));
        }
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
        var found = spec.query(Answers::recipient).list();
        if (found.stream().noneMatch(r -> r.reportedAt() != null)) {
            return found;
        }
        // the values of those that reported, read in one go
        var values = new HashMap<String, Map<String, String>>();
        var reported = found.stream().filter(r -> r.reportedAt() != null).map(Recipient::unit).toList();
        for (int from = 0; from < reported.size(); from += MAX_UNITS_AT_ONCE) {
            jdbc.sql("select unit_code, field, number_value, text_value from emergency_report_value where directive_id = :id and unit_code in (:units)")
                    .param("id", id).param("units", reported.subList(from, Math.min(reported.size(), from + MAX_UNITS_AT_ONCE)))
                    .query(rs -> {
                        long number = rs.getLong(3);
                        String v = rs.wasNull() ? rs.getString(4) : String.valueOf(number);
                        values.computeIfAbsent(rs.getString(1), u -> new TreeMap<>()).put(rs.getString(2), v);
                    });
        }
        return found.stream().map(r -> new Recipient(r.unit(), r.path(), r.acknowledgedAt(), r.acknowledgedBy(), r.reportedAt(), r.report(),
                values.get(r.unit()))).toList();
    }

    /** A recipient from the columns unit_code, path, acknowledged_at, acknowledged_by, reported_at, report, in that order. */
    static Recipient recipient(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Recipient(rs.getString(1), rs.getString(2), Directives.instant(rs.getTimestamp(3)), rs.getString(4),
                Directives.instant(rs.getTimestamp(5)), rs.getString(6), Map.of());
    }
}
