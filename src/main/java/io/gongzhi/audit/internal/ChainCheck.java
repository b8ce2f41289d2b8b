package io.gongzhi.audit.internal;

import io.gongzhi.audit.AuditRecord;
import io.gongzhi.audit.ChainReport;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Recomputes every chain from its start and compares with the stored hashes, links and heads.
 * A gap names the deleted row's id where the row after it says which row it followed.
 */
@Component
public class ChainCheck {

    /** More problems than this in one chain are summed up by the first of them. */
    private static final int MAX_MISSING_LISTED = 1_000;

    private final AuditStore store;

    ChainCheck(AuditStore store) {
        this.store = store;
    }

    /** The rows checked and what is wrong with them. */
    public ChainReport run() {
        long rows = 0;
        var problems = new ArrayList<ChainReport.Problem>();
        Mac mac = store.mac();
        for (AuditStore.Head head : store.heads()) {
            String prev = ChainHash.GENESIS;
            long expected = 1;
            Long prevId = null;
            try (var chain = store.chain(head.chain())) {
                for (var it = chain.iterator(); it.hasNext(); ) {
                    AuditRecord r = it.next();
                    rows++;
                    if (r.seq() != expected) {
                        missing(problems, r.chain(), expected, r.seq() - 1, r.prevId());
                    } else if (!r.prevHash().equals(prev) || r.keyed() && prevId != null && !Objects.equals(r.prevId(), prevId)) {
                        problems.add(new ChainReport.Problem(r.chain(), r.seq(), r.id(), "relinked"));
                    }
                    if (!hash(mac, r).equals(r.hash())) {
                        problems.add(new ChainReport.Problem(r.chain(), r.seq(), r.id(), "edited"));
                    }
                    prev = r.hash();
                    prevId = r.id();
                    expected = r.seq() + 1;
                }
            }
            if (head.seq() != expected - 1 || !head.hash().equals(prev)) {
                problems.add(new ChainReport.Problem(head.chain(), expected, head.seq() >= expected ? head.lastId() : null, "truncated"));
            }
        }
        return new ChainReport(rows, List.copyOf(problems));
    }

    /** What the row's hash should be: keyed, or plain SHA-256 for rows from before the key. */
    static String hash(Mac mac, AuditRecord r) {
        if (r.keyed()) {
            return ChainHash.keyed(mac, r.prevHash(), r.chain(), r.seq(), r.prevId(), r.at(), r.account(), r.accountId(), r.roles(),
                    r.jurisdiction(), r.action(), r.object(), r.outcome().name(), r.client(), r.detail());
        }
        return ChainHash.of(r.prevHash(), r.chain(), r.seq(), r.at(), r.account(), r.accountId(), r.roles(), r.jurisdiction(), r.action(),
                r.object(), r.outcome().name(), r.client(), r.detail());
    }

    /** Sequence numbers {@code from}…{@code to} are gone; the row after them names the last one's id. */
    private static void missing(List<ChainReport.Problem> problems, int chain, long from, long to, Long lastId) {
        long listed = Math.max(from, to - MAX_MISSING_LISTED + 1);
        if (listed > from) {
            problems.add(new ChainReport.Problem(chain, from, null, "missing"));
        }
        for (long seq = listed; seq <= to; seq++) {
            problems.add(new ChainReport.Problem(chain, seq, seq == to ? lastId : null, "missing"));
        }
    }
}
