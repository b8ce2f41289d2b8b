package io.gongzhi.casework;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/** Overdue cases raised up the hierarchy: to the district at the deadline, to the city a whole time limit later. */
@Service
public class Escalation {

    private final JdbcClient jdbc;
    private final CaseQueries queries;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CaseNotices notices;

    Escalation(JdbcClient jdbc, CaseQueries queries, Timeline timeline, ApplicationEventPublisher events, Clock clock, CaseNotices notices) {
        this.notices = notices;
        this.jdbc = jdbc;
        this.queries = queries;
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Raises every case still open past its deadline one level up (the district), and past a
     * second full time limit another (the city). Safe on several nodes at once: each raise is
     * guarded by the case's version.
     */
    @Transactional
    public int escalateOverdue() {
        Instant now = clock.instant();
        var due = jdbc.sql("select id, escalation, version, deadline, dispatched_at, path from casework_case "
                        + "where state in ('DISPATCHED', 'HANDLING') and deadline < :now and escalation < 2")
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant(), rs.getString(6)}).list();
        int raised = 0;
        for (Object[] c : due) {
            Instant deadline = (Instant) c[3];
            var limit = java.time.Duration.between((Instant) c[4], deadline);
            int level = now.isAfter(deadline.plus(limit)) ? 2 : 1;
            if (level <= (int) c[1]) {
                continue;
            }
            int updated = jdbc.sql("update casework_case set escalation = :l, version = version + 1, updated_at = :now where id = :id and version = :v")
                    .param("l", level).param("now", Timestamp.from(now)).param("id", c[0]).param("v", c[2]).update();
            if (updated == 1) {
                Case raisedCase = queries.require((long) c[0]);
                CaseState state = raisedCase.state();
                timeline.append((long) c[0], CaseAction.ESCALATE, state, state, null, null, level == 1 ? "district" : "city", now);
                events.publishEvent(new CaseStepTaken((long) c[0], CaseAction.ESCALATE, state, state, (String) c[5], now));
                notices.escalated(raisedCase, level);
                raised++;
            }
        }
        return raised;
    }

    @Scheduled(fixedDelayString = "${gongzhi.casework.escalation-check:PT1M}",
            initialDelayString = "${gongzhi.casework.escalation-check:PT1M}")
    @Transactional
    void escalateOnSchedule() {
        escalateOverdue();
    }
}
