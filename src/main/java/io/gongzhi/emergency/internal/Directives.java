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
import io.gongzhi.shared.KeptReads;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.Violation;
import org.springframework.beans.factory.annotation.Value;
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
import java.util.Optional;
import java.util.UUID;

/**
 * Directives down the command chain: a unit issues one to every unit below it down to a level
 * (compounds unless told otherwise), or to chosen units below it and everything under them, or as
 * a follow-up to the units an earlier one reached (all, or those that had not answered). Each
 * recipient answers through {@link Answers}.
 */
@Service
public class Directives {

    static final int MAX_CHOSEN = 200;

    /**
     * What the issuer asks: sent from {@code unit} down to {@code downTo} (COMPOUND unless told), to
     * every unit below it or, when {@code units} names some, to those and everything under them;
     * {@code ackHours} to acknowledge (1–72), {@code reportHours} to report done (none: acknowledging
     * is all; else at least {@code ackHours}, at most a week) on {@code form} (none: a written
     * report); {@code escalateMinutes} (10–1440, 60 unless given) between raising a silent unit to
     * its parent place at the deadline and to its grandparent; {@code remindMinutes} before the
     * deadline the silent units are reminded (0: never; 60 unless given, at most half the time given).
     */
    public record Issue(String unit, String downTo, List<String> units, String title, String body, Integer ackHours, Integer reportHours,
                        Integer escalateMinutes, Integer remindMinutes, List<ReportForm.Given> form) {
        public Issue(String unit, String downTo, String title, String body, Integer ackHours, Integer reportHours, Integer escalateMinutes) {
            this(unit, downTo, null, title, body, ackHours, reportHours, escalateMinutes, null, null);
        }

        public Issue(String unit, String downTo, String title, String body, Integer ackHours, Integer reportHours) {
            this(unit, downTo, title, body, ackHours, reportHours, null);
        }

        DirectiveTerms terms() {
            return new DirectiveTerms(title, body, ackHours, reportHours, escalateMinutes, remindMinutes, form);
        }
    }

    /** Who an earlier directive reached that a follow-up goes to. */
    public enum Audience {
        ALL("1 = 1"), UNACKNOWLEDGED("acknowledged_at is null"), UNREPORTED("reported_at is null");

        final String condition;

        Audience(String condition) {
            this.condition = condition;
        }
    }

    /** A follow-up of an earlier directive, to its recipients of {@code audience} (ALL unless told); the rest as for {@link Issue}. */
    public record FollowUp(String audience, String title, String body, Integer ackHours, Integer reportHours, Integer escalateMinutes,
                           Integer remindMinutes, List<ReportForm.Given> form) {
        DirectiveTerms terms() {
            return new DirectiveTerms(title, body, ackHours, reportHours, escalateMinutes, remindMinutes, form);
        }
    }

    /**
     * A directive as issued and amended since: {@code scope} the chosen units (empty: every unit
     * below the issuer), {@code follows} the directive it follows up.
     */
    public record Directive(long id, String issuerUnit, String issuerPath, Level downTo, List<String> scope, String title, String body,
                            Instant ackDue, Instant reportDue, ReportForm form, int remindMinutes, Long follows, int amendments,
                            String issuedBy, Instant issuedAt, int recipients) {
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

    Directives(JdbcClient jdbc, RecipientRows rows, Hierarchy hierarchy, Audit audit, ApplicationEventPublisher events, Clock clock,
               @Value("${gongzhi.emergency.directive-keep:PT2S}") Duration keep) {
        this.keptRows = new KeptReads<>(keep, 1_000);
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
        List<Unit> chosen = from == null || downTo == null ? List.of() : chosen(in.units(), from, downTo, problems);
        DirectiveTerms.Checked terms = in.terms().check(problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        List<String> units;
        if (chosen.isEmpty()) {
            units = hierarchy.pathsUnder(from.code(), downTo);
        } else {
            var paths = new java.util.LinkedHashSet<String>();
            for (Unit u : chosen) {
                paths.add(u.path());
                paths.addAll(hierarchy.pathsUnder(u.code(), downTo));
            }
            units = List.copyOf(paths);
        }
        return create(from, downTo, chosen.stream().map(Unit::code).toList(), null, terms, units, actor);
    }

    /**
     * Follows up directive {@code id} from its issuing place (which must be one the actor directs
     * from): to every unit it reached, or to those that had not acknowledged, or not reported.
     */
    @Transactional
    public Directive followUp(long id, FollowUp in, Actor actor) {
        Directive earlier = visible(id, actor);
        Unit from = issuable(actor).stream().filter(u -> u.code().equals(earlier.issuerUnit())).findFirst()
                .orElseThrow(() -> new io.gongzhi.shared.NotPermitted("emergency.directive-unit-not-own", "directive " + id + " is not of the actor's place"));
        var problems = new ArrayList<Violation>();
        Audience audience = in.audience() == null || in.audience().isBlank() ? Audience.ALL : java.util.Arrays.stream(Audience.values())
                .filter(a -> a.name().equalsIgnoreCase(in.audience().strip())).findFirst().orElse(null);
        if (audience == null) {
            problems.add(Violation.of("audience", "emergency.directive-audience-invalid"));
        }
        DirectiveTerms.Checked terms = in.terms().check(problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        List<String> units = jdbc.sql("select path from emergency_recipient where directive_id = ? and " + audience.condition + " order by path")
                .param(id).query(String.class).list();
        if (units.isEmpty()) {
            throw new InvalidInput(List.of(Violation.of("audience", "emergency.directive-audience-empty")));
        }
        return create(from, earlier.downTo(), earlier.scope(), id, terms, units, actor);
    }

    /** The units chosen below {@code from}, current and not below {@code downTo}; none: every unit. */
    private List<Unit> chosen(List<String> codes, Unit from, Level downTo, List<Violation> problems) {
        var given = codes == null ? List.<String>of() : codes.stream().filter(c -> c != null && !c.isBlank()).map(String::strip).distinct().toList();
        if (given.size() > MAX_CHOSEN) {
            problems.add(Violation.of("units", "emergency.directive-too-many-chosen", MAX_CHOSEN));
            return List.of();
        }
        var units = new ArrayList<Unit>();
        for (String code : given) {
            Unit u;
            try {
                u = hierarchy.unit(code);
            } catch (NotFound e) {
                u = null;
            }
            if (u == null || !u.current() || u.path().equals(from.path()) || !io.gongzhi.shared.RegionPath.of(from.path()).covers(u.path())
                    || u.level().compareTo(downTo) > 0) {
                problems.add(Violation.of("units", "emergency.directive-chosen-outside", code));
            } else {
                units.add(u);
            }
        }
        return units;
    }

    private Directive create(Unit from, Level downTo, List<String> scope, Long follows, DirectiveTerms.Checked t, List<String> units, Actor actor) {
        Instant now = clock.instant();
        Instant ackDue = now.plus(Duration.ofHours(t.ackHours()));
        Instant reportDue = t.reportHours() == null ? null : now.plus(Duration.ofHours(t.reportHours()));
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into emergency_directive (issuer_unit, issuer_path, down_to, scope, title, body, ack_due, report_due, report_form, remind_minutes,
                                                 follows, issued_by, issued_at, recipients, escalate_minutes)
                values (:unit, :path, :downTo, :scope, :title, :body, :ackDue, :reportDue, :form, :remind, :follows, :actor, :at, :recipients, :escalate)""")
                .param("escalate", t.escalateMinutes()).param("remind", t.remindMinutes()).param("form", t.form().json())
                .param("scope", scope.isEmpty() ? null : String.join(" ", scope)).param("follows", follows)
                .param("unit", from.code()).param("path", from.path()).param("downTo", downTo.name()).param("title", t.title()).param("body", t.body())
                .param("ackDue", Timestamp.from(ackDue)).param("reportDue", reportDue == null ? null : Timestamp.from(reportDue))
                .param("actor", actor.username()).param("at", Timestamp.from(now)).param("recipients", units.size()).update(keys, "id");
        long id = keys.getKey().longValue();
        rows.write(id, units);
        audit.record(actor, "emergency.directive", "unit:" + from.code(), Outcome.SUCCESS,
                "directive=" + id + " recipients=" + units.size() + (follows == null ? "" : " follows=" + follows));
        events.publishEvent(new DirectiveIssued(DirectiveIssued.SCHEMA, UUID.randomUUID(), id, from.code(), from.path(), downTo.name(), t.title(),
                units.size(), ackDue, reportDue, actor.username(), now));
        return find(id).orElseThrow();
    }

    /**
     * The directive, if {@code actor} may read it: it was issued at or inside the actor's places, or
     * it reached a unit inside them (one sent to chosen units is not for the places beside them);
     * any other answers as one that does not exist.
     */
    public Directive visible(long id, Actor actor) {
        return visible(find(id), id, actor, false);
    }

    /**
     * As {@link #visible(long, Actor)}, for an answer: the directive as read at most
     * {@code gongzhi.emergency.directive-keep} (2 s) ago, since 200,000 compounds acknowledging one
     * directive would otherwise read its row 200,000 times (an amendment on this node forgets it at
     * once, {@link #forget}; one on another node shows here within the keep); {@code reached}: the
     * caller has just read a recipient of it inside the actor's places, which is what {@link #reaches} asks.
     */
    Directive answerable(long id, Actor actor, boolean reached) {
        return visible(Optional.ofNullable(keptRows.get(id, key -> find(key).orElse(null))), id, actor, reached);
    }

    private Directive visible(Optional<Directive> directive, long id, Actor actor, boolean reached) {
        return directive.filter(d -> actor.jurisdiction().covers(d.issuerPath())
                        || Responses.meets(actor.jurisdiction(), d.issuerPath()) && (reached || reaches(id, actor)))
                .orElseThrow(() -> new NotFound("emergency.directive-not-found", "directive " + id));
    }

    private final KeptReads<Long, Directive> keptRows;

    /** A directive's row changed (an amendment): read it again next time. */
    void forget() {
        keptRows.forgetAll();
    }

    /** Whether a unit inside the actor's places is among the directive's recipients (one read through its (directive, path) index). */
    private boolean reaches(long id, Actor actor) {
        var where = actor.jurisdiction().where("path");
        return !jdbc.sql("select 1 from emergency_recipient where directive_id = :id and " + where.sql() + " fetch first 1 rows only")
                .param("id", id).params(where.params()).query(Integer.class).list().isEmpty();
    }

    /** The directives that follow up {@code id}, oldest first. */
    public List<Directive> followUps(long id) {
        return jdbc.sql("select * from emergency_directive where follows = ? order by id").param(id).query(Directives::row).list();
    }

    public Optional<Directive> find(long id) {
        return jdbc.sql("select * from emergency_directive where id = ?").param(id).query(Directives::row).optional();
    }

    static Directive row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String scope = rs.getString("scope");
        long followed = rs.getLong("follows");
        Long follows = rs.wasNull() ? null : followed;
        return new Directive(rs.getLong("id"), rs.getString("issuer_unit"), rs.getString("issuer_path"), Level.valueOf(rs.getString("down_to")),
                scope == null ? List.of() : List.of(scope.split(" ")), rs.getString("title"), rs.getString("body"), rs.getTimestamp("ack_due").toInstant(),
                instant(rs.getTimestamp("report_due")), ReportForm.parse(rs.getString("report_form")), rs.getInt("remind_minutes"),
                follows, rs.getInt("amendments"), rs.getString("issued_by"), rs.getTimestamp("issued_at").toInstant(),
                rs.getInt("recipients"));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

}
