package io.gongzhi.casework;

import io.gongzhi.casework.internal.GroupCommit;
import io.gongzhi.shared.BeforeCommit;
import io.gongzhi.shared.Conflict;
import io.gongzhi.shared.TransactionScope;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
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
 * A step's change to its case row, guarded by the version the step read, and the departments it
 * puts on the case: written at once, or, for a step in a batch ({@link GroupCommit}), together
 * with the batch's others in one round trip each just before the commit, the case rows in the
 * order of the cases' numbers (so two batches never wait for each other's rows in opposite
 * orders). A later read of the case in the same batch gets the case as the batch has left it
 * ({@link #written}). When a row's version no longer matches, its step is refused as "changed
 * meanwhile", at once or through a {@link GroupCommit.LateRefusal}.
 */
@Component
class CaseWrites {

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

    private final JdbcTemplate jdbc;

    CaseWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the case as a step leaves it ({@code after}, one version past the one the step read). */
    void update(Case after) {
        if (GroupCommit.inBatch()) {
            BeforeCommit.add(WAITING, new Write(after, GroupCommit.currentStep()), this::send);
        } else if (jdbc.update(UPDATE, ps -> bind(ps, after)) == 0) {
            throw new Conflict("casework.changed-meanwhile");
        }
    }

    /** The case as a step earlier in the running transaction left it, while its row waits for the commit; null when none did. */
    static Case written(long id) {
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
                throw rows.get(i).step() == null ? refusal : new GroupCommit.LateRefusal(rows.get(i).step(), refusal);
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

    /** Sends the departments waiting for the commit now: called before a statement that changes or removes department rows. */
    void departmentsNow() {
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
