package io.gongzhi.casework.internal;

import io.gongzhi.casework.Case;
import io.gongzhi.casework.CaseState;
import io.gongzhi.casework.Channel;
import io.gongzhi.casework.Pending;
import io.gongzhi.casework.Rating;
import io.gongzhi.casework.TimeLimit;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A case as its row reads: the columns, the row mapper, and the case with its departments in their order. */
public final class CaseRows {

    private CaseRows() {
    }

    public static final String COLUMNS = "c.id, c.category, c.category_revision, c.description, c.path, c.lon, c.lat, c.address, c.channel, "
            + "c.reporter_account, c.reporter_name, c.state, c.pending, c.pending_days, c.time_limit, c.lead_department, c.deadline, "
            + "c.escalation, c.extensions, c.returns, c.reworks, c.reopens, c.parent_id, c.rating, c.reported_at, c.accepted_at, "
            + "c.dispatched_at, c.fed_back_at, c.closed_at, c.updated_at, c.version";

    /** Cases and their departments, from rows of a case joined with each of its departments. */
    public static Map<Long, Case> many(JdbcClient.StatementSpec spec) {
        var cases = new LinkedHashMap<Long, Case>();
        var handlers = new HashMap<Long, List<Case.Handler>>();
        spec.query(rs -> {
            Case c = cases.get(rs.getLong(1));
            if (c == null) {
                c = row(rs, 0);
                cases.put(c.id(), c);
            }
            var list = handlers.computeIfAbsent(c.id(), id -> new ArrayList<>());
            if (rs.getString(32) != null) {
                list.add(new Case.Handler(rs.getString(32), rs.getString(33), instant(rs.getTimestamp(34)), instant(rs.getTimestamp(35)),
                        rs.getString(36)));
            }
        });
        cases.replaceAll((id, c) -> withDepartments(c, inOrder(handlers.get(id))));
        return cases;
    }

    /** A case's departments in {@link CaseDepartments#HANDLER_ORDER}, sorted here so that it does not depend on the database's collation. */
    public static List<Case.Handler> inOrder(List<Case.Handler> departments) {
        return departments.stream().sorted(CaseDepartments.HANDLER_ORDER).toList();
    }

    public static Case withDepartments(Case c, List<Case.Handler> departments) {
        return c.with().departments(departments).build();
    }

    public static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** A case from a row of {@link #COLUMNS} (without its departments). */
    public static Case row(ResultSet rs, int n) throws SQLException {
        return Case.builder().id(rs.getLong(1)).category(rs.getString(2)).categoryRevision(rs.getInt(3)).description(rs.getString(4))
                .path(rs.getString(5)).lon(rs.getObject(6) == null ? null : rs.getDouble(6)).lat(rs.getObject(7) == null ? null : rs.getDouble(7))
                .address(rs.getString(8)).channel(Channel.valueOf(rs.getString(9)))
                .reporterAccount(rs.getObject(10) == null ? null : rs.getLong(10)).reporterName(rs.getString(11))
                .state(CaseState.valueOf(rs.getString(12))).pending(Pending.valueOf(rs.getString(13))).pendingDays(rs.getInt(14))
                .timeLimit(TimeLimit.valueOf(rs.getString(15))).leadDepartment(rs.getString(16)).deadline(instant(rs.getTimestamp(17)))
                .escalation(rs.getInt(18)).extensions(rs.getInt(19)).returns(rs.getInt(20)).reworks(rs.getInt(21)).reopens(rs.getInt(22))
                .parentId(rs.getObject(23) == null ? null : rs.getLong(23))
                .rating(rs.getString(24) == null ? null : Rating.valueOf(rs.getString(24)))
                .reportedAt(instant(rs.getTimestamp(25))).acceptedAt(instant(rs.getTimestamp(26))).dispatchedAt(instant(rs.getTimestamp(27)))
                .fedBackAt(instant(rs.getTimestamp(28))).closedAt(instant(rs.getTimestamp(29))).updatedAt(instant(rs.getTimestamp(30)))
                .version(rs.getInt(31)).build();
    }
}
