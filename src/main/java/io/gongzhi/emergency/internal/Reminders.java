package io.gongzhi.emergency.internal;

import io.gongzhi.identity.Notices;
import io.gongzhi.identity.Recipients;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reminders before the deadline to acknowledge: a directive's {@code remind_minutes} before it, the
 * people who answer for its units still silent hear that it is due, once per deadline (a deadline
 * moved later by an amendment is reminded of again).
 */
@Component
public class Reminders {

    /** The longest a reminder may come before its deadline: half of the longest time to acknowledge (72 hours). */
    static final Duration FURTHEST = Duration.ofHours(36);

    private final JdbcClient jdbc;
    private final Notices notices;
    private final Clock clock;

    Reminders(JdbcClient jdbc, Notices notices, Clock clock) {
        this.jdbc = jdbc;
        this.notices = notices;
        this.clock = clock;
    }

    /** Reminds what is due at {@code now}; answers how many silent units it reminded. */
    @Transactional
    public int sweep(Instant now) {
        record Due(long id, String title, Instant ackDue, int minutes) {
        }
        var due = jdbc.sql("""
                        select id, title, ack_due, remind_minutes from emergency_directive
                         where reminded_at is null and remind_minutes > 0 and ack_due > :now and ack_due <= :furthest""")
                .param("now", Timestamp.from(now)).param("furthest", Timestamp.from(now.plus(FURTHEST)))
                .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getInt(4))).list()
                .stream().filter(d -> !d.ackDue().minus(Duration.ofMinutes(d.minutes())).isAfter(now)).toList();
        int reminded = 0;
        for (Due d : due) {
            List<String> silent = jdbc.sql("select path from emergency_recipient where directive_id = ? and acknowledged_at is null")
                    .param(d.id()).query(String.class).list();
            if (!silent.isEmpty()) {
                notices.notify("directive-reminder:" + d.id() + ":" + d.ackDue().getEpochSecond(), Recipients.at(DirectiveNotices.PERMISSION, silent, false),
                        "notice.directive.remind", List.of(d.title(), DirectiveNotices.due(d.ackDue())), DirectiveNotices.link(d.id()));
                reminded += silent.size();
            }
            jdbc.sql("update emergency_directive set reminded_at = ? where id = ?").params(Timestamp.from(now), d.id()).update();
        }
        return reminded;
    }

    @Scheduled(fixedDelayString = "${gongzhi.emergency.escalation-check:PT1M}", initialDelayString = "${gongzhi.emergency.escalation-check:PT1M}")
    void sweepOnSchedule() {
        sweep(clock.instant());
    }
}
