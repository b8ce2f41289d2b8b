package io.gongzhi.emergency.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * How a directive's acknowledgements and reports came in over time, below one place: the
 * time from its issue to now (or, once passed, its last deadline or its last answer) in at most
 * {@value #POINTS} steps, with how many units had answered by the end of each (and none at the
 * issue), counted in the database by step.
 */
@Component
public class AcknowledgementCurves {

    static final int POINTS = 48;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** One step's end, as a label in Beijing time, and how many had acknowledged and reported by then. */
    public record Point(String label, long acknowledged, long reported) {
    }

    /** The steps, with the number of units counted (to read the curve's height against). */
    public record Curve(List<Point> points, long units) {
        public List<String> labels() {
            return points.stream().map(Point::label).toList();
        }

        public List<Long> acknowledged() {
            return points.stream().map(Point::acknowledged).toList();
        }

        public List<Long> reported() {
            return points.stream().map(Point::reported).toList();
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AcknowledgementCurves(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Curve of(Directives.Directive d, String path, long units) {
        Instant start = d.issuedAt();
        Instant last = d.reportDue() != null ? d.reportDue() : d.ackDue();
        Instant now = clock.instant();
        Instant end = now.isBefore(last) ? now : last;
        Instant latest = jdbc.sql("select max(coalesce(reported_at, acknowledged_at)) from emergency_recipient where directive_id = :id and path like :prefix")
                .param("id", d.id()).param("prefix", path + "/%").query(java.sql.Timestamp.class).optional()
                .map(java.sql.Timestamp::toInstant).orElse(null);
        if (latest != null && latest.isAfter(end)) {
            end = latest;
        }
        long span = Math.max(60, Duration.between(start, end).getSeconds() + 1);
        long step = Math.max(60, (span + POINTS - 1) / POINTS);
        int steps = (int) Math.min(POINTS, (span + step - 1) / step);
        long[] acknowledged = counts(d.id(), path, "acknowledged_at", start, step, steps);
        long[] reported = counts(d.id(), path, "reported_at", start, step, steps);
        DateTimeFormatter format = DateTimeFormatter.ofPattern(span > 86_400 ? "MM-dd HH:mm" : "HH:mm").withZone(ZONE);
        var points = new ArrayList<Point>();
        points.add(new Point(format.format(start), 0, 0));
        long a = 0, r = 0;
        for (int i = 0; i < steps; i++) {
            a += acknowledged[i];
            r += reported[i];
            points.add(new Point(format.format(start.plusSeconds(step * (i + 1))), a, r));
        }
        return new Curve(points, units);
    }

    /** How many answered ({@code column}) in each step after {@code start}; the last step takes any later. */
    private long[] counts(long id, String path, String column, Instant start, long step, int steps) {
        long[] counts = new long[steps];
        jdbc.sql("select floor((extract(epoch from " + column + ") - :start) / :step), count(*) from emergency_recipient"
                        + " where directive_id = :id and path like :prefix and " + column + " is not null group by 1")
                .param("start", start.getEpochSecond()).param("step", step).param("id", id).param("prefix", path + "/%")
                .query(rs -> {
                    int i = (int) Math.max(0, Math.min(steps - 1, rs.getLong(1)));
                    counts[i] += rs.getLong(2);
                });
        return counts;
    }
}
