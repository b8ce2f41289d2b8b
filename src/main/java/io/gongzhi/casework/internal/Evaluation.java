package io.gongzhi.casework.internal;

import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.geography.Unit;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.Scoped;
import io.gongzhi.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluation (考核) of departments, sub-districts and communities over a period: the cases
 * dispatched in the period (Asia/Shanghai days, both included) inside the caller's jurisdiction,
 * counted by their lead department or by the place they are in. With D the dispatched cases:
 * <ul>
 *   <li>处置率 handled rate = cases fed back / D; 按期处置率 on-time handling = fed back by the deadline / D;</li>
 *   <li>结案率 closing rate = closed / D; 按期结案率 on-time closing = closed and fed back by the deadline / D;</li>
 *   <li>返工率 rework rate = cases sent back at least once / cases fed back; 延期率 extension rate = cases extended at least once / D;</li>
 *   <li>响应率 response rate = cases the department took up / D; 解决率 resolution rate = closed and never reopened / D;</li>
 *   <li>满意率 satisfaction = rated satisfied or basically satisfied / rated;</li>
 *   <li>overdue open = still being worked on past the deadline now; average handling hours = from dispatch to feedback, over the fed back.</li>
 * </ul>
 * A rate whose denominator is zero is null (nothing to rate), never 0 or 100%.
 */
@Service
public class Evaluation {

    /** What the figures are grouped by. */
    public enum By {
        DEPARTMENT, SUBDISTRICT, COMMUNITY
    }

    public record Figures(String code, long dispatched, long handled, long handledOnTime, long closed, long closedOnTime, long reworked,
                          long extended, long responded, long resolved, long rated, long satisfied, long overdueOpen,
                          Double averageHandlingHours) {

        static Double rate(long part, long whole) {
            return whole == 0 ? null : (double) part / whole;
        }

        public Double handledRate() {
            return rate(handled, dispatched);
        }

        public Double onTimeHandledRate() {
            return rate(handledOnTime, dispatched);
        }

        public Double closedRate() {
            return rate(closed, dispatched);
        }

        public Double onTimeClosedRate() {
            return rate(closedOnTime, dispatched);
        }

        public Double reworkRate() {
            return rate(reworked, handled);
        }

        public Double extensionRate() {
            return rate(extended, dispatched);
        }

        public Double responseRate() {
            return rate(responded, dispatched);
        }

        public Double resolutionRate() {
            return rate(resolved, dispatched);
        }

        public Double satisfactionRate() {
            return rate(satisfied, rated);
        }
    }

    private final JdbcClient jdbc;
    private final Hierarchy hierarchy;
    private final Clock clock;

    Evaluation(JdbcClient jdbc, Hierarchy hierarchy, Clock clock) {
        this.jdbc = jdbc;
        this.hierarchy = hierarchy;
        this.clock = clock;
    }

    /** One row per department or place with cases dispatched in the period, in code order. */
    public List<Figures> of(By by, LocalDate from, LocalDate to, Actor actor) {
        checkPeriod(by, from, to);
        Instant start = from.atStartOfDay(WorkingCalendar.CHINA).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(WorkingCalendar.CHINA).toInstant();
        Instant now = clock.instant();
        var groups = new LinkedHashMap<String, long[]>();
        var hours = new LinkedHashMap<String, Duration>();
        Scoped.query(jdbc, actor.jurisdiction(), "c.path", "select c.path, c.lead_department, c.state, c.deadline, c.fed_back_at, c.closed_at, "
                        + "c.reworks, c.extensions, c.reopens, c.rating, c.dispatched_at, "
                        + "(select count(*) from casework_step s where s.case_id = c.id and s.action = 'RECEIVE') "
                        + "from casework_case c where {scope} and c.dispatched_at >= :start and c.dispatched_at < :end")
                .param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
                .query(rs -> {
                    String key = key(by, rs.getString(1), rs.getString(2));
                    if (key != null) {
                        count(rs, groups.computeIfAbsent(key, k -> new long[13]), key, hours, now);
                    }
                });
        return groups.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> {
            long[] n = e.getValue();
            Duration total = hours.get(e.getKey());
            Double average = n[1] == 0 || total == null ? null : total.toMinutes() / 60.0 / n[1];
            return new Figures(e.getKey(), n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9], n[10], n[11], average);
        }).toList();
    }

    /** A grouping and a period of at most a year, from before to; every problem named. */
    private static void checkPeriod(By by, LocalDate from, LocalDate to) {
        var problems = new ArrayList<Violation>();
        if (by == null) {
            problems.add(Violation.of("by", "casework.required"));
        }
        if (from == null || to == null) {
            problems.add(Violation.of(from == null ? "from" : "to", "casework.required"));
        } else if (to.isBefore(from)) {
            problems.add(Violation.of("to", "casework.evaluation.backwards"));
        } else if (from.plusYears(1).isBefore(to)) {
            problems.add(Violation.of("to", "casework.evaluation.too-long"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    /** Counts one dispatched case into its group's counters (in the order of {@link Figures}) and handling hours. */
    private static void count(java.sql.ResultSet rs, long[] n, String key, Map<String, Duration> hours, Instant now) throws java.sql.SQLException {
        String state = rs.getString(3);
        Instant deadline = rs.getTimestamp(4).toInstant();
        Timestamp fedBack = rs.getTimestamp(5);
        boolean closed = "CLOSED".equals(state);
        boolean onTime = fedBack != null && !fedBack.toInstant().isAfter(deadline);
        n[0]++;
        if (fedBack != null) {
            n[1]++;
            hours.merge(key, Duration.between(rs.getTimestamp(11).toInstant(), fedBack.toInstant()), Duration::plus);
        }
        n[2] += onTime ? 1 : 0;
        n[3] += closed ? 1 : 0;
        n[4] += closed && onTime ? 1 : 0;
        n[5] += rs.getInt(7) > 0 && fedBack != null ? 1 : 0;
        n[6] += rs.getInt(8) > 0 ? 1 : 0;
        n[7] += rs.getLong(12) > 0 ? 1 : 0;
        n[8] += closed && rs.getInt(9) == 0 ? 1 : 0;
        String rating = rs.getString(10);
        n[9] += rating != null ? 1 : 0;
        n[10] += "SATISFIED".equals(rating) || "BASICALLY_SATISFIED".equals(rating) ? 1 : 0;
        n[11] += ("DISPATCHED".equals(state) || "HANDLING".equals(state)) && now.isAfter(deadline) ? 1 : 0;
    }

    /** The department, or the place's code at the level asked for (null when the case lies above it). */
    private static String key(By by, String path, String department) {
        if (by == By.DEPARTMENT) {
            return department;
        }
        int depth = by == By.SUBDISTRICT ? Level.SUBDISTRICT.ordinal() : Level.COMMUNITY.ordinal();
        String[] parts = path.split("/");
        // parts[0] is empty (the path starts with '/'), parts[1] the city
        return parts.length > depth + 1 ? parts[depth + 1] : null;
    }

    /** The name of a row's department or place, for pages and exports. */
    public String nameOf(By by, String code, Catalogue catalogue, java.util.Locale locale) {
        if (by == By.DEPARTMENT) {
            return catalogue.departments().stream().filter(d -> d.code().equals(code)).findFirst().map(d -> d.name(locale)).orElse(code);
        }
        try {
            Unit unit = hierarchy.unit(code);
            return unit.displayName();
        } catch (NotFound retired) {
            return code;
        }
    }
}
