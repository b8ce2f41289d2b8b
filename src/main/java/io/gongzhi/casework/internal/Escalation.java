package io.gongzhi.casework.internal;

import io.gongzhi.casework.Case;
import io.gongzhi.casework.CaseAction;
import io.gongzhi.casework.CaseState;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Overdue cases raised up the hierarchy: to the district at the deadline, to the city a whole time limit later. */
@Service
public class Escalation {

    private final JdbcClient jdbc;
    private final CaseWrites writes;
    private final CaseQueries queries;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Escalation(JdbcClient jdbc, CaseWrites writes, CaseQueries queries, Timeline timeline, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.queries = queries;
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
    }

    /** An overdue case as the check finds it. */
    private record Due(long id, int escalation, int version, Instant deadline, Instant dispatchedAt) {

        /** 1 past the deadline, 2 past it by a whole time limit more. */
        int levelAt(Instant now) {
            return now.isAfter(deadline.plus(Duration.between(dispatchedAt, deadline))) ? 2 : 1;
        }
    }

    /**
     * Raises every case still open past its deadline one level up (the district), and past a
     * second full time limit another (the city). Safe on several nodes at once: each raise is
     * guarded by the case's version.
     */
    @Transactional
    public int escalateOverdue() {
        Instant now = clock.instant();
        var due = jdbc.sql("select id, escalation, version, deadline, dispatched_at from casework_case "
                        + "where state in ('DISPATCHED', 'HANDLING') and closed_at is null and deadline < :now and escalation < 2")
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Due(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant())).list();
        int raised = 0;
        for (Due c : due) {
            int level = c.levelAt(now);
            if (level <= c.escalation()) {
                continue;
            }
            if (writes.escalate(c.id(), c.version(), level, now)) {
                Case raisedCase = queries.require(c.id());
                CaseState state = raisedCase.state();
                timeline.append(c.id(), CaseAction.ESCALATE, state, state, null, null, level == 1 ? "district" : "city", now);
                StepResult.of(CaseAction.ESCALATE, raisedCase, raisedCase, null, level == 1 ? "district" : "city", now).events()
                        .forEach(events::publishEvent);
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
