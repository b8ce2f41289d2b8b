package io.gongzhi.emergency.internal;

import io.gongzhi.emergency.DirectiveEscalated;
import io.gongzhi.shared.RegionPath;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Escalation on silence: a unit that has not acknowledged a directive by its deadline is raised to
 * its parent place, and the directive's {@code escalate_minutes} later, still silent, to its
 * grandparent. Each unit is raised once per tier (the sweep marks what it raised in the same
 * transaction), and each place hears once per sweep how many below it are silent.
 */
@Component
public class SilenceEscalation {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SilenceEscalation(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Raises what is silent at {@code now}; answers how many units it raised. */
    @Transactional
    public int sweep(Instant now) {
        int raised = 0;
        for (int tier = 1; tier <= 2; tier++) {
            // the directives whose deadline for this tier has passed and that still have units silent at the tier below
            int tierNow = tier;
            var due = jdbc.sql("""
                    select d.id, d.title, d.ack_due, d.escalate_minutes from emergency_directive d
                     where d.ack_due < :now
                       and exists (select 1 from emergency_recipient r where r.directive_id = d.id and r.acknowledged_at is null and r.escalated = :below)""")
                    .param("below", tier - 1).param("now", Timestamp.from(now))
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getInt(4)}).list()
                    .stream().filter(d -> ((Instant) d[2]).plusSeconds(60L * (int) d[3] * (tierNow - 1)).isBefore(now)).toList();
            for (Object[] d : due) {
                raised += raise((long) d[0], (String) d[1], tier, now);
            }
        }
        return raised;
    }

    private int raise(long directive, String title, int tier, Instant now) {
        var silent = jdbc.sql("select path from emergency_recipient where directive_id = ? and acknowledged_at is null and escalated = ?")
                .params(directive, tier - 1).query(String.class).list();
        jdbc.sql("update emergency_recipient set escalated = ? where directive_id = ? and acknowledged_at is null and escalated = ?")
                .params(tier, directive, tier - 1).update();
        // by the place they are raised to: the parent (tier 1) or grandparent (tier 2), never above the city
        Map<String, Integer> byPlace = new TreeMap<>();
        for (String path : silent) {
            RegionPath p = RegionPath.of(path);
            int depth = p.depth() - tier;
            if (depth >= 1) {
                byPlace.merge(p.ancestor(depth), 1, Integer::sum);
            }
        }
        var raised = new ArrayList<DirectiveEscalated>();
        byPlace.forEach((place, count) -> raised.add(new DirectiveEscalated(DirectiveEscalated.SCHEMA, UUID.randomUUID(), directive, title, tier,
                RegionPath.of(place).code(), place, count, now)));
        raised.forEach(events::publishEvent);
        return silent.size();
    }

    @Scheduled(fixedDelayString = "${gongzhi.emergency.escalation-check:PT1M}", initialDelayString = "${gongzhi.emergency.escalation-check:PT1M}")
    void sweepOnSchedule() {
        sweep(clock.instant());
    }
}
