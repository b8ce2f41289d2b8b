package io.gongzhi.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The modules' reactions to each other's events (each listener of each event, kept in the event
 * publication registry until it has run): one that failed or was cut off by a crash is run again
 * after {@code gongzhi.events.retry-after} (1 minute), checked every
 * {@code gongzhi.events.retry-check} (1 minute), and on restart; one whose node went down while it
 * waited or ran is run again by any node once it is {@code gongzhi.events.stale-after} (5 minutes)
 * old; those still waiting are listed for an administrator, with how often they were tried.
 */
@Service
public class Reactions {

    private static final Logger log = LoggerFactory.getLogger(Reactions.class);

    /** A reaction that has not completed: which listener, to which event, since when, and how often it was tried. */
    public record Waiting(String listener, String event, Instant publishedAt, String status, int attempts, Instant lastTriedAt) {
    }

    private final JdbcClient jdbc;
    private final IncompleteEventPublications incomplete;
    private final Clock clock;
    private final Duration retryAfter;
    private final Duration staleAfter;

    Reactions(JdbcClient jdbc, IncompleteEventPublications incomplete, Clock clock,
              @Value("${gongzhi.events.retry-after:PT1M}") Duration retryAfter,
              @Value("${gongzhi.events.stale-after:PT5M}") Duration staleAfter) {
        this.jdbc = jdbc;
        this.incomplete = incomplete;
        this.clock = clock;
        this.retryAfter = retryAfter;
        this.staleAfter = staleAfter;
    }

    @Scheduled(fixedDelayString = "${gongzhi.events.retry-check:PT1M}", initialDelayString = "${gongzhi.events.retry-check:PT1M}")
    void retryOnSchedule() {
        retry(retryAfter);
    }

    /** Runs again every reaction that failed (or was cut off) longer than {@code olderThan} ago; answers how many there were. */
    public int retry(Duration olderThan) {
        markStaleFailed();
        int waiting = jdbc.sql("select count(*) from event_publication where completion_date is null and (status is null or status = 'FAILED') "
                        + "and publication_date < :before")
                .param("before", Timestamp.from(clock.instant().minus(olderThan))).query(Integer.class).single();
        if (waiting > 0) {
            log.info("Running {} reaction(s) again that did not complete", waiting);
            incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults().withMinAge(olderThan));
        }
        return waiting;
    }

    /**
     * A reaction still waiting or running long after it was published (or last run again) was cut
     * off with its node: marked failed, it is run again like one that failed. One that was only
     * slow then runs twice, which reactions, kept once per event, allow.
     */
    private void markStaleFailed() {
        int stale = jdbc.sql("update event_publication set status = 'FAILED' where completion_date is null "
                        + "and (status is null or status <> 'FAILED') and coalesce(last_resubmission_date, publication_date) < :before")
                .param("before", Timestamp.from(clock.instant().minus(staleAfter))).update();
        if (stale > 0) {
            log.warn("{} reaction(s) waited or ran longer than {} (their node went down?): running them again", stale, staleAfter);
        }
    }

    private int waitingLongerThan(Duration age) {
        return jdbc.sql("select count(*) from event_publication where completion_date is null and publication_date < :before")
                .param("before", Timestamp.from(clock.instant().minus(age))).query(Integer.class).single();
    }

    /** How many reactions have waited longer than the retry pause. */
    public int overdue() {
        return waitingLongerThan(retryAfter);
    }

    /** The reactions that have not completed (those just published included), oldest first. */
    public List<Waiting> waiting(int limit) {
        return jdbc.sql("select listener_id, event_type, publication_date, status, completion_attempts, last_resubmission_date "
                        + "from event_publication where completion_date is null order by publication_date limit :n")
                .param("n", Math.max(1, Math.min(limit, 500)))
                .query((rs, n) -> new Waiting(rs.getString(1), simpleName(rs.getString(2)), rs.getTimestamp(3).toInstant(),
                        rs.getString(4) == null ? "PUBLISHED" : rs.getString(4), rs.getInt(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .list();
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1).replace('$', '.');
    }
}
