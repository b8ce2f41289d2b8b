package io.gongzhi.emergency.internal;

import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Unit;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.RecentCounts;
import io.gongzhi.shared.RegionPath;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How far a directive has got, as each level sees it: a unit's children with how many units each
 * holds, how many acknowledged, reported, and are silent past the deadline; the directives waiting
 * on a person's units; the directives issued from a person's places. A place's counts are at most
 * about a second old ({@code gongzhi.emergency.progress-fresh}): a command centre watching a city-wide
 * directive while 200,000 compounds answer it reads them from memory, counted again in the background.
 */
@Component
public class DirectiveProgress {

    /**
     * Counts of the units at and below one place: {@code silent} are those that have not
     * acknowledged although the deadline has passed (none before it).
     */
    public record Counts(long total, long acknowledged, long reported, long silent) {
        static Counts of(long total, long acknowledged, long reported, boolean late) {
            return new Counts(total, acknowledged, reported, late ? total - acknowledged : 0);
        }

        public int acknowledgedPercent() {
            return total == 0 ? 0 : (int) (acknowledged * 100 / total);
        }
    }

    /** One child of the place looked at, by name, with the first on its duty roster (to call when it is silent). */
    public record Branch(String code, String name, Counts counts, DutyRosters.Contact contact) {
    }

    /** A place's view of a directive: its own answer when it is a recipient, its totals, its children, its report figures. */
    public record Tree(Unit unit, List<Unit> chain, Answers.Recipient own, Counts totals, List<Branch> children, List<Figure> figures) {
    }

    /**
     * A summed field of the report form at and below one place: for a yes/no field, {@code sum} of
     * the {@code answered} units said yes; for a number, the sum of their numbers.
     */
    public record Figure(ReportForm.Field field, long sum, long answered) {
    }

    /** A directive with the counts of the units the reader looks after. */
    public record Item(Directives.Directive directive, Counts counts) {
    }

    private final JdbcClient jdbc;
    private final Directives directives;
    private final Hierarchy hierarchy;
    private final Clock clock;
    private final DutyRosters rosters;
    private final RecentCounts<List<Object[]>> counts;

    DirectiveProgress(JdbcClient jdbc, Directives directives, Hierarchy hierarchy, Clock clock, DutyRosters rosters,
                      @Value("${gongzhi.emergency.progress-fresh:PT1S}") Duration fresh) {
        this.rosters = rosters;
        this.counts = new RecentCounts<>(fresh);
        this.jdbc = jdbc;
        this.directives = directives;
        this.hierarchy = hierarchy;
        this.clock = clock;
    }

    /** The directive as seen from {@code unitCode} (none: the issuer, or the reader's own place below it). */
    public Tree tree(long id, String unitCode, Actor actor) {
        Directives.Directive d = directives.visible(id, actor);
        Unit unit = place(d, unitCode, actor);
        int depth = RegionPath.of(unit.path()).depth();
        String child = depth + 1 <= 5 ? "seg" + (depth + 1) : "unit_code";
        boolean late = clock.instant().isAfter(d.ackDue());
        var rows = counts.of(id + " " + unit.path(), () -> jdbc.sql("select " + child + ", count(*), count(acknowledged_at), count(reported_at)"
                        + " from emergency_recipient where directive_id = :id and path like :prefix group by " + child)
                .param("id", id).param("prefix", unit.path() + "/%")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).list());
        var codes = rows.stream().map(r -> (String) r[0]).toList();
        Map<String, String> names = hierarchy.displayNames(codes);
        var contacts = rosters.first(codes);
        var children = new ArrayList<Branch>();
        long total = 0, acked = 0, reported = 0;
        for (Object[] r : rows) {
            var counts = Counts.of((long) r[1], (long) r[2], (long) r[3], late);
            children.add(new Branch((String) r[0], names.getOrDefault((String) r[0], (String) r[0]), counts, contacts.get((String) r[0])));
            total += counts.total();
            acked += counts.acknowledged();
            reported += counts.reported();
        }
        // the least answered first: where to call
        children.sort(Comparator.comparingLong((Branch b) -> -b.counts().silent()).thenComparingInt(b -> b.counts().acknowledgedPercent())
                .thenComparing(Branch::name));
        var own = jdbc.sql("select unit_code, path, acknowledged_at, acknowledged_by, reported_at, report from emergency_recipient where directive_id = ? and unit_code = ?")
                .params(id, unit.code()).query(Answers::recipient).optional();
        var chain = hierarchy.chain(unit.code()).stream().filter(u -> RegionPath.of(d.issuerPath()).covers(u.path())
                && actor.jurisdiction().covers(u.path())).toList();
        return new Tree(unit, chain, own.orElse(null), Counts.of(total, acked, reported, late), children, figures(d, unit.path()));
    }

    /** The sums of the directive's summed report fields below {@code path}, in the form's order. */
    List<Figure> figures(Directives.Directive d, String path) {
        var summed = d.form().fields().stream().filter(ReportForm.Field::summed).toList();
        if (summed.isEmpty()) {
            return List.of();
        }
        var sums = new java.util.HashMap<String, long[]>();
        jdbc.sql("select field, sum(number_value), count(*) from emergency_report_value where directive_id = :id and path like :prefix"
                        + " and number_value is not null group by field")
                .param("id", d.id()).param("prefix", path + "/%")
                .query(rs -> {
                    sums.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        return summed.stream().map(f -> new Figure(f, sums.getOrDefault(f.key(), new long[2])[0], sums.getOrDefault(f.key(), new long[2])[1])).toList();
    }

    /**
     * The place a reader looks at a directive from: {@code unitCode}, or none, the issuer (or the
     * reader's own place below it); one outside the reader's places or the directive's answers as absent.
     */
    Unit place(Directives.Directive d, String unitCode, Actor actor) {
        Unit unit = unitCode == null || unitCode.isBlank() ? start(d, actor) : hierarchy.unit(unitCode.strip());
        if (!actor.jurisdiction().covers(unit.path()) || !RegionPath.of(d.issuerPath()).covers(unit.path())) {
            throw new NotFound("geography.unit-not-found", "unit " + unitCode);
        }
        return unit;
    }

    private Unit start(Directives.Directive d, Actor actor) {
        if (actor.jurisdiction().covers(d.issuerPath())) {
            return hierarchy.unit(d.issuerUnit());
        }
        return hierarchy.roots(actor.jurisdiction()).stream().filter(u -> RegionPath.of(d.issuerPath()).covers(u.path())).findFirst()
                .orElseThrow(() -> new NotFound("emergency.directive-not-found", "directive " + d.id()));
    }

    /** The directives that reach the reader's places from above them, newest first, with the counts of the reader's units. */
    public List<Item> inbox(Actor actor, int limit) {
        if (actor.jurisdiction().isEmpty()) {
            return List.of();
        }
        // the directives issued above the reader's places (those issued at or inside them are the
        // reader's own to follow, under issued), each counted through its own rows (directive_id, path)
        var where = actor.jurisdiction().where("r.path");
        var above = new java.util.TreeSet<String>();
        for (RegionPath place : actor.jurisdiction().paths()) {
            for (int depth = 1; depth < place.depth(); depth++) {
                above.add(place.ancestor(depth));
            }
        }
        if (above.isEmpty()) {
            return List.of();
        }
        var rows = jdbc.sql("select r.directive_id, count(*), count(r.acknowledged_at), count(r.reported_at) from emergency_recipient r"
                        + " where r.directive_id in (select d.id from emergency_directive d where d.issuer_path in (:above))"
                        + " and " + where.sql() + " group by r.directive_id order by r.directive_id desc limit " + limit)
                .params(where.params()).param("above", List.copyOf(above)).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).list();
        return items(rows);
    }

    /** The directives issued from the reader's places, newest first, with the counts of all their units. */
    public List<Item> issued(Actor actor, int limit) {
        var where = actor.jurisdiction().where("d.issuer_path");
        var rows = jdbc.sql("select d.id, d.recipients, (select count(*) from emergency_recipient r where r.directive_id = d.id and r.acknowledged_at is not null),"
                        + " (select count(*) from emergency_recipient r where r.directive_id = d.id and r.reported_at is not null)"
                        + " from emergency_directive d where " + where.sql() + " order by d.id desc limit " + limit)
                .params(where.params()).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).list();
        return items(rows);
    }

    private List<Item> items(List<long[]> rows) {
        Instant now = clock.instant();
        var items = new ArrayList<Item>();
        for (long[] r : rows) {
            directives.find(r[0]).ifPresent(d -> items.add(new Item(d, Counts.of(r[1], r[2], r[3], now.isAfter(d.ackDue())))));
        }
        return items;
    }
}
