package io.gongzhi.casework;

import io.gongzhi.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/** Appends the steps taken on a case to its timeline ({@code casework_step}), which is never rewritten. */
@Component
class Timeline {

    private final JdbcClient jdbc;

    Timeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends the step and answers its id. */
    long append(long id, CaseAction action, CaseState from, CaseState to, Actor actor, String department, String note, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into casework_step (case_id, action, from_state, to_state, actor, department, note, at) "
                        + "values (:id, :a, :f, :t, :actor, :d, :n, :at)")
                .param("id", id).param("a", action.name()).param("f", from == null ? null : from.name()).param("t", to.name())
                .param("actor", actor == null ? "system" : actor.username()).param("d", department).param("n", note)
                .param("at", Timestamp.from(at)).update(keys, "id");
        return keys.getKey().longValue();
    }
}
