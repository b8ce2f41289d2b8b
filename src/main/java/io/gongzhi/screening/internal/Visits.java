package io.gongzhi.screening.internal;

import io.gongzhi.screening.AnomalyFound;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.NotPermitted;
import io.gongzhi.shared.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Visits as phones send them, in batches: each visit carries a key its phone made, and a key
 * already kept changes nothing again, so a batch sent twice, or cut off and sent again, or a visit
 * queued offline and sent from two tabs, is kept once. Each visit gets its own answer (recorded,
 * already recorded, or refused with its reasons); the good ones of a batch are kept whatever the
 * others hold, all in one transaction, so an upload killed half-way keeps nothing and is simply
 * sent again. A visit moves its household's task to its outcome unless a later visit already did.
 */
@Service
public class Visits {

    static final int MAX_BATCH = 200;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String INSERT = "insert into screening_visit (client_key, round_id, household_id, path, outcome, form_version, answers, "
            + "anomalies, visited_at, visited_by, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing";
    private static final String NEWER = "(last_visit_at is null or last_visit_at <= ?)";
    private static final String MOVE_TASK = "update screening_task set visits = visits + 1, state = case when " + NEWER + " then ? else state end, "
            + "revisit_due = case when " + NEWER + " then ? else revisit_due end, "
            + "last_visit_at = case when " + NEWER + " then ? else last_visit_at end where round_id = ? and household_id = ?";

    public enum Outcome { VISITED, NOT_HOME, REFUSED }

    public enum Status { RECORDED, ALREADY, REFUSED }

    /** A visit as a phone sends it: its key, the household's id, the outcome, when (ISO date-time with offset), the answers. */
    public record Sent(String key, Long household, String outcome, String visitedAt, Map<String, Object> answers) {
    }

    /** What became of one visit: the household's task state it set and the anomaly rules it met, or why it was refused. */
    public record Result(String key, Status status, String state, List<String> anomalies, List<Violation> problems) {
    }

    private record Checked(int index, String key, long household, String path, Outcome outcome, Instant at, Map<String, String> answers,
                           List<String> anomalies) {
        String state() {
            return Visits.state(outcome, anomalies);
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Rounds rounds;
    private final Campaigns campaigns;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Visits(JdbcClient jdbc, JdbcTemplate template, Rounds rounds, Campaigns campaigns, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.rounds = rounds;
        this.campaigns = campaigns;
        this.events = events;
        this.clock = clock;
    }

    /** Records a batch of visits of round {@code roundId}; one result per visit, in the batch's order. */
    @Transactional
    public List<Result> record(long roundId, List<Sent> batch, Actor actor) {
        if (!actor.may("screening.visit")) {
            throw new NotPermitted("screening.visit-not-permitted", "recording visits");
        }
        Rounds.Round round = rounds.get(roundId, actor);
        if (batch == null || batch.isEmpty() || batch.size() > MAX_BATCH) {
            throw new InvalidInput(Violation.of("visits", "screening.batch-size", MAX_BATCH));
        }
        VisitForm form = campaigns.form(round.campaignId(), round.formVersion());
        Map<Long, String> tasks = paths(roundId, batch);
        Instant now = clock.instant();
        var results = new Result[batch.size()];
        var fresh = new ArrayList<Checked>();
        var keys = new HashMap<String, Integer>();
        for (int i = 0; i < batch.size(); i++) {
            Sent g = batch.get(i);
            String key = g == null || g.key() == null ? "" : g.key().strip();
            if (!key.isEmpty() && keys.containsKey(key)) {
                // the same visit twice in one batch (a queue that sent it from two tabs): answered as the first is;
                // the same key on another household is another visit, which the key cannot stand for
                boolean same = g != null && java.util.Objects.equals(g.household(), batch.get(keys.get(key)).household());
                results[i] = same ? new Result(key, Status.ALREADY, null, List.of(), List.of())
                        : new Result(key, Status.REFUSED, null, List.of(), List.of(Violation.of("key", "screening.visit-key-reused")));
                continue;
            }
            var problems = new ArrayList<Violation>();
            Checked c = check(i, g, key, round, form, tasks, actor, now, problems);
            if (c == null) {
                results[i] = new Result(key, Status.REFUSED, null, List.of(), problems);
            } else {
                keys.put(key, i);
                fresh.add(c);
            }
        }
        keep(round, fresh, actor, now, results);
        for (int i = 0; i < results.length; i++) {
            if (results[i].status() == Status.ALREADY && results[i].state() == null && results[i].problems().isEmpty() && keys.containsKey(results[i].key())) {
                Result first = results[keys.get(results[i].key())];
                results[i] = new Result(first.key(), first.status() == Status.REFUSED ? Status.REFUSED : Status.ALREADY, first.state(),
                        first.anomalies(), first.problems());
            }
        }
        return List.of(results);
    }

    /** The paths of the batch's households that have a task in the round. */
    private Map<Long, String> paths(long round, List<Sent> batch) {
        var ids = batch.stream().filter(Objects::nonNull).map(Sent::household).filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        var found = new HashMap<Long, String>();
        jdbc.sql("select household_id, path from screening_task where round_id = :round and household_id in (:ids)")
                .param("round", round).param("ids", ids).query(rs -> {
                    found.put(rs.getLong(1), rs.getString(2));
                });
        return found;
    }

    private Checked check(int i, Sent g, String key, Rounds.Round round, VisitForm form, Map<Long, String> tasks, Actor actor, Instant now,
                          List<Violation> problems) {
        if (g == null) {
            problems.add(Violation.of("visits[" + i + "]", "screening.visit-empty"));
            return null;
        }
        if (!key.matches("[A-Za-z0-9_.:-]{8,64}")) {
            problems.add(Violation.of("key", "screening.visit-key-invalid"));
        }
        String path = g.household() == null ? null : tasks.get(g.household());
        if (g.household() == null) {
            problems.add(Violation.of("household", "screening.household-missing"));
        } else if (path == null || !actor.jurisdiction().covers(path)) {
            problems.add(Violation.of("household", "screening.household-unknown", String.valueOf(g.household())));
        }
        Outcome outcome = null;
        try {
            outcome = g.outcome() == null ? null : Outcome.valueOf(g.outcome().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            outcome = null;
        }
        if (outcome == null) {
            problems.add(Violation.of("outcome", "screening.visit-outcome-invalid", g.outcome()));
        }
        Instant at = null;
        LocalDate day = null;
        try {
            at = g.visitedAt() == null ? null : OffsetDateTime.parse(g.visitedAt().strip()).toInstant();
            day = at == null ? null : at.atZone(Campaigns.CHINA).toLocalDate();
        } catch (DateTimeException e) {
            // not a time, or one beyond the calendar's years
            at = null;
        }
        if (at == null) {
            problems.add(Violation.of("visitedAt", "screening.visit-time-invalid", g.visitedAt()));
        } else if (at.isAfter(now.plus(CLOCK_SKEW))) {
            problems.add(Violation.of("visitedAt", "screening.visit-time-future"));
        } else if (!round.runsOn(day)) {
            problems.add(Violation.of("visitedAt", "screening.visit-outside-round", round.number(), round.startsOn(), round.endsOn()));
        }
        Map<String, String> answers = Map.of();
        if (outcome == Outcome.VISITED && day != null) {
            answers = form.check(g.answers(), day, "answers.", problems);
        } else if (outcome != null && outcome != Outcome.VISITED && g.answers() != null && !g.answers().isEmpty()) {
            problems.add(Violation.of("answers", "screening.visit-answers-unexpected"));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Checked(i, key, g.household(), path, outcome, at, answers, outcome == Outcome.VISITED ? form.anomalies(answers, day) : List.of());
    }

    /** Inserts the checked visits (a key already kept inserts nothing), moves their tasks, publishes their anomalies. */
    private void keep(Rounds.Round round, List<Checked> fresh, Actor actor, Instant now, Result[] results) {
        if (fresh.isEmpty()) {
            return;
        }
        int[][] inserted = template.batchUpdate(INSERT, fresh, fresh.size(), (ps, c) -> {
            ps.setString(1, c.key());
            ps.setLong(2, round.id());
            ps.setLong(3, c.household());
            ps.setString(4, c.path());
            ps.setString(5, c.outcome().name());
            ps.setInt(6, round.formVersion());
            ps.setString(7, c.answers().isEmpty() ? null : JSON.writeValueAsString(c.answers()));
            ps.setString(8, c.anomalies().isEmpty() ? null : JSON.writeValueAsString(c.anomalies()));
            ps.setTimestamp(9, Timestamp.from(c.at()));
            ps.setString(10, actor.username());
            ps.setTimestamp(11, Timestamp.from(now));
        });
        var kept = new ArrayList<Checked>();
        var already = new ArrayList<Checked>();
        for (int i = 0; i < fresh.size(); i++) {
            (inserted[0][i] == 0 ? already : kept).add(fresh.get(i));
        }
        template.batchUpdate(MOVE_TASK, kept, kept.size(), (ps, c) -> {
            Timestamp at = Timestamp.from(c.at());
            ps.setTimestamp(1, at);
            ps.setString(2, c.state());
            ps.setTimestamp(3, at);
            ps.setDate(4, c.outcome() == Outcome.NOT_HOME ? Date.valueOf(revisit(round, c.at())) : null);
            ps.setTimestamp(5, at);
            ps.setTimestamp(6, at);
            ps.setLong(7, round.id());
            ps.setLong(8, c.household());
        });
        for (Checked c : kept) {
            results[c.index()] = new Result(c.key(), Status.RECORDED, c.state(), c.anomalies(), List.of());
            if (!c.anomalies().isEmpty()) {
                events.publishEvent(new AnomalyFound(AnomalyFound.SCHEMA, UUID.randomUUID(), round.campaignId(), round.id(), c.household(), c.path(),
                        c.anomalies(), actor.username(), c.at()));
            }
        }
        answerAlready(round, already, results);
    }

    /** A key kept before answers as that visit did; a key kept for another household or round is refused. */
    private void answerAlready(Rounds.Round round, List<Checked> already, Result[] results) {
        if (already.isEmpty()) {
            return;
        }
        var earlier = new HashMap<String, Earlier>();
        jdbc.sql("select client_key, round_id, household_id, outcome, anomalies from screening_visit where client_key in (:keys)")
                .param("keys", already.stream().map(Checked::key).toList())
                .query((rs, i) -> new Earlier(rs.getString(1), rs.getLong(2), rs.getLong(3), Outcome.valueOf(rs.getString(4)),
                        rs.getString(5) == null ? List.of() : List.of(JSON.readValue(rs.getString(5), String[].class))))
                .list().forEach(e -> earlier.put(e.key(), e));
        for (Checked c : already) {
            Earlier e = earlier.get(c.key());
            if (e == null || e.round() != round.id() || e.household() != c.household()) {
                results[c.index()] = new Result(c.key(), Status.REFUSED, null, List.of(), List.of(Violation.of("key", "screening.visit-key-reused")));
                continue;
            }
            results[c.index()] = new Result(c.key(), Status.ALREADY, state(e.outcome(), e.anomalies()), e.anomalies(), List.of());
        }
    }

    /** A visit kept before under a key sent again. */
    private record Earlier(String key, long round, long household, Outcome outcome, List<String> anomalies) {
    }

    /** The day to call again on a household not at home: the next day of the round (its last day at the latest). */
    private static LocalDate revisit(Rounds.Round round, Instant at) {
        LocalDate next = at.atZone(Campaigns.CHINA).toLocalDate().plusDays(1);
        return next.isAfter(round.endsOn()) ? round.endsOn() : next;
    }

    /** The state a visit's outcome gives its household's task. */
    static String state(Outcome outcome, List<String> anomalies) {
        return switch (outcome) {
            case VISITED -> anomalies.isEmpty() ? "DONE" : "ANOMALY";
            case NOT_HOME -> "NOT_HOME";
            case REFUSED -> "REFUSED";
        };
    }
}
