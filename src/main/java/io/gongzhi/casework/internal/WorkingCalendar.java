package io.gongzhi.casework.internal;

import io.gongzhi.casework.TimeLimit;
import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working days in Chengdu: Monday to Friday, except the public holidays, plus the weekend
 * days worked in exchange, both kept per year in {@code casework_calendar_day}. Time limits in
 * working days run only on working days: the time of day carries over, and a case dispatched on
 * a day off starts counting at midnight of the next working day.
 */
@Service
public class WorkingCalendar {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** A day that differs from the Monday–Friday week. */
    public record Day(LocalDate day, boolean working, String note) {
    }

    private final JdbcClient jdbc;
    private final Audit audit;
    /** A year's exceptions as read, and when: re-read after five minutes, so a change made on another node arrives. */
    private record Loaded(Map<LocalDate, Boolean> days, long at) {
    }

    private final Map<Integer, Loaded> years = new ConcurrentHashMap<>();

    WorkingCalendar(JdbcClient jdbc, Audit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public boolean working(LocalDate day) {
        Boolean exception = year(day.getYear()).get(day);
        if (exception != null) {
            return exception;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** When a case dispatched at {@code from} is due under {@code limit}. */
    public Instant deadline(Instant from, TimeLimit limit) {
        if (limit.hours().isPresent()) {
            return from.plus(limit.hours().get());
        }
        return addWorkingDays(from, limit.workingDays());
    }

    /** {@code days} working days after {@code from}, counted as described above. */
    public Instant addWorkingDays(Instant from, int days) {
        ZonedDateTime t = from.atZone(CHINA);
        if (!working(t.toLocalDate())) {
            LocalDate next = t.toLocalDate().plusDays(1);
            while (!working(next)) {
                next = next.plusDays(1);
            }
            t = next.atStartOfDay(CHINA);
        }
        for (int i = 0; i < days; i++) {
            LocalDate next = t.toLocalDate().plusDays(1);
            while (!working(next)) {
                next = next.plusDays(1);
            }
            t = t.with(next);
        }
        return t.toInstant();
    }

    /** The year's holidays and exchanged working days. */
    public List<Day> days(int year) {
        return jdbc.sql("select on_day, working, note from casework_calendar_day where on_day >= :from and on_day < :to order by on_day")
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1))
                .query((rs, n) -> new Day(rs.getObject(1, LocalDate.class), rs.getBoolean(2), rs.getString(3))).list();
    }

    /** Replaces the year's exceptions (the governance committee maintains them once a year). */
    @Transactional
    public List<Day> replace(int year, List<Day> days, Actor actor) {
        var problems = new ArrayList<Violation>();
        if (year < 2000 || year > 2100) {
            problems.add(Violation.of("year", "casework.calendar.year", year));
        }
        var seen = new java.util.HashSet<LocalDate>();
        for (int i = 0; i < days.size(); i++) {
            Day d = days.get(i);
            String where = "days[" + i + "]";
            if (d == null || d.day() == null) {
                problems.add(Violation.of(where, "casework.calendar.no-day"));
                continue;
            }
            if (d.day().getYear() != year) {
                problems.add(Violation.of(where, "casework.calendar.other-year", d.day(), year));
            }
            if (!seen.add(d.day())) {
                problems.add(Violation.of(where, "casework.calendar.twice", d.day()));
            }
            boolean weekend = d.day().getDayOfWeek() == DayOfWeek.SATURDAY || d.day().getDayOfWeek() == DayOfWeek.SUNDAY;
            if (d.working() != weekend) {
                // a working Tuesday or a Sunday off is what every week already says
                problems.add(Violation.of(where, "casework.calendar.no-change", d.day()));
            }
            if (d.note() != null && d.note().length() > 100) {
                problems.add(Violation.of(where, "casework.too-long", 100));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        jdbc.sql("delete from casework_calendar_day where on_day >= :from and on_day < :to")
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1)).update();
        for (Day d : days) {
            jdbc.sql("insert into casework_calendar_day (on_day, working, note) values (:d, :w, :n)")
                    .param("d", d.day()).param("w", d.working()).param("n", d.note() == null ? "" : d.note().strip()).update();
        }
        years.remove(year);
        audit.record(actor, "casework.calendar", "calendar:" + year, Outcome.SUCCESS, "days=" + days.size());
        return days(year);
    }

    private Map<LocalDate, Boolean> year(int year) {
        long now = System.nanoTime();
        Loaded loaded = years.get(year);
        if (loaded == null || now - loaded.at() > java.util.concurrent.TimeUnit.MINUTES.toNanos(5)) {
            var map = new TreeMap<LocalDate, Boolean>();
            days(year).forEach(d -> map.put(d.day(), d.working()));
            loaded = new Loaded(map, now);
            years.put(year, loaded);
        }
        return loaded.days();
    }
}
