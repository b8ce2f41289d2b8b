package io.gongzhi.screening.internal;

import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.geography.Unit;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.RecentCounts;
import io.gongzhi.shared.RegionPath;
import io.gongzhi.shared.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * How far a round has got, as each level sees it: a place's households by the state of their
 * tasks and the same for each of its children (a district's sub-districts, a grid's compounds),
 * counted in one grouping of the tasks by the child's code, at most about a second old
 * ({@code gongzhi.screening.coverage-fresh}: a command centre watching while phones send visits reads
 * them from memory, counted again in the background); and a worker's list of the households
 * of a grid or compound, ordered as one walks them (compound, building, unit, room).
 */
@Service
public class Coverage {

    static final int MAX_TASKS = 3_000;
    private static final String[] SEGMENT = {null, null, "seg2", "seg3", "seg4", "seg5", "compound_code"};

    /** Households by their task's state; {@code reached} are those visited and answered (done or anomaly). */
    public record Counts(long tasks, long open, long done, long anomaly, long notHome, long refused) {
        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

        public long reached() {
            return done + anomaly;
        }

        public int reachedPercent() {
            return tasks == 0 ? 0 : (int) (reached() * 100 / tasks);
        }

        /** The same, an anomaly counted as a household visited: for those who may not read residents. */
        Counts withoutAnomalies() {
            return new Counts(tasks, open, done + anomaly, 0, notHome, refused);
        }

        Counts plus(String state, long n) {
            return switch (state) {
                case "OPEN" -> new Counts(tasks + n, open + n, done, anomaly, notHome, refused);
                case "DONE" -> new Counts(tasks + n, open, done + n, anomaly, notHome, refused);
                case "ANOMALY" -> new Counts(tasks + n, open, done, anomaly + n, notHome, refused);
                case "NOT_HOME" -> new Counts(tasks + n, open, done, anomaly, notHome + n, refused);
                default -> new Counts(tasks + n, open, done, anomaly, notHome, refused + n);
            };
        }
    }

    /** One child of the place looked at, by name. */
    public record Branch(String code, String name, Counts counts) {
    }

    /** A place's view of a round: the places above it (within reach), its totals, its children. */
    public record View(Rounds.Round round, Unit unit, List<Unit> chain, Counts totals, List<Branch> children) {
    }

    /** A household to visit: where it is (compound by name, building, unit, room), its task's state, visits so far, when to call again. */
    public record Task(long household, String compound, String building, String unitNo, String room, String state, int visits,
                       LocalDate revisitDue) {
    }

    private final JdbcClient jdbc;
    private final Hierarchy hierarchy;
    private final Rounds rounds;
    private final Campaigns campaigns;
    private final RecentCounts<List<Object[]>> counts;

    Coverage(JdbcClient jdbc, Hierarchy hierarchy, Rounds rounds, Campaigns campaigns,
             @Value("${gongzhi.screening.coverage-fresh:PT1S}") Duration fresh) {
        this.counts = new RecentCounts<>(fresh);
        this.jdbc = jdbc;
        this.hierarchy = hierarchy;
        this.rounds = rounds;
        this.campaigns = campaigns;
    }

    /** The round's coverage at {@code unitCode} (none: the campaign's scope, or the caller's own place inside it) and its children. */
    public View view(long roundId, String unitCode, Actor actor) {
        Rounds.Round round = rounds.get(roundId, actor);
        Unit unit = place(round, unitCode, actor);
        int depth = RegionPath.of(unit.path()).depth();
        var where = where(unit, depth);
        Counts totals = Counts.NONE;
        var children = new LinkedHashMap<String, Counts>();
        String child = depth < SEGMENT.length - 1 ? SEGMENT[depth + 1] : null;
        for (Object[] row : counts.of(roundId + ":" + unit.code(), () -> jdbc.sql("select " + (child == null ? "''" : child)
                        + ", state, count(*) from screening_task where round_id = :round" + where.sql() + " group by "
                        + (child == null ? "" : child + ", ") + "state")
                .param("round", roundId).params(where.params()).query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)}).list())) {
            if (child != null) {
                children.merge((String) row[0], Counts.NONE.plus((String) row[1], (long) row[2]), Coverage::sum);
            }
            totals = totals.plus((String) row[1], (long) row[2]);
        }
        if (!actor.may("person.read")) {
            // how many anomalies a compound has, watched as its visits come in, tells which household had one
            totals = totals.withoutAnomalies();
            children.replaceAll((code, c) -> c.withoutAnomalies());
        }
        var names = hierarchy.displayNames(children.keySet());
        var branches = children.entrySet().stream().map(e -> new Branch(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
                // the least reached first: where a command centre has to look
                .sorted(java.util.Comparator.comparingInt((Branch b) -> b.counts().reachedPercent()).thenComparing(Branch::code)).toList();
        // the places above, within reach and within the campaign (a crumb above its scope would lead nowhere)
        RegionPath scope = RegionPath.of(campaigns.get(round.campaignId(), actor).scopePath());
        var chain = hierarchy.chain(unit.code(), actor.jurisdiction()).stream().filter(u -> scope.covers(u.path())).toList();
        return new View(round, unit, chain, totals, branches);
    }

    /** The households of a grid or compound to visit in the round, in walking order; an anomaly shown only to those who may read residents. */
    public List<Task> tasks(long roundId, String unitCode, Actor actor) {
        Rounds.Round round = rounds.get(roundId, actor);
        Unit unit = place(round, unitCode, actor);
        if (unit.level() != Level.GRID && unit.level() != Level.COMPOUND) {
            throw new InvalidInput(Violation.of("unit", "screening.tasks-unit-level"));
        }
        var where = where(unit, RegionPath.of(unit.path()).depth());
        var tasks = jdbc.sql("select household_id, compound_code, building, unit_no, room, state, visits, revisit_due from screening_task "
                        + "where round_id = :round" + where.sql() + " order by compound_code, building, unit_no, room fetch first " + MAX_TASKS + " rows only")
                .param("round", roundId).params(where.params())
                .query((rs, i) -> new Task(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getInt(7), rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate())).list();
        var names = hierarchy.displayNames(tasks.stream().map(Task::compound).distinct().toList());
        // which address had an anomaly is health information about its people: only those who may read residents see it;
        // the others (a compound's property staff) see the household visited
        boolean health = actor.may("person.read");
        return tasks.stream().map(t -> new Task(t.household(), names.getOrDefault(t.compound(), t.compound()), t.building(), t.unitNo(), t.room(),
                !health && "ANOMALY".equals(t.state()) ? "DONE" : t.state(), t.visits(), t.revisitDue())).toList();
    }

    /**
     * The place looked at: one the caller reaches inside the campaign's scope; none named, the scope
     * itself when the caller reaches it, else the caller's first place inside it.
     */
    private Unit place(Rounds.Round round, String code, Actor actor) {
        String scope = campaigns.get(round.campaignId(), actor).scopePath();
        RegionPath scopePath = RegionPath.of(scope);
        if (code == null || code.isBlank()) {
            if (actor.jurisdiction().covers(scope)) {
                return hierarchy.unit(scopePath.code());
            }
            var own = actor.jurisdiction().paths().stream().filter(scopePath::covers).sorted().findFirst()
                    .orElseThrow(() -> new NotFound("screening.round-unknown", "round " + round.id()));
            return hierarchy.unit(own.code());
        }
        Unit unit;
        try {
            unit = hierarchy.unit(code.strip(), actor.jurisdiction());
        } catch (NotFound e) {
            unit = null;
        }
        // inside both the campaign and the caller's own places (the hierarchy also answers the places above them, as a way down)
        if (unit == null || !scopePath.covers(unit.path()) || !actor.jurisdiction().covers(unit.path())) {
            throw new InvalidInput(Violation.of("unit", "screening.unit-outside", code.strip()));
        }
        return unit;
    }

    /** The tasks at and below {@code unit}: its code and those above it, each in its segment column. */
    private static io.gongzhi.shared.Jurisdiction.Clause where(Unit unit, int depth) {
        var path = RegionPath.of(unit.path());
        var params = new LinkedHashMap<String, Object>();
        var sql = new StringBuilder();
        for (int d = 2; d <= depth && d < SEGMENT.length; d++) {
            sql.append(" and ").append(SEGMENT[d]).append(" = :s").append(d);
            params.put("s" + d, RegionPath.of(path.ancestor(d)).code());
        }
        return new io.gongzhi.shared.Jurisdiction.Clause(sql.toString(), params);
    }

    private static Counts sum(Counts a, Counts b) {
        return new Counts(a.tasks() + b.tasks(), a.open() + b.open(), a.done() + b.done(), a.anomaly() + b.anomaly(), a.notHome() + b.notHome(),
                a.refused() + b.refused());
    }
}
