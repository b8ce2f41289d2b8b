package io.gongzhi.population.internal;

import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.TooMany;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * Searches by a full identity, passport or phone number. A search that finds someone confirms a
 * guessed number: whoever sees a person masked could try the 180,000-odd numbers the mask leaves,
 * one search each. So each such search is audited (without the number) and an account may make
 * {@code gongzhi.population.number-searches-per-hour} of them (200: a hotline desk's busiest hour,
 * several times over); the count is read from the audit log, so it holds across nodes.
 */
@Component
public class NumberSearches {

    static final String ACTION = "person.search-number";

    private final Audit audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int perHour;

    NumberSearches(Audit audit, JdbcClient jdbc, Clock clock, @Value("${gongzhi.population.number-searches-per-hour:200}") int perHour) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.perHour = perHour;
    }

    /** Refuses the search when the account has made its hour's number searches. */
    public void admit(Actor actor) {
        if (actor.accountId() == null) {
            return;
        }
        long made = jdbc.sql("select count(*) from audit_record where account = :a and action = :action and at > :since")
                .param("a", actor.username()).param("action", ACTION)
                .param("since", Timestamp.from(clock.instant().minus(Duration.ofHours(1)))).query(Long.class).single();
        if (made >= perHour) {
            throw new TooMany("person.search-number-limit", 3600, perHour);
        }
    }

    /** The search was made: on the log, with what it found but not what was asked. */
    public void made(Actor actor, int found) {
        audit.record(actor, ACTION, "residents", Outcome.SUCCESS, "found=" + found);
    }
}
