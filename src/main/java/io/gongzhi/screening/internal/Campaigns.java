package io.gongzhi.screening.internal;

import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.geography.Unit;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.RegionPath;
import io.gongzhi.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Screening campaigns: planned by a committee or a sub-district over one of its places (the city,
 * a district, a sub-district, a community) with a visit form, which the planner may replace by a
 * new version (rounds opened before keep theirs). Seen by everyone whose places overlap its
 * scope: those above it, who planned it, and those inside it, who carry it out.
 */
@Service
public class Campaigns {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final int MAX_NAME = 100;

    /** What a planner gives: the place, a name, the visit form. */
    public record Plan(String unit, String name, VisitForm.Definition form) {
    }

    /** A campaign as it stands: its scope by code, name and path, its current form version, its rounds. */
    public record Campaign(long id, String name, String scopeUnit, String scopeName, String scopePath, int formVersion, String createdBy,
                           Instant createdAt, List<Rounds.Round> rounds) {
    }

    private final JdbcClient jdbc;
    private final Hierarchy hierarchy;
    private final Audit audit;
    private final Clock clock;

    Campaigns(JdbcClient jdbc, Hierarchy hierarchy, Audit audit, Clock clock) {
        this.jdbc = jdbc;
        this.hierarchy = hierarchy;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Campaign plan(Plan plan, Actor actor) {
        var problems = new ArrayList<Violation>();
        Unit scope = plannable(plan.unit(), actor, problems);
        String name = plan.name() == null ? "" : plan.name().strip();
        if (name.isEmpty() || !VisitFormChecks.readable(name)) {
            problems.add(Violation.of("name", "screening.campaign-name-missing"));
        } else if (name.length() > MAX_NAME) {
            problems.add(Violation.of("name", "screening.campaign-name-too-long", MAX_NAME));
        }
        VisitForm form = VisitForm.of(plan.form(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Instant now = clock.instant();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into screening_campaign (name, scope_unit, scope_path, form_version, created_by, created_at) values (?, ?, ?, 1, ?, ?)")
                .params(name, scope.code(), scope.path(), actor.username(), Timestamp.from(now)).update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        insertForm(id, 1, form, actor, now);
        audit.record(actor, "screening.campaign.plan", "campaign:" + id, Outcome.SUCCESS, scope.code() + " " + name);
        return get(id, actor);
    }

    /** Replaces the campaign's form by a new version, for the rounds opened from now on. */
    @Transactional
    public Campaign newForm(long id, VisitForm.Definition given, Actor actor) {
        Campaign campaign = get(id, actor);
        plannable(campaign.scopeUnit(), actor, null);
        var problems = new ArrayList<Violation>();
        VisitForm form = VisitForm.of(given, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        int version = campaign.formVersion() + 1;
        insertForm(id, version, form, actor, clock.instant());
        jdbc.sql("update screening_campaign set form_version = ? where id = ?").params(version, id).update();
        audit.record(actor, "screening.campaign.form", "campaign:" + id, Outcome.SUCCESS, "version " + version);
        return get(id, actor);
    }

    private void insertForm(long id, int version, VisitForm form, Actor actor, Instant at) {
        jdbc.sql("insert into screening_form (campaign_id, version, fields, rules, created_by, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(id, version, form.fieldsJson(), form.rulesJson(), actor.username(), Timestamp.from(at)).update();
    }

    /**
     * The place {@code code} when the actor may plan there: one of its own places or below, above
     * the grids. Otherwise a problem on {@code unit} (or, with no list to add it to, a refusal).
     */
    Unit plannable(String code, Actor actor, List<Violation> problems) {
        Unit unit = null;
        if (code != null && !code.isBlank()) {
            try {
                unit = hierarchy.unit(code.strip(), actor.jurisdiction());
            } catch (NotFound e) {
                unit = null;
            }
        }
        // one of the actor's own places or below it: a place above (which the hierarchy also answers, as a way down) is not
        boolean fits = unit != null && unit.current() && actor.jurisdiction().covers(unit.path()) && actor.may("screening.plan")
                && unit.level().compareTo(Level.COMMUNITY) <= 0;
        if (!fits) {
            var v = Violation.of("unit", "screening.campaign-unit-not-own");
            if (problems == null) {
                throw new InvalidInput(v);
            }
            problems.add(v);
        }
        return unit;
    }

    /** Today in China, where the rounds' days are counted. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /** The places the actor may plan a campaign over, as a planning page offers them: its own places from the city to a community. */
    public List<Unit> plannable(Actor actor) {
        if (!actor.may("screening.plan") || actor.jurisdiction().isEverywhere()) {
            return List.of();
        }
        return hierarchy.roots(actor.jurisdiction()).stream().filter(u -> u.current() && u.level().compareTo(Level.COMMUNITY) <= 0).toList();
    }

    /** The campaigns whose scope overlaps the actor's places, newest first. */
    public List<Campaign> visible(Actor actor, int limit) {
        var j = actor.jurisdiction();
        if (j.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, scope_path from screening_campaign order by id desc")
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .filter(c -> overlaps(c.getValue(), actor)).limit(limit).map(c -> row(c.getKey())).toList();
    }

    private static boolean overlaps(String scope, Actor actor) {
        return actor.jurisdiction().covers(scope) || actor.jurisdiction().paths().stream().anyMatch(p -> RegionPath.of(scope).covers(p));
    }

    /** The campaign, when it overlaps the actor's places; otherwise as if there were none. */
    public Campaign get(long id, Actor actor) {
        Campaign c = row(id);
        if (c == null || !overlaps(c.scopePath(), actor)) {
            throw new NotFound("screening.campaign-unknown", "campaign " + id);
        }
        return c;
    }

    /** The form of the campaign's version {@code version}. */
    public VisitForm form(long campaign, int version) {
        return jdbc.sql("select fields, rules from screening_form where campaign_id = ? and version = ?").params(campaign, version)
                .query((rs, i) -> VisitForm.parse(rs.getString(1), rs.getString(2))).single();
    }

    /** The campaign's form as it stands, for its planner and the phones. */
    public VisitForm currentForm(long id, Actor actor) {
        Campaign c = get(id, actor);
        return form(id, c.formVersion());
    }

    /** A campaign's row as it is stored. */
    private record Row(long id, String name, String scopeUnit, String scopePath, int formVersion, String createdBy, Instant createdAt) {
    }

    private Campaign row(long id) {
        return jdbc.sql("select id, name, scope_unit, scope_path, form_version, created_by, created_at from screening_campaign where id = ?")
                .param(id).query(Row.class).optional()
                .map(r -> new Campaign(r.id(), r.name(), r.scopeUnit(), hierarchy.displayNames(List.of(r.scopeUnit())).getOrDefault(r.scopeUnit(),
                        r.scopeUnit()), r.scopePath(), r.formVersion(), r.createdBy(), r.createdAt(), rounds(id)))
                .orElse(null);
    }

    private List<Rounds.Round> rounds(long campaign) {
        return jdbc.sql("select id, number, starts_on, ends_on, form_version, tasks, opened_by, opened_at from screening_round "
                        + "where campaign_id = ? order by number")
                .param(campaign).query((rs, i) -> new Rounds.Round(rs.getLong(1), campaign, rs.getInt(2), rs.getDate(3).toLocalDate(),
                        rs.getDate(4).toLocalDate(), rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getTimestamp(8).toInstant())).list();
    }
}
