package io.gongzhi.emergency.internal;

import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import io.gongzhi.emergency.EmergencyDeclared;
import io.gongzhi.emergency.EmergencyStoodDown;
import io.gongzhi.emergency.ResponseLevel;
import io.gongzhi.emergency.ResponseLevelChanged;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.geography.Unit;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Conflict;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.NotPermitted;
import io.gongzhi.shared.RegionPath;
import io.gongzhi.shared.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Emergency responses: the committee of a city or district declares one for its own unit at a
 * response level with a reason, raises or lowers the level, and stands it down; every place
 * below inherits it. Each step is kept in the response's history, audited, and published.
 */
@Service
public class Responses {

    static final int MAX_REASON = 2000;

    /** A response, in force while {@code stoodDownAt} is null. */
    public record Response(long id, String unitCode, String path, ResponseLevel level, String reason, String declaredBy,
                           Instant declaredAt, Instant stoodDownAt, int version) {
        public boolean inForce() {
            return stoodDownAt == null;
        }

        /** True when the place at {@code path} (or all of it) lies inside this response's unit. */
        public boolean holdsOver(String path) {
            return RegionPath.of(this.path).covers(path);
        }
    }

    /** One step in a response's history. */
    public record Change(String kind, ResponseLevel level, String reason, String actor, Instant at) {
    }

    private final JdbcClient jdbc;
    private final Hierarchy hierarchy;
    private final Audit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final InForce inForce;

    Responses(JdbcClient jdbc, Hierarchy hierarchy, Audit audit, ApplicationEventPublisher events, Clock clock, InForce inForce) {
        this.jdbc = jdbc;
        this.hierarchy = hierarchy;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.inForce = inForce;
    }

    @Transactional
    public Response declare(String unitCode, String level, String reason, Actor actor) {
        var problems = new ArrayList<Violation>();
        Unit unit = ownUnit(unitCode, actor, problems);
        ResponseLevel at = level(level, problems);
        String why = reason(reason, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Instant now = clock.instant();
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into emergency_response (unit_code, path, in_force_unit, level, reason, declared_by, declared_at)
                    values (:unit, :path, :unit, :level, :reason, :actor, :at)""")
                    .param("unit", unit.code()).param("path", unit.path()).param("level", at.rank()).param("reason", why)
                    .param("actor", actor.username()).param("at", java.sql.Timestamp.from(now)).update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new Conflict("emergency.already-in-force", unit.displayName());
        }
        long id = keys.getKey().longValue();
        history(id, "DECLARED", at, why, actor, now);
        audit.record(actor, "emergency.declare", "unit:" + unit.code(), Outcome.SUCCESS, "level=" + at.name());
        events.publishEvent(new EmergencyDeclared(EmergencyDeclared.SCHEMA, UUID.randomUUID(), id, unit.code(), unit.path(), at, why,
                actor.username(), now));
        inForce.changed();
        return require(id);
    }

    @Transactional
    public Response change(long id, String level, String reason, Actor actor) {
        Response r = inForceFor(id, actor);
        var problems = new ArrayList<Violation>();
        ResponseLevel to = level(level, problems);
        String why = reason(reason, problems);
        if (to == r.level()) {
            problems.add(Violation.of("level", "emergency.level-unchanged", to.numeral()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Instant now = clock.instant();
        int updated = jdbc.sql("update emergency_response set level = :level, version = version + 1 where id = :id and version = :version and stood_down_at is null")
                .param("level", to.rank()).param("id", id).param("version", r.version()).update();
        if (updated == 0) {
            throw new Conflict("emergency.changed-meanwhile", String.valueOf(id));
        }
        history(id, to.moreSevereThan(r.level()) ? "RAISED" : "LOWERED", to, why, actor, now);
        audit.record(actor, "emergency.level", "unit:" + r.unitCode(), Outcome.SUCCESS, "level=" + r.level().name() + "->" + to.name());
        events.publishEvent(new ResponseLevelChanged(ResponseLevelChanged.SCHEMA, UUID.randomUUID(), id, r.unitCode(), r.path(), r.level(), to,
                why, actor.username(), now));
        inForce.changed();
        return require(id);
    }

    @Transactional
    public Response standDown(long id, String reason, Actor actor) {
        Response r = inForceFor(id, actor);
        var problems = new ArrayList<Violation>();
        String why = reason(reason, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                update emergency_response set stood_down_at = :at, in_force_unit = null, version = version + 1
                 where id = :id and version = :version and stood_down_at is null""")
                .param("at", java.sql.Timestamp.from(now)).param("id", id).param("version", r.version()).update();
        if (updated == 0) {
            throw new Conflict("emergency.changed-meanwhile", String.valueOf(id));
        }
        history(id, "STOOD_DOWN", r.level(), why, actor, now);
        audit.record(actor, "emergency.stand-down", "unit:" + r.unitCode(), Outcome.SUCCESS, "level=" + r.level().name());
        events.publishEvent(new EmergencyStoodDown(EmergencyStoodDown.SCHEMA, UUID.randomUUID(), id, r.unitCode(), r.path(), r.level(), why,
                actor.username(), now));
        inForce.changed();
        return require(id);
    }

    /**
     * The responses {@code j} may read, newest first: those over its places (declared above or at
     * them) and those inside them; stood-down ones too when {@code past}.
     */
    public List<Response> visibleTo(Jurisdiction j, boolean past, int limit) {
        return jdbc.sql("select * from emergency_response" + (past ? "" : " where stood_down_at is null") + " order by declared_at desc, id desc")
                .query(Responses::row).list().stream().filter(r -> meets(j, r.path()))
                .limit(limit).toList();
    }

    /** A response {@code j} may read; one it may not answers like one that does not exist. */
    public Response get(long id, Jurisdiction j) {
        return find(id).filter(r -> meets(j, r.path()))
                .orElseThrow(() -> new NotFound("emergency.response-not-found", "response " + id));
    }

    /**
     * Whether the unit at {@code path} and the places of {@code j} meet: the unit lies inside them,
     * or they lie inside the unit. What a response or a directive of that unit is to those who may read it.
     */
    static boolean meets(Jurisdiction j, String path) {
        return j.covers(path) || j.paths().stream().anyMatch(p -> RegionPath.of(path).covers(p.value()));
    }

    public List<Change> history(long id) {
        return jdbc.sql("select kind, level, reason, actor, at from emergency_response_change where response_id = ? order by id")
                .param(id).query((rs, n) -> new Change(rs.getString(1), ResponseLevel.ofRank(rs.getInt(2)), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant())).list();
    }

    /** The city or district units {@code actor} may declare for: its own places at those levels. */
    public List<Unit> declarable(Actor actor) {
        if (!actor.may("emergency.declare") || actor.jurisdiction().isEverywhere()) {
            return List.of();
        }
        return hierarchy.roots(actor.jurisdiction()).stream().filter(u -> u.current() && declarableLevel(u.level())).toList();
    }

    private static boolean declarableLevel(Level level) {
        return level == Level.CITY || level == Level.DISTRICT;
    }

    /** The unit {@code actor} declares for: a current city or district that is one of its own places (not merely inside them). */
    private Unit ownUnit(String code, Actor actor, List<Violation> problems) {
        if (code == null || code.isBlank()) {
            problems.add(Violation.of("unit", "emergency.unit-required"));
            return null;
        }
        Unit unit = declarable(actor).stream().filter(u -> u.code().equals(code.strip())).findFirst().orElse(null);
        if (unit == null) {
            problems.add(Violation.of("unit", "emergency.unit-not-own"));
        }
        return unit;
    }

    private Response inForceFor(long id, Actor actor) {
        Response r = get(id, actor.jurisdiction());
        if (declarable(actor).stream().noneMatch(u -> u.code().equals(r.unitCode()))) {
            throw new NotPermitted("emergency.unit-not-own", "response " + id + " is not of the actor's own unit");
        }
        if (!r.inForce()) {
            throw new Conflict("emergency.already-stood-down", String.valueOf(id));
        }
        return r;
    }

    private static ResponseLevel level(String text, List<Violation> problems) {
        Optional<ResponseLevel> level = ResponseLevel.parse(text);
        if (level.isEmpty()) {
            problems.add(Violation.of("level", "emergency.level-invalid"));
        }
        return level.orElse(null);
    }

    private static String reason(String text, List<Violation> problems) {
        String why = text == null ? "" : text.strip();
        if (why.isEmpty()) {
            problems.add(Violation.of("reason", "emergency.reason-required"));
        } else if (why.length() > MAX_REASON) {
            problems.add(Violation.of("reason", "emergency.reason-too-long", MAX_REASON));
        }
        return why;
    }

    private void history(long id, String kind, ResponseLevel level, String reason, Actor actor, Instant at) {
        jdbc.sql("insert into emergency_response_change (response_id, kind, level, reason, actor, at) values (?, ?, ?, ?, ?, ?)")
                .params(id, kind, level.rank(), reason, actor.username(), java.sql.Timestamp.from(at)).update();
    }

    Optional<Response> find(long id) {
        return jdbc.sql("select * from emergency_response where id = ?").param(id).query(Responses::row).optional();
    }

    private Response require(long id) {
        return find(id).orElseThrow();
    }

    static Response row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        var down = rs.getTimestamp("stood_down_at");
        return new Response(rs.getLong("id"), rs.getString("unit_code"), rs.getString("path"), ResponseLevel.ofRank(rs.getInt("level")),
                rs.getString("reason"), rs.getString("declared_by"), rs.getTimestamp("declared_at").toInstant(),
                down == null ? null : down.toInstant(), rs.getInt("version"));
    }
}
