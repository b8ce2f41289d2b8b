package io.gongzhi.screening.internal;

import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import io.gongzhi.platform.DatabaseOwner;
import io.gongzhi.population.Dwellings;
import io.gongzhi.screening.RoundOpened;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.RegionPath;
import io.gongzhi.shared.Violation;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.UUID;

/**
 * A campaign's rounds: each runs over days of its own (after the round before it) on the form
 * the campaign has when it opens, and gives every household of the registry in the campaign's
 * scope a task, found in its grid. The households are read from the registry a page at a time
 * and their tasks written in batches, so a whole city's round opens without holding it in memory.
 */
@Service
public class Rounds {

    private static final Logger log = LoggerFactory.getLogger(Rounds.class);

    static final int MAX_DAYS = 60;
    private static final int PAGE = 2_000;
    private static final String INSERT_TASK = "insert into screening_task (round_id, household_id, path, seg2, seg3, seg4, seg5, compound_code, "
            + "building, unit_no, room, state, visits) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', 0)";

    /** A round: its number in the campaign, its first and last day, the form version it asks, how many tasks it gave. */
    public record Round(long id, long campaignId, int number, LocalDate startsOn, LocalDate endsOn, int formVersion, int tasks, String openedBy,
                        Instant openedAt) {
        /** Whether visits made on {@code day} belong to it. */
        public boolean runsOn(LocalDate day) {
            return !day.isBefore(startsOn) && !day.isAfter(endsOn);
        }
    }

    /** The days a planner gives a round (ISO dates). */
    public record Schedule(LocalDate startsOn, LocalDate endsOn) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Campaigns campaigns;
    private final Dwellings dwellings;
    private final Audit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DatabaseOwner owner;

    Rounds(JdbcClient jdbc, JdbcTemplate template, Campaigns campaigns, Dwellings dwellings, Audit audit, ApplicationEventPublisher events,
           Clock clock, DatabaseOwner owner) {
        this.owner = owner;
        this.jdbc = jdbc;
        this.template = template;
        this.campaigns = campaigns;
        this.dwellings = dwellings;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Round open(long campaignId, Schedule schedule, Actor actor) {
        Campaigns.Campaign campaign = campaigns.get(campaignId, actor);
        campaigns.plannable(campaign.scopeUnit(), actor, null);
        var problems = new ArrayList<Violation>();
        LocalDate today = campaigns.today();
        LocalDate starts = schedule == null ? null : schedule.startsOn();
        LocalDate ends = schedule == null ? null : schedule.endsOn();
        Round last = campaign.rounds().isEmpty() ? null : campaign.rounds().get(campaign.rounds().size() - 1);
        if (starts == null) {
            problems.add(Violation.of("startsOn", "screening.round-starts-missing"));
        } else if (starts.isBefore(today)) {
            problems.add(Violation.of("startsOn", "screening.round-starts-past", today));
        } else if (last != null && !starts.isAfter(last.endsOn())) {
            problems.add(Violation.of("startsOn", "screening.round-overlaps", last.number(), last.endsOn()));
        }
        if (ends == null) {
            problems.add(Violation.of("endsOn", "screening.round-ends-missing"));
        } else if (starts != null && (ends.isBefore(starts) || ends.isAfter(starts.plusDays(MAX_DAYS - 1)))) {
            problems.add(Violation.of("endsOn", "screening.round-ends-invalid", MAX_DAYS));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        int number = last == null ? 1 : last.number() + 1;
        Instant now = clock.instant();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into screening_round (campaign_id, number, starts_on, ends_on, form_version, tasks, opened_by, opened_at) "
                        + "values (?, ?, ?, ?, ?, 0, ?, ?)")
                .params(campaignId, number, Date.valueOf(starts), Date.valueOf(ends), campaign.formVersion(), actor.username(), Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        long tasks = dwellings.forEachUnder(campaign.scopePath(), PAGE, page -> template.batchUpdate(INSERT_TASK, page, page.size(), (ps, d) -> {
            RegionPath path = RegionPath.of(d.path());
            ps.setLong(1, id);
            ps.setLong(2, d.id());
            ps.setString(3, d.path());
            for (int depth = 2; depth <= 5; depth++) {
                String at = path.ancestor(depth);
                ps.setString(depth + 2, at == null ? "" : RegionPath.of(at).code());
            }
            ps.setString(8, d.compoundCode());
            ps.setString(9, d.building());
            ps.setString(10, d.unitNo());
            ps.setString(11, d.room());
        }));
        jdbc.sql("update screening_round set tasks = ? where id = ?").params(tasks, id).update();
        freshStatistics();
        audit.record(actor, "screening.round.open", "campaign:" + campaignId, Outcome.SUCCESS, "round " + number + ", " + tasks + " households");
        events.publishEvent(new RoundOpened(RoundOpened.SCHEMA, UUID.randomUUID(), campaignId, id, number, campaign.scopePath(), starts, ends,
                (int) tasks));
        return get(id, actor);
    }

    /**
     * After the commit, on PostgreSQL, the tasks' statistics taken again (as the tables' owner, who
     * alone may): a round adds a whole place's households at once, and until autovacuum notices,
     * the planner would still take the table for as small as before and read the visits' tasks by
     * scanning it. Nothing is lost when it fails; autovacuum does it later.
     */
    private void freshStatistics() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try (Connection c = owner.connect(); Statement s = c.createStatement()) {
                    if (c.isWrapperFor(PGConnection.class)) {
                        c.setAutoCommit(true);
                        s.execute("analyze screening_task");
                    }
                } catch (SQLException e) {
                    log.warn("the statistics of screening_task were not taken again: {}", e.toString());
                }
            }
        });
    }

    /** The round, when its campaign overlaps the actor's places; otherwise as if there were none. */
    public Round get(long id, Actor actor) {
        Long campaign = jdbc.sql("select campaign_id from screening_round where id = ?").param(id).query(Long.class).optional().orElse(null);
        if (campaign == null) {
            throw new NotFound("screening.round-unknown", "round " + id);
        }
        try {
            return campaigns.get(campaign, actor).rounds().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
        } catch (NotFound e) {
            throw new NotFound("screening.round-unknown", "round " + id);
        }
    }
}
