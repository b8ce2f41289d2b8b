package io.gongzhi.audit;

import java.util.List;

/**
 * The outcome of checking every chain of the log.
 *
 * @param rows     rows checked
 * @param problems what is wrong, in chain order; empty when the log is intact
 */
public record ChainReport(long rows, List<Problem> problems) {

    public boolean intact() {
        return problems.isEmpty();
    }

    /**
     * @param kind {@code edited} (a row's content no longer matches its hash), {@code missing}
     *             (a gap in the sequence: rows deleted), {@code relinked} (a row's link does not
     *             match the row before it) or {@code truncated} (rows deleted at the end)
     */
    public record Problem(int chain, long seq, Long id, String kind) {
    }
}
