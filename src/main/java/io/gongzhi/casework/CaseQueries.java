package io.gongzhi.casework;

import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.Scoped;
import io.gongzhi.shared.TransactionScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reading cases as each caller may: staff see the cases in their jurisdiction, department staff
 * only those their department works on (lead, co-handler or called in), and everyone the cases
 * they reported themselves. A case outside that answers exactly like a missing one.
 */
@Service
public class CaseQueries {

    static final String COLUMNS = "c.id, c.category, c.category_revision, c.description, c.path, c.lon, c.lat, c.address, c.channel, "
            + "c.reporter_account, c.reporter_name, c.state, c.pending, c.pending_days, c.time_limit, c.lead_department, c.deadline, "
            + "c.escalation, c.extensions, c.returns, c.reworks, c.reopens, c.parent_id, c.rating, c.reported_at, c.accepted_at, "
            + "c.dispatched_at, c.fed_back_at, c.closed_at, c.updated_at, c.version";

    /** Which cases to list; null or blank fields do not filter; {@code todo}: only those waiting for the caller (see {@link Worklist}). */
    public record Filter(CaseState state, Boolean overdue, String department, String category, Boolean mine, Boolean pending,
                         Boolean todo) {
        public static final Filter ALL = new Filter(null, null, null, null, null, null);

        public Filter(CaseState state, Boolean overdue, String department, String category, Boolean mine, Boolean pending) {
            this(state, overdue, department, category, mine, pending, null);
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
            return visible(ahead, actor) ? Optional.of(ahead) : Optional.empty();
        }
        return one(Scoped.query(jdbc, visibleTo(actor), WITH_DEPARTMENTS + " and {scope}").param("id", id));
    }

    /** Cases with a row per department working on each (or one row with none). */
    private static final String AND_DEPARTMENTS = "select " + COLUMNS + ", h.department, h.role, h.answer_due, h.answered_at, h.answered_by "
            + "from casework_case c left join casework_case_department h on h.case_id = c.id";
    /** A case by {@code :id}, a row per department. */
    private static final String WITH_DEPARTMENTS = AND_DEPARTMENTS + " where c.id = :id";

    /** One case and its departments in one round trip (a row per department): every step reads and re-reads its case. */
    private Optional<Case> one(JdbcClient.StatementSpec spec) {
        return many(spec).values().stream().findFirst();
    }

    /** Cases and their departments, from rows of a case joined with each of its departments. */
    private static Map<Long, Case> many(JdbcClient.StatementSpec spec) {
        var cases = new LinkedHashMap<Long, Case>();
        var handlers = new HashMap<Long, List<Case.Handler>>();
        spec.query(rs -> {
            Case c = cases.get(rs.getLong(1));
            if (c == null) {
                c = row(rs, 0);
                cases.put(c.id(), c);
            }
            var list = handlers.computeIfAbsent(c.id(), id -> new ArrayList<>());
            if (rs.getString(32) != null) {
                list.add(new Case.Handler(rs.getString(32), rs.getString(33), instant(rs.getTimestamp(34)), instant(rs.getTimestamp(35)),
                        rs.getString(36)));
            }
        });
        cases.replaceAll((id, c) -> withDepartments(c, inOrder(handlers.get(id))));
        return cases;
    }

    /** Where a batch's cases wait in its transaction (see {@link #readAhead}). */
    private static final Object READ_AHEAD = new Object();

    /**
     * Reads the cases a batch of steps is on in one round trip, for the batch's transaction: each
     * case is handed out once, to the first read of it in the transaction (its step's own, before
     * anything in the batch has changed it: a case changes only in a step on it, after that
     * step has read it); a second read of the same case goes to the database and sees the batch's
     * changes so far. Who may see it is then checked as the database would ({@link #visible}).
     */
    void readAhead(List<Long> ids) {
        if (!ids.isEmpty() && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionScope.keep(READ_AHEAD, new HashMap<>(many(jdbc.sql(AND_DEPARTMENTS + " where c.id in (:ids)").param("ids", ids))));
        }
    }

    private static Case takeReadAhead(long id) {
        Map<Long, Case> cases = TransactionScope.kept(READ_AHEAD);
        return cases == null ? null : cases.remove(id);
    }

    /** {@link #visibility} as a test of one case in hand (with its departments): the same answer as the query's. */
    static boolean visible(Case c, Actor actor) {
        if (actor.may("case.read") && actor.jurisdiction().covers(c.path()) && (!actor.roles().contains("DEPARTMENT_STAFF")
                || c.departments().stream().anyMatch(h -> actor.jurisdiction().coversDepartment(h.department())))) {
            return true;
        }
        if (actor.accountId() != null && actor.accountId().equals(c.reporterAccount())) {
            return true;
        }
        return ReporterLinks.heldCase(actor).filter(linked -> linked == c.id()).isPresent();
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
    Case require(long id) {
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
        if (Boolean.TRUE.equals(f.todo())) {
            var waiting = Worklist.of(actor);
            where.append(" and ").append(waiting.sql());
            params.putAll(waiting.params());
        }
        var scope = firstVisible(actor, where.toString(), order, offset + limit + 1);
        List<Case> rows = withHandlers(Scoped.query(jdbc, scope, "select " + COLUMNS + " from casework_case c where " + where
                + order + " limit " + (limit + 1) + " offset " + offset).params(params).query(CaseQueries::row).list());
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
        List<Case> located = Scoped.query(jdbc, visibleTo(actor), "select " + COLUMNS + " from casework_case c where " + where
                        + " and c.lon is not null order by c.id desc limit " + (MAP_LIMIT + 1))
                .params(params).query(CaseQueries::row).list();
        long unlocated = Scoped.query(jdbc, visibleTo(actor), "select count(*) from casework_case c where " + where + " and c.lon is null")
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
        var found = withHandlers(Scoped.query(jdbc, visibleTo(actor), "select " + COLUMNS + " from casework_case c where {scope} "
                        + "and c.category = :cat and c.state not in ('CLOSED', 'REJECTED', 'MERGED') and c.reported_at between :from and :to "
                        + "and c.id <> :except and (" + near + ") order by c.id limit 200")
                .params(params).query(CaseQueries::row).list());
        return found.stream()
                .filter(c -> lon == null || lat == null || c.lon() == null || c.lat() == null
                        ? c.path().equals(path) : metres(lon, lat, c.lon(), c.lat()) <= SAME_PLACE_METRES)
                .sorted(java.util.Comparator.comparingDouble(c -> lon == null || lat == null || c.lon() == null || c.lat() == null
                        ? SAME_PLACE_METRES : metres(lon, lat, c.lon(), c.lat())))
                .toList();
    }

    /** Great-circle distance in metres (haversine; plenty at 50 m). */
    static double metres(double lon1, double lat1, double lon2, double lat2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** The columns holding each case's ancestor paths at the depths of a district, a sub-district and a community. */
    static final Map<Integer, String> AREA_COLUMNS = Collections.unmodifiableSortedMap(
            new TreeMap<>(Map.of(2, "c.district_path", 3, "c.subdistrict_path", 4, "c.community_path")));

    /**
     * Who sees which case, as one bound condition: the caller's places (and, for department
     * staff, only their departments' cases), or the caller's own reports.
     */
    static Jurisdiction.Clause visibleTo(Actor actor) {
        var branches = visibility(actor);
        var params = new HashMap<String, Object>();
        branches.forEach(b -> params.putAll(b.params()));
        return new Jurisdiction.Clause(branches.isEmpty() ? "1 = 0"
                : "(" + String.join(" or ", branches.stream().map(Jurisdiction.Clause::sql).toList()) + ")", params);
    }

    /**
     * The ways a caller may see a case, each a condition that an index serves in the case's
     * order: one per place of their jurisdiction, their own reports, the case of a reporter's link.
     */
    static List<Jurisdiction.Clause> visibility(Actor actor) {
        var branches = new ArrayList<Jurisdiction.Clause>();
        if (actor.may("case.read")) {
            var places = actor.jurisdiction().eachPlace("c.path", AREA_COLUMNS);
            if (actor.roles().contains("DEPARTMENT_STAFF")) {
                var departments = actor.jurisdiction().whereDepartment("d.department");
                // a count per case, not EXISTS: under an OR PostgreSQL turns EXISTS into a hashed
                // subplan that reads every case the department ever had, on every single-case read
                for (var place : places) {
                    var params = new HashMap<String, Object>(place.params());
                    params.putAll(departments.params());
                    branches.add(new Jurisdiction.Clause("(" + place.sql() + " and (select count(*) from casework_case_department d "
                            + "where d.case_id = c.id and " + departments.sql() + ") > 0)", params));
                }
            } else {
                branches.addAll(places);
            }
        }
        if (actor.accountId() != null) {
            branches.add(new Jurisdiction.Clause("c.reporter_account = :reporter", Map.of("reporter", actor.accountId())));
        }
        ReporterLinks.heldCase(actor).ifPresent(id -> branches.add(new Jurisdiction.Clause("c.id = :linked", Map.of("linked", id))));
        return branches;
    }

    /**
     * The condition "among the first {@code first} cases in {@code order} that the caller may see
     * and {@code where} admits": with several ways of seeing (two places, or a place and one's own
     * reports), each way's first cases are read on their own (a short index range each) and put
     * together, instead of the whole of every place being read and sorted to keep a screenful.
     */
    static Jurisdiction.Clause firstVisible(Actor actor, String where, String order, int first) {
        var branches = visibility(actor);
        if (branches.size() <= 1) {
            return visibleTo(actor);
        }
        var params = new HashMap<String, Object>();
        var parts = new ArrayList<String>();
        for (int i = 0; i < branches.size(); i++) {
            params.putAll(branches.get(i).params());
            parts.add("select id from (select c.id from casework_case c where " + branches.get(i).sql() + " and "
                    + where.replace(Scoped.PLACEHOLDER, "1 = 1") + order + " limit " + first + ") v" + i);
        }
        return new Jurisdiction.Clause("c.id in (" + String.join(" union all ", parts) + ")", params);
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
                            instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), rs.getString(6)));
                });
        return cases.stream().map(c -> withDepartments(c, inOrder(handlers.getOrDefault(c.id(), List.of())))).toList();
    }

    /** A case's departments in {@link CaseRules#HANDLER_ORDER}, sorted here so that it does not depend on the database's collation. */
    private static List<Case.Handler> inOrder(List<Case.Handler> departments) {
        return departments.stream().sorted(CaseRules.HANDLER_ORDER).toList();
    }

    private static Case withDepartments(Case c, List<Case.Handler> departments) {
        return new Case(c.id(), c.category(), c.categoryRevision(), c.description(), c.path(), c.lon(), c.lat(),
                c.address(), c.channel(), c.reporterAccount(), c.reporterName(), c.state(), c.pending(), c.pendingDays(), c.timeLimit(),
                c.leadDepartment(), c.deadline(), c.escalation(), c.extensions(), c.returns(), c.reworks(), c.reopens(), c.parentId(),
                c.rating(), c.reportedAt(), c.acceptedAt(), c.dispatchedAt(), c.fedBackAt(), c.closedAt(), c.updatedAt(), c.version(),
                departments);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static Case row(ResultSet rs, int n) throws SQLException {
        return new Case(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getObject(6) == null ? null : rs.getDouble(6), rs.getObject(7) == null ? null : rs.getDouble(7), rs.getString(8),
                Channel.valueOf(rs.getString(9)), rs.getObject(10) == null ? null : rs.getLong(10), rs.getString(11),
                CaseState.valueOf(rs.getString(12)), Pending.valueOf(rs.getString(13)), rs.getInt(14), TimeLimit.valueOf(rs.getString(15)),
                rs.getString(16), instant(rs.getTimestamp(17)), rs.getInt(18), rs.getInt(19), rs.getInt(20), rs.getInt(21), rs.getInt(22),
                rs.getObject(23) == null ? null : rs.getLong(23), rs.getString(24) == null ? null : Rating.valueOf(rs.getString(24)),
                instant(rs.getTimestamp(25)), instant(rs.getTimestamp(26)), instant(rs.getTimestamp(27)), instant(rs.getTimestamp(28)),
                instant(rs.getTimestamp(29)), instant(rs.getTimestamp(30)), rs.getInt(31), List.of());
    }
}
