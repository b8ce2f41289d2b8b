package io.gongzhi.audit;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of checking every chain of the log.
 *
 * @param rows        rows checked
 * @param problems    what is wrong, in chain order; empty when the log is intact
 * @param checkpoints checkpoints of this log checked against it (see {@code AuditLog#checkpoint})
 */
public record ChainReport(long rows, List<Problem> problems, int checkpoints) {

    public ChainReport(long rows, List<Problem> problems) {
        this(rows, problems, 0);
    }

    public boolean intact() {
        return problems.isEmpty();
    }

    /**
     * @param id   the row's id; for a deleted row the id the row after it names (rows of a keyed
     *             chain name the row before them), else null
     * @param kind {@code edited} (a row's content no longer matches its hash), {@code missing}
     *             (a gap in the sequence: rows deleted), {@code relinked} (a row's link does not
     *             match the row before it), {@code truncated} (rows deleted at the end),
     *             {@code behind-checkpoint} (a row an earlier checkpoint saw is gone: rows deleted
     *             at the end and the head moved back) or {@code checkpoint-mismatch} (chain -1)
     * @param checkpoint the checkpoint a {@code behind-checkpoint} or {@code checkpoint-mismatch} problem is against
     */
    public record Problem(int chain, long seq, Long id, String kind, Instant checkpoint) {

        public Problem(int chain, long seq, Long id, String kind) {
            this(chain, seq, id, kind, null);
        }
    }
}
