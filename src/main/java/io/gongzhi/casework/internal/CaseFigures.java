package io.gongzhi.casework.internal;

import io.gongzhi.casework.CaseState;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Scoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counts a home page shows: the cases waiting for the caller's next step, by what the step
 * is, and the open cases of the caller's area (by state, by lead department, overdue) with the
 * cases reported there day by day. Each is one grouped count under the caller's visibility.
 */
@Service
public class CaseFigures {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String OPEN = "c.state not in ('CLOSED', 'REJECTED', 'MERGED')";

    /** What a waiting case asks of the caller. */
    public enum Wait {
        ACCEPT, DISPATCH, DECIDE, RECEIVE, HANDLE, VERIFY, RATE
    }

    /** The open cases of an area: by state, by lead department (those dispatched), how many are overdue. */
    public record Open(Map<CaseState, Long> byState, Map<String, Long> byDepartment, long overdue) {
        public long total() {
            return byState.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    CaseFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The cases waiting for the caller, by what they wait for; only the kinds with some. */
    public Map<Wait, Long> waiting(Actor actor) {
        var counts = new EnumMap<Wait, Long>(Wait.class);
        var waiting = Worklist.of(actor);
        if (!"1 = 0".equals(waiting.sql())) {
            var visible = Visibility.visibleTo(actor);
            var params = new HashMap<String, Object>(visible.params());
            params.putAll(waiting.params());
            jdbc.sql("select c.state, c.pending <> 'NONE', count(*) from casework_case c where " + visible.sql() + " and "
                            + waiting.sql() + " group by c.state, c.pending <> 'NONE'").params(params)
                    .query(rs -> {
                        Wait w = wait(actor, CaseState.valueOf(rs.getString(1)), rs.getBoolean(2));
                        counts.merge(w, rs.getLong(3), Long::sum);
                    });
        }
        if (actor.accountId() != null && actor.may("case.report")) {
            long unrated = jdbc.sql("select count(*) from casework_case where reporter_account = :me and state = 'CLOSED' and rating is null")
                    .param("me", actor.accountId()).query(Long.class).single();
            if (unrated > 0) {
                counts.put(Wait.RATE, unrated);
            }
        }
        return counts;
    }

    private static Wait wait(Actor actor, CaseState state, boolean pending) {
        if (pending && actor.may("case.dispatch")) {
            return Wait.DECIDE;
        }
        return switch (state) {
            case REPORTED -> Wait.ACCEPT;
            case ACCEPTED -> Wait.DISPATCH;
            case DISPATCHED -> Wait.RECEIVE;
            case FED_BACK -> actor.may("case.verify") ? Wait.VERIFY : Wait.HANDLE;
            default -> Wait.HANDLE;
        };
    }

    /** The open cases the caller sees. */
    public Open open(Actor actor) {
        var visible = Visibility.visibleTo(actor);
        var byState = new EnumMap<CaseState, Long>(CaseState.class);
        Scoped.query(jdbc, visible, "select c.state, count(*) from casework_case c where {scope} and " + OPEN + " group by c.state")
                .query(rs -> {
                    byState.put(CaseState.valueOf(rs.getString(1)), rs.getLong(2));
                });
        var byDepartment = new LinkedHashMap<String, Long>();
        Scoped.query(jdbc, visible, "select c.lead_department, count(*) from casework_case c where {scope} and " + OPEN
                        + " and c.lead_department is not null group by c.lead_department order by count(*) desc, c.lead_department")
                .query(rs -> {
                    byDepartment.put(rs.getString(1), rs.getLong(2));
                });
        long overdue = Scoped.query(jdbc, visible, "select count(*) from casework_case c where {scope} and " + OPEN
                + " and c.deadline < :now").param("now", Timestamp.from(clock.instant())).query(Long.class).single();
        return new Open(byState, byDepartment, overdue);
    }

    /** Cases reported in the caller's sight on each of the last {@code days} days (China's days), oldest first. */
    public Map<LocalDate, Long> reportedByDay(Actor actor, int days) {
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        LocalDate first = today.minusDays(days - 1L);
        Instant from = first.atStartOfDay(CHINA).toInstant();
        var counts = new LinkedHashMap<LocalDate, Long>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            counts.put(d, 0L);
        }
        // grouped in the database by China's day (UTC+8, no summer time): the number of the day since 1970
        String day = "cast(floor((extract(epoch from c.reported_at) + 28800) / 86400) as bigint)";
        Scoped.query(jdbc, Visibility.visibleTo(actor), "select " + day + ", count(*) from casework_case c where {scope} and c.reported_at >= :from"
                        + " group by " + day)
                .param("from", Timestamp.from(from))
                .query(rs -> {
                    long reported = rs.getLong(2);
                    counts.computeIfPresent(LocalDate.ofEpochDay(rs.getLong(1)), (d, n) -> n + reported);
                });
        return counts;
    }

    /** How far back the home's chart of reports goes. */
    public static final int DAYS = 14;
}
