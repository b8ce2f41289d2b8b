package io.gongzhi.casework.internal;

import io.gongzhi.casework.CaseAction;
import io.gongzhi.casework.CaseState;

import io.gongzhi.shared.Actor;
import io.gongzhi.shared.BeforeCommit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends the steps taken on a case to its timeline ({@code casework_step}), which is never
 * rewritten. A step whose row nothing else needs at once (no files kept with it) waits for the
 * commit and goes with the transaction's other steps in one batch; rows keep the order the
 * steps were taken in, since a step that must have its row at once first sends those waiting.
 */
@Component
public class Timeline {

    private static final String INSERT = "insert into casework_step (case_id, action, from_state, to_state, actor, department, note, at) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int[] TYPES = {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.TIMESTAMP};
    private static final String WAITING_KEY = Timeline.class.getName() + ".waiting";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    Timeline(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** Appends the step now and answers its id (for the files kept with it). */
    public long append(long id, CaseAction action, CaseState from, CaseState to, Actor actor, String department, String note, Instant at) {
        sendWaiting();
        var keys = new GeneratedKeyHolder();
        jdbc.sql(INSERT).params(row(id, action, from, to, actor, department, note, at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Appends the step with the running transaction's others just before it commits (now, outside a transaction). */
    public void appendAtCommit(long id, CaseAction action, CaseState from, CaseState to, Actor actor, String department, String note, Instant at) {
        List<Object[]> waiting = BeforeCommit.rows(WAITING_KEY, this::send);
        if (waiting == null) {
            append(id, action, from, to, actor, department, note, at);
        } else {
            waiting.add(row(id, action, from, to, actor, department, note, at).toArray());
        }
    }

    private void sendWaiting() {
        BeforeCommit.<Object[]>sendNow(WAITING_KEY, this::send);
    }

    private void send(List<Object[]> rows) {
        batches.batchUpdate(INSERT, rows, TYPES);
    }

    private static List<Object> row(long id, CaseAction action, CaseState from, CaseState to, Actor actor, String department, String note,
                                    Instant at) {
        var row = new ArrayList<>(8);
        row.add(id);
        row.add(action.name());
        row.add(from == null ? null : from.name());
        row.add(to.name());
        row.add(actor == null ? "system" : actor.username());
        row.add(department);
        row.add(note);
        row.add(Timestamp.from(at));
        return row;
    }
}
