package io.gongzhi.emergency.internal;

import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.geography.Unit;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.RegionPath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The report of an emergency response, for its stand-down (or, while it is in force, so far): its
 * timeline of levels, the directives issued inside it during it with how each was acknowledged,
 * reported and left silent, how long half and nine in ten of the units took to acknowledge, the
 * figures of their report forms, and how many of the compounds below were reached and answered.
 * Read as seen from one place: the response's own unit for those whose places hold it, else the
 * reader's own place inside it; only the units below that place are counted.
 */
@Component
public class ResponseReports {

    /** A compound's depth in the hierarchy: city, district, sub-district, community, grid, compound. */
    static final int COMPOUND_DEPTH = Level.COMPOUND.ordinal() + 1;

    /** How one directive went below the place: counts, and the minutes by which half and nine in ten of its units had acknowledged (null: not yet). */
    public record DirectiveFigures(Directives.Directive directive, String issuer, long units, long acknowledged, long onTime, long reported,
                                   long silent, Long halfMinutes, Long ninetyMinutes, List<DirectiveProgress.Figure> figures,
                                   AcknowledgementCurves.Curve curve) {
        public int acknowledgedPercent() {
            return units == 0 ? 0 : (int) (acknowledged * 100 / units);
        }

        public int onTimePercent() {
            return units == 0 ? 0 : (int) (onTime * 100 / units);
        }
    }

    /** How many compounds below the place there are, were reached by at least one directive, and acknowledged every directive that reached them. */
    public record Coverage(long compounds, long reached, long answeredAll) {
        public int reachedPercent() {
            return compounds == 0 ? 0 : (int) (reached * 100 / compounds);
        }

        public int answeredPercent() {
            return compounds == 0 ? 0 : (int) (answeredAll * 100 / compounds);
        }
    }

    public record Report(Responses.Response response, String responseName, Unit place, Instant from, Instant to, boolean final_,
                         List<Responses.Change> timeline, List<DirectiveFigures> directives, Coverage coverage) {
        public long hours() {
            return Duration.between(from, to).toHours();
        }

        public long units() {
            return directives.stream().mapToLong(DirectiveFigures::units).sum();
        }

        public long acknowledged() {
            return directives.stream().mapToLong(DirectiveFigures::acknowledged).sum();
        }

        public long silent() {
            return directives.stream().mapToLong(DirectiveFigures::silent).sum();
        }
    }

    private final JdbcClient jdbc;
    private final Responses responses;
    private final DirectiveProgress progress;
    private final AcknowledgementCurves curves;
    private final Hierarchy hierarchy;
    private final Clock clock;

    ResponseReports(JdbcClient jdbc, Responses responses, DirectiveProgress progress, AcknowledgementCurves curves, Hierarchy hierarchy, Clock clock) {
        this.jdbc = jdbc;
        this.responses = responses;
        this.progress = progress;
        this.curves = curves;
        this.hierarchy = hierarchy;
        this.clock = clock;
    }

    public Report of(long id, Actor actor) {
        Responses.Response r = responses.get(id, actor.jurisdiction());
        Unit place = actor.jurisdiction().covers(r.path()) ? hierarchy.unit(r.unitCode())
                : hierarchy.roots(actor.jurisdiction()).stream().filter(u -> r.holdsOver(u.path())).findFirst()
                        .orElseThrow(() -> new NotFound("emergency.response-not-found", "response " + id));
        Instant to = r.inForce() ? clock.instant() : r.stoodDownAt();
        // the directives issued inside the response while it was in force that reach the place
        var issued = jdbc.sql("select * from emergency_directive where (issuer_path = :path or issuer_path like :prefix) and issued_at >= :from and issued_at <= :to"
                        + " order by issued_at, id")
                .param("path", r.path()).param("prefix", r.path() + "/%").param("from", Timestamp.from(r.declaredAt())).param("to", Timestamp.from(to))
                .query(Directives::row).list().stream()
                .filter(d -> RegionPath.of(d.issuerPath()).covers(place.path()) || RegionPath.of(place.path()).covers(d.issuerPath())).toList();
        var names = hierarchy.displayNames(issued.stream().map(Directives.Directive::issuerUnit).distinct().toList());
        var figures = new ArrayList<DirectiveFigures>();
        for (var d : issued) {
            // below the issuer when the place holds it, else below the place (and the place itself)
            String below = RegionPath.of(place.path()).covers(d.issuerPath()) ? d.issuerPath() : place.path();
            var f = figures(d, names.getOrDefault(d.issuerUnit(), d.issuerUnit()), below);
            // one that reached no unit there (sent down to a level above the place, or to other units) is not the place's
            if (f.units() > 0) {
                figures.add(f);
            }
        }
        return new Report(r, hierarchy.unit(r.unitCode()).displayName(), place, r.declaredAt(), to, !r.inForce(), responses.history(id), figures,
                coverage(issued, place));
    }

    private DirectiveFigures figures(Directives.Directive d, String issuer, String below) {
        long[] c = jdbc.sql("""
                        select count(*), count(acknowledged_at), count(case when acknowledged_at <= :due then 1 end), count(reported_at)
                          from emergency_recipient where directive_id = :id and (path = :path or path like :prefix)""")
                .param("due", Timestamp.from(d.ackDue())).param("id", d.id()).param("path", below).param("prefix", below + "/%")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
        boolean late = clock.instant().isAfter(d.ackDue());
        return new DirectiveFigures(d, issuer, c[0], c[1], c[2], c[3], late ? c[0] - c[1] : 0, minutesUntil(d, below, c[0], 0.5),
                minutesUntil(d, below, c[0], 0.9), progress.figures(d, below), curves.of(d, below, c[0]));
    }

    /** Minutes from the issue until {@code share} of the units had acknowledged; null when they have not. */
    private Long minutesUntil(Directives.Directive d, String below, long units, double share) {
        long nth = (long) Math.ceil(units * share);
        if (nth == 0) {
            return null;
        }
        return jdbc.sql("select acknowledged_at from emergency_recipient where directive_id = :id and (path = :path or path like :prefix)"
                        + " and acknowledged_at is not null order by acknowledged_at offset :skip rows fetch next 1 rows only")
                .param("id", d.id()).param("path", below).param("prefix", below + "/%").param("skip", nth - 1)
                .query(Timestamp.class).optional().map(t -> Duration.between(d.issuedAt(), t.toInstant()).toMinutes()).orElse(null);
    }

    private Coverage coverage(List<Directives.Directive> issued, Unit place) {
        long compounds = place.level() == Level.COMPOUND ? 1 : hierarchy.pathsUnder(place.code(), Level.COMPOUND).stream()
                .filter(p -> RegionPath.of(p).depth() == COMPOUND_DEPTH).count();
        if (issued.isEmpty()) {
            return new Coverage(compounds, 0, 0);
        }
        long[] c = jdbc.sql("""
                        select count(*), count(case when silent = 0 then 1 end) from (
                            select unit_code, count(*) - count(acknowledged_at) silent from emergency_recipient
                             where directive_id in (:ids) and depth = :compound and (path = :path or path like :prefix) group by unit_code) reached""")
                .param("ids", issued.stream().map(Directives.Directive::id).toList()).param("compound", COMPOUND_DEPTH).param("path", place.path()).param("prefix", place.path() + "/%")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return new Coverage(compounds, c[0], c[1]);
    }
}
