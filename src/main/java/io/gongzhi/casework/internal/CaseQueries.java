package io.gongzhi.casework.internal;

import io.gongzhi.casework.Case;
import io.gongzhi.casework.CaseAction;
import io.gongzhi.casework.CaseState;
import io.gongzhi.casework.Cases;

import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.RegionPath;
import io.gongzhi.shared.Scoped;
import io.gongzhi.shared.TransactionScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading cases as each caller may: staff see the cases in their jurisdiction, department staff
 * only those their department works on (lead, co-handler or called in), and everyone the cases
 * they reported themselves. A case outside that answers exactly like a missing one.
 */
@Service
public class CaseQueries {

    /**
     * Which cases to list; null or blank fields do not filter; {@code todo}: only those waiting for the caller (see {@link Worklist});
     * {@code within}: the path of a place, only cases reported at it or below it (none outside the caller's places).
     */
    public record Filter(CaseState state, Boolean overdue, String department, String category, Boolean mine, Boolean pending,
                         Boolean todo, String within) {
        public static final Filter ALL = new Filter(null, null, null, null, null, null);

        public Filter(CaseState state, Boolean overdue, String department, String category, Boolean mine, Boolean pending) {
            this(state, overdue, department, category, mine, pending, null, null);
        }
    }

    public record CasePage(List<Case> cases, int page, int size, boolean more) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Attachments attachments;

    CaseQueries(JdbcClient jdbc, Clock clock, Attachments attachments) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.attachments = attachments;
    }

    /** The caller as the reporter of their own cases only: sees and acts on nothing else ("my reports"). */
    public static Actor asReporter(Actor actor) {
        return new Actor(actor.accountId(), actor.username(), actor.roles(), java.util.Set.of(), Jurisdiction.NONE);
    }

    /** The case, if the caller may see it. */
    public Optional<Case> find(long id, Actor actor) {
        Case ahead = CaseWrites.written(id);
        if (ahead == null) {
            ahead = takeReadAhead(id);
        }
        if (ahead != null) {
            return Visibility.visible(ahead, actor) ? Optional.of(ahead) : Optional.empty();
        }
        return one(Scoped.query(jdbc, Visibility.visibleTo(actor), WITH_DEPARTMENTS + " and {scope}").param("id", id));
    }

    /** Cases with a row per department working on each (or one row with none). */
    private static final String AND_DEPARTMENTS = "select " + CaseRows.COLUMNS + ", h.department, h.role, h.answer_due, h.answered_at, h.answered_by "
            + "from casework_case c left join casework_case_department h on h.case_id = c.id";
    /** A case by {@code :id}, a row per department. */
    private static final String WITH_DEPARTMENTS = AND_DEPARTMENTS + " where c.id = :id";

    /** One case and its departments in one round trip (a row per department): every step reads and re-reads its case. */
    private Optional<Case> one(JdbcClient.StatementSpec spec) {
        return CaseRows.many(spec).values().stream().findFirst();
    }

    /** Where a batch's cases wait in its transaction (see {@link #readAhead}). */
    private static final Object READ_AHEAD = new Object();

    /**
     * Reads the cases a batch of steps is on in one round trip, for the batch's transaction: each
     * case is handed out once, to the first read of it in the transaction (its step's own, before
     * anything in the batch has changed it: a case changes only in a step on it, after that
     * step has read it); a second read of the same case goes to the database and sees the batch's
     * changes so far. Who may see it is then checked as the database would ({@link Visibility#visible}).
     */
    public void readAhead(List<Long> ids) {
        if (!ids.isEmpty() && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionScope.keep(READ_AHEAD, new HashMap<>(CaseRows.many(jdbc.sql(AND_DEPARTMENTS + " where c.id in (:ids)").param("ids", ids))));
        }
    }

    private static Case takeReadAhead(long id) {
        Map<Long, Case> cases = TransactionScope.kept(READ_AHEAD);
        return cases == null ? null : cases.remove(id);
    }

    public Case get(long id, Actor actor) {
        return find(id, actor).orElseThrow(() -> new NotFound("casework.case-not-found", "case " + id));
    }

    /**
     * The links to media held elsewhere that came with these cases' reports (Open311's
     * {@code media_url}), by case; for cases the caller has already been allowed to see.
     */
    public Map<Long, String> mediaUrls(Collection<Long> ids) {
        var urls = new HashMap<Long, String>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, media_url from casework_case where id in (:ids) and media_url is not null").param("ids", List.copyOf(ids))
                    .query(rs -> {
                        urls.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return urls;
    }

    /** Unscoped, for the module's own use after a step it has just checked. */
    public Case require(long id) {
        return one(jdbc.sql(WITH_DEPARTMENTS).param("id", id))
                .orElseThrow(() -> new NotFound("casework.case-not-found", "case " + id));
    }

    /**
     * The timeline, oldest step first, with each step's files. The reporter (see {@link #asReporter}, {@link ReporterLinks})
     * reads the notes and files of the steps {@linkplain CaseAction#shownToReporter() meant for them}
     * and no staff names.
     */
    public List<Step> steps(long id, Actor actor) {
        get(id, actor);
        boolean reporter = !actor.may("case.read");
        var files = attachments.byStep(id);
        return jdbc.sql("select id, action, from_state, to_state, actor, department, note, at from casework_step where case_id = :id order by id")
                .param("id", id)
                .query((rs, n) -> {
                    CaseAction action = CaseAction.valueOf(rs.getString(2));
                    boolean shown = !reporter || action.shownToReporter();
                    return new Step(rs.getLong(1), action, rs.getString(3) == null ? null : CaseState.valueOf(rs.getString(3)),
                            CaseState.valueOf(rs.getString(4)), reporter ? "" : rs.getString(5), rs.getString(6), shown ? rs.getString(7) : "",
                            rs.getTimestamp(8).toInstant(), shown ? files.getOrDefault(rs.getLong(1), List.of()) : List.of());
                }).list();
    }

    /** Newest first; overdue ones first when asking for overdue cases (most overdue on top). */
    public CasePage list(Filter filter, Actor actor, int page, int size) {
        int limit = Math.max(1, Math.min(size, 200));
        int offset = Math.max(0, page) * limit;
        var where = new StringBuilder("{scope}");
        var params = new LinkedHashMap<String, Object>();
        Filter f = filter == null ? Filter.ALL : filter;
        if (f.state() != null) {
            where.append(" and c.state = :state");
            params.put("state", f.state().name());
        }
        String order = Boolean.TRUE.equals(f.overdue()) ? " order by c.deadline, c.id" : " order by c.id desc";
        overdueAndCategory(f.overdue(), f.category(), where, params);
        if (f.department() != null && !f.department().isBlank()) {
            where.append(" and exists (select 1 from casework_case_department d where d.case_id = c.id and d.department = :dept)");
            params.put("dept", f.department().strip());
        }
        if (Boolean.TRUE.equals(f.mine())) {
            where.append(" and c.reporter_account = :me");
            params.put("me", actor.accountId() == null ? -1L : actor.accountId());
        }
        if (Boolean.TRUE.equals(f.pending())) {
            where.append(" and c.pending <> 'NONE'");
        }
        if (f.within() != null && !f.within().isBlank()) {
            // the caller's places narrowed to the place (each one's index range stays short), and their own reports too
            RegionPath place = RegionPath.of(f.within());
            actor = new Actor(actor.accountId(), actor.username(), actor.roles(), actor.permissions(), actor.jurisdiction().narrowTo(place));
            where.append(" and (c.path = :wp or c.path like :wl)");
            params.put("wp", place.value());
            params.put("wl", place.value() + "/%");
        }
        if (Boolean.TRUE.equals(f.todo())) {
            var waiting = Worklist.of(actor);
            where.append(" and ").append(waiting.sql());
            params.putAll(waiting.params());
        }
        var scope = Visibility.firstVisible(actor, where.toString(), order, offset + limit + 1);
        List<Case> rows = withHandlers(Scoped.query(jdbc, scope, "select " + CaseRows.COLUMNS + " from casework_case c where " + where
                + order + " limit " + (limit + 1) + " offset " + offset).params(params).query(CaseRows::row).list());
        boolean more = rows.size() > limit;
        return new CasePage(more ? rows.subList(0, limit) : rows, Math.max(0, page), limit, more);
    }

    /** Open cases the caller can see that have a location, newest first, and how many open ones have none. */
    public record OnMap(List<Case> cases, long unlocated, boolean truncated) {
    }

    /** The most cases a map draws at once; past that the newest are drawn and the map says so. */
    public static final int MAP_LIMIT = 2000;

    /** Open cases for the dispatcher's map: only overdue ones, or one class or category, when asked. */
    public OnMap onMap(Boolean overdue, String category, Actor actor) {
        var where = new StringBuilder("{scope} and c.state not in ('CLOSED', 'REJECTED', 'MERGED')");
        var params = new LinkedHashMap<String, Object>();
        overdueAndCategory(overdue, category, where, params);
        List<Case> located = Scoped.query(jdbc, Visibility.visibleTo(actor), "select " + CaseRows.COLUMNS + " from casework_case c where " + where
                        + " and c.lon is not null order by c.id desc limit " + (MAP_LIMIT + 1))
                .params(params).query(CaseRows::row).list();
        long unlocated = Scoped.query(jdbc, Visibility.visibleTo(actor), "select count(*) from casework_case c where " + where + " and c.lon is null")
                .params(params).query(Long.class).single();
        boolean truncated = located.size() > MAP_LIMIT;
        return new OnMap(truncated ? located.subList(0, MAP_LIMIT) : located, unlocated, truncated);
    }

    /** Only cases being worked on past their deadline, when asked; only a class's or a category's cases, when given. */
    private void overdueAndCategory(Boolean overdue, String category, StringBuilder where, Map<String, Object> params) {
        if (Boolean.TRUE.equals(overdue)) {
            // closed_at is null: what the partial index of open cases' deadlines (V29) holds
            where.append(" and c.state in ('DISPATCHED', 'HANDLING') and c.closed_at is null and c.deadline < :now");
            params.put("now", Timestamp.from(clock.instant()));
        }
        if (category != null && !category.isBlank()) {
            where.append(" and (c.category = :cat or c.category in (select code from casework_category where parent_code = :cat))");
            params.put("cat", category.strip());
        }
    }

    /** How near and how recent an open case of the same category must be to be offered as the same problem. */
    public static final double SAME_PLACE_METRES = 50;
    public static final java.time.Duration SAME_TIME = java.time.Duration.ofHours(24);

    /**
     * Open cases the caller can see that may be the same problem: the same category, reported
     * within 24 hours of {@code at}, within 50 m of the point (or, for reports without
     * coordinates, at the same place), nearest first. {@code except} is left out.
     */
    public List<Case> similar(String category, Double lon, Double lat, String path, Instant at, long except, Actor actor) {
        var params = new LinkedHashMap<String, Object>();
        params.put("cat", category);
        params.put("from", Timestamp.from(at.minus(SAME_TIME)));
        params.put("to", Timestamp.from(at.plus(SAME_TIME)));
        params.put("except", except);
        params.put("path", path == null ? "" : path);
        var near = new StringBuilder("c.path = :path");
        if (lon != null && lat != null) {
            double dLat = SAME_PLACE_METRES / 111_320.0;
            double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(lat)));
            near.append(" or (c.lat between :latMin and :latMax and c.lon between :lonMin and :lonMax)");
            params.put("latMin", lat - dLat);
            params.put("latMax", lat + dLat);
            params.put("lonMin", lon - dLon);
            params.put("lonMax", lon + dLon);
        }
        var found = withHandlers(Scoped.query(jdbc, Visibility.visibleTo(actor), "select " + CaseRows.COLUMNS + " from casework_case c where {scope} "
                        + "and c.category = :cat and c.state not in ('CLOSED', 'REJECTED', 'MERGED') and c.reported_at between :from and :to "
                        + "and c.id <> :except and (" + near + ") order by c.id limit 200")
                .params(params).query(CaseRows::row).list());
        return found.stream()
                .filter(c -> lon == null || lat == null || c.lon() == null || c.lat() == null
                        ? c.path().equals(path) : metres(lon, lat, c.lon(), c.lat()) <= SAME_PLACE_METRES)
                .sorted(java.util.Comparator.comparingDouble(c -> lon == null || lat == null || c.lon() == null || c.lat() == null
                        ? SAME_PLACE_METRES : metres(lon, lat, c.lon(), c.lat())))
                .toList();
    }

    /** Great-circle distance in metres (haversine; plenty at 50 m). */
    public static double metres(double lon1, double lat1, double lon2, double lat2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    List<Case> withHandlers(List<Case> cases) {
        if (cases.isEmpty()) {
            return cases;
        }
        Map<Long, List<Case.Handler>> handlers = new HashMap<>();
        jdbc.sql("select case_id, department, role, answer_due, answered_at, answered_by from casework_case_department "
                        + "where case_id in (:ids)")
                .param("ids", cases.stream().map(Case::id).toList())
                .query(rs -> {
                    handlers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Case.Handler(rs.getString(2), rs.getString(3),
                            CaseRows.instant(rs.getTimestamp(4)), CaseRows.instant(rs.getTimestamp(5)), rs.getString(6)));
                });
        return cases.stream().map(c -> CaseRows.withDepartments(c, CaseRows.inOrder(handlers.getOrDefault(c.id(), List.of())))).toList();
    }
}
