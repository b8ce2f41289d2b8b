package io.gongzhi.casework.internal;

import io.gongzhi.casework.Case;

import io.gongzhi.shared.BeforeCommit;
import io.gongzhi.shared.Conflict;
import io.gongzhi.shared.RegionPath;
import io.gongzhi.shared.TransactionScope;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every write to the case's row and its departments goes through here: a case reported, a step's
 * change to its row, guarded by the version the step read, the departments it puts on the case or
 * takes off, an escalation, a reporter's contact and link. A step's row and departments are
 * written at once, or, for a step in a batch ({@link GroupCommit}), together
 * with the batch's others in one round trip each just before the commit, the case rows in the
 * order of the cases' numbers (so two batches never wait for each other's rows in opposite
 * orders). A later read of the case in the same batch gets the case as the batch has left it
 * ({@link #written}). When a row's version no longer matches, its step is refused as "changed
 * meanwhile", at once or through a {@link LateRefusal}.
 */
@Component
public class CaseWrites {

    /** Every column a step may change, set from the case after the step; the version read is the guard. */
    private static final String UPDATE = "update casework_case set state = ?, pending = ?, pending_days = ?, lead_department = ?, "
            + "deadline = ?, escalation = ?, extensions = ?, returns = ?, reworks = ?, reopens = ?, parent_id = ?, rating = ?, "
            + "accepted_at = ?, dispatched_at = ?, fed_back_at = ?, closed_at = ?, version = ?, updated_at = ? where id = ? and version = ?";

    private static final String WAITING = "casework.case-writes";
    private static final String DEPARTMENTS_WAITING = "casework.case-department-writes";
    private static final String INSERT_DEPARTMENT = "insert into casework_case_department (case_id, department, role, answer_due) values (?, ?, ?, ?)";

    /** A case after a step, and the step (in a batch) to refuse if the row changed meanwhile. */
    private record Write(Case after, Object step) {
    }

    /** A new case, with the paths of the areas it lies in ({@link Visibility#AREA_COLUMNS}, as {@code :area2} and so on). */
    private static final String INSERT = "insert into casework_case (category, category_revision, description, path, lon, lat, address, "
            + "channel, reporter_account, reporter_name, media_url, state, time_limit, reported_at, updated_at, "
            + String.join(", ", Visibility.AREA_COLUMNS.values().stream().map(column -> column.substring("c.".length())).toList())
            + ") values (:c, :rev, :d, :p, :lon, :lat, :a, :ch, :acc, :name, :media, 'REPORTED', :t, :now, :now, "
            + String.join(", ", Visibility.AREA_COLUMNS.keySet().stream().map(depth -> ":area" + depth).toList()) + ")";

    private final JdbcTemplate jdbc;
    private final JdbcClient named;

    CaseWrites(JdbcTemplate jdbc, JdbcClient named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** Writes a case just reported ({@code reported} without its number yet, {@code mediaUrl} a link it came with); answers its number. */
    public long insert(Case reported, String mediaUrl) {
        var keys = new GeneratedKeyHolder();
        RegionPath place = RegionPath.of(reported.path());
        var insert = named.sql(INSERT)
                .param("c", reported.category()).param("rev", reported.categoryRevision()).param("d", reported.description())
                .param("p", reported.path()).param("lon", reported.lon()).param("lat", reported.lat()).param("a", reported.address())
                .param("ch", reported.channel().name()).param("acc", reported.reporterAccount()).param("name", reported.reporterName())
                .param("media", mediaUrl).param("t", reported.timeLimit().name()).param("now", Timestamp.from(reported.reportedAt()));
        for (int depth : Visibility.AREA_COLUMNS.keySet()) {
            insert = insert.param("area" + depth, place.ancestor(depth));
        }
        insert.update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Raises an overdue case to escalation {@code level}, if nobody changed it since {@code version}; answers whether it did. */
    public boolean escalate(long caseId, int version, int level, Instant now) {
        return jdbc.update("update casework_case set escalation = ?, version = version + 1, updated_at = ? where id = ? and version = ?",
                level, Timestamp.from(now), caseId, version) == 1;
    }

    /** Keeps the sealed mobile number of a reporter without an account, for the link sent when the case is closed. */
    public void keepContact(long caseId, String sealedPhone) {
        jdbc.update("update casework_case set contact_phone = ? where id = ?", sealedPhone, caseId);
    }

    /** Keeps the hash of the reporter's link to the case and until when it may be used. */
    public void keepReporterLink(long caseId, String hash, Instant until) {
        jdbc.update("update casework_case set reporter_link = ?, reporter_link_until = ? where id = ?", hash, Timestamp.from(until), caseId);
    }

    /** Writes the case as a step leaves it ({@code after}, one version past the one the step read). */
    public void update(Case after) {
        if (GroupCommit.inBatch()) {
            BeforeCommit.add(WAITING, new Write(after, GroupCommit.currentStep()), this::send);
        } else if (jdbc.update(UPDATE, ps -> bind(ps, after)) == 0) {
            throw new Conflict("casework.changed-meanwhile");
        }
    }

    /** The case as a step earlier in the running transaction left it, while its row waits for the commit; null when none did. */
    public static Case written(long id) {
        List<Write> waiting = TransactionScope.kept(WAITING);
        if (waiting != null) {
            for (int i = waiting.size() - 1; i >= 0; i--) {
                if (waiting.get(i).after().id() == id) {
                    return waiting.get(i).after();
                }
            }
        }
        return null;
    }

    private void send(List<Write> waiting) {
        // a stable sort: two steps on one case keep their order
        var rows = new ArrayList<>(waiting);
        rows.sort(Comparator.comparingLong(w -> w.after().id()));
        int[] counts = jdbc.batchUpdate(UPDATE, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                bind(ps, rows.get(i).after());
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                var refusal = new Conflict("casework.changed-meanwhile");
                throw rows.get(i).step() == null ? refusal : new LateRefusal(rows.get(i).step(), refusal);
            }
        }
    }

    /** Puts a department on a case in a role ({@code answerDue} for one called in): at once, or with the batch's commit. */
    void addDepartment(long caseId, String department, String role, Instant answerDue) {
        var row = new DepartmentRow(caseId, department, role, answerDue);
        if (GroupCommit.inBatch()) {
            BeforeCommit.add(DEPARTMENTS_WAITING, row, this::sendDepartments);
        } else {
            sendDepartments(List.of(row));
        }
    }

    /** Takes the lead department and the co-handlers off a case (a new dispatch, an approved return). */
    void removeLeadAndCoHandlers(long caseId) {
        departmentsNow();
        jdbc.update("delete from casework_case_department where case_id = ? and role in ('LEAD', 'CO')", caseId);
    }

    /** Takes one department off a case (one called in earlier, now made lead or co-handler, gets a new row). */
    void removeDepartment(long caseId, String department) {
        departmentsNow();
        jdbc.update("delete from casework_case_department where case_id = ? and department = ?", caseId, department);
    }

    /** Calls in again a department that has not answered yet: a new time to answer by. */
    void callAgain(long caseId, String department, Instant answerDue) {
        departmentsNow();
        jdbc.update("update casework_case_department set answer_due = ? where case_id = ? and department = ?", timestamp(answerDue), caseId,
                department);
    }

    /** A department called in has answered. */
    void answered(long caseId, String department, Instant at, String by) {
        departmentsNow();
        jdbc.update("update casework_case_department set answered_at = ?, answered_by = ? where case_id = ? and department = ?", timestamp(at),
                by, caseId, department);
    }

    /** Sends the departments waiting for the commit now: before a statement that changes or removes department rows. */
    private void departmentsNow() {
        BeforeCommit.<DepartmentRow>sendNow(DEPARTMENTS_WAITING, this::sendDepartments);
    }

    private record DepartmentRow(long caseId, String department, String role, Instant answerDue) {
    }

    private void sendDepartments(List<DepartmentRow> rows) {
        jdbc.batchUpdate(INSERT_DEPARTMENT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                var row = rows.get(i);
                ps.setLong(1, row.caseId());
                ps.setString(2, row.department());
                ps.setString(3, row.role());
                ps.setTimestamp(4, timestamp(row.answerDue()));
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    private static void bind(PreparedStatement ps, Case c) throws SQLException {
        ps.setString(1, c.state().name());
        ps.setString(2, c.pending().name());
        ps.setInt(3, c.pendingDays());
        ps.setString(4, c.leadDepartment());
        ps.setTimestamp(5, timestamp(c.deadline()));
        ps.setInt(6, c.escalation());
        ps.setInt(7, c.extensions());
        ps.setInt(8, c.returns());
        ps.setInt(9, c.reworks());
        ps.setInt(10, c.reopens());
        ps.setObject(11, c.parentId(), Types.BIGINT);
        ps.setString(12, c.rating() == null ? null : c.rating().name());
        ps.setTimestamp(13, timestamp(c.acceptedAt()));
        ps.setTimestamp(14, timestamp(c.dispatchedAt()));
        ps.setTimestamp(15, timestamp(c.fedBackAt()));
        ps.setTimestamp(16, timestamp(c.closedAt()));
        ps.setInt(17, c.version());
        ps.setTimestamp(18, timestamp(c.updatedAt()));
        ps.setLong(19, c.id());
        ps.setInt(20, c.version() - 1);
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
