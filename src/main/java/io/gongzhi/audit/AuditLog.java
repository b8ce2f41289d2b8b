package io.gongzhi.audit;

import io.gongzhi.audit.internal.AuditStore;
import io.gongzhi.audit.internal.ChainHash;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.Writer;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading the log: search, export and the chain check. Each export and check is itself logged. */
@Service
public class AuditLog {

    public static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private final AuditStore store;
    private final Audit audit;

    AuditLog(AuditStore store, Audit audit) {
        this.store = store;
        this.audit = audit;
    }

    public record Page(List<AuditRecord> records, long total, int page, int pageSize) {
        public int pages() {
            return (int) Math.max(1, (total + pageSize - 1) / pageSize);
        }
    }

    @Transactional(readOnly = true)
    public Page search(AuditQuery query, int page) {
        var where = where(query);
        int p = Math.max(0, page);
        return new Page(store.search(where.sql, where.params, p * PAGE_SIZE, PAGE_SIZE), store.count(where.sql, where.params), p, PAGE_SIZE);
    }

    /**
     * Writes the matching rows as CSV (UTF-8 with a byte-order mark so spreadsheet programs
     * read the Chinese right), hashes included so that an archive can be checked later.
     */
    @Transactional
    public long exportCsv(AuditQuery query, Writer out) throws IOException {
        var where = where(query);
        long n = 0;
        out.write('\uFEFF');
        out.write("id,chain,seq,time_utc,time_shanghai,account,account_id,roles,jurisdiction,action,object,outcome,client,detail,prev_hash,hash\n");
        try (var rows = store.stream(where.sql, where.params)) {
            for (var it = rows.iterator(); it.hasNext(); ) {
                AuditRecord r = it.next();
                out.write(String.join(",", String.valueOf(r.id()), String.valueOf(r.chain()), String.valueOf(r.seq()),
                        r.at().toString(), LOCAL.format(r.at()), csv(r.account()), r.accountId() == null ? "" : r.accountId().toString(),
                        csv(r.roles()), csv(r.jurisdiction()), csv(r.action()), csv(r.object()), r.outcome().name(),
                        csv(r.client()), csv(r.detail()), r.prevHash(), r.hash()));
                out.write('\n');
                n++;
            }
        }
        audit.record("audit.export", "audit", Outcome.SUCCESS, n + " rows; " + describe(query));
        return n;
    }

    /** Recomputes every chain from its start and compares with the stored hashes and heads. */
    @Transactional
    public ChainReport verify() {
        long rows = 0;
        var problems = new ArrayList<ChainReport.Problem>();
        for (AuditStore.Head head : store.heads()) {
            String prev = ChainHash.GENESIS;
            long expected = 1;
            try (var chain = store.chain(head.chain())) {
                for (var it = chain.iterator(); it.hasNext(); ) {
                    AuditRecord r = it.next();
                    rows++;
                    if (r.seq() != expected) {
                        problems.add(new ChainReport.Problem(r.chain(), expected, null, "missing"));
                    } else if (!r.prevHash().equals(prev)) {
                        problems.add(new ChainReport.Problem(r.chain(), r.seq(), r.id(), "relinked"));
                    }
                    String recomputed = ChainHash.of(r.prevHash(), r.chain(), r.seq(), r.at(), r.account(), r.accountId(),
                            r.roles(), r.jurisdiction(), r.action(), r.object(), r.outcome().name(), r.client(), r.detail());
                    if (!recomputed.equals(r.hash())) {
                        problems.add(new ChainReport.Problem(r.chain(), r.seq(), r.id(), "edited"));
                    }
                    prev = r.hash();
                    expected = r.seq() + 1;
                }
            }
            if (head.seq() != expected - 1 || !head.hash().equals(prev)) {
                problems.add(new ChainReport.Problem(head.chain(), expected, null, "truncated"));
            }
        }
        var report = new ChainReport(rows, List.copyOf(problems));
        audit.record("audit.verify", "audit", report.intact() ? Outcome.SUCCESS : Outcome.FAILURE,
                rows + " rows, " + problems.size() + " problems");
        return report;
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(AuditQuery q) {
        var terms = new ArrayList<String>();
        var params = new LinkedHashMap<String, Object>();
        terms.add("1 = 1");
        if (!AuditQuery.blank(q.account())) {
            terms.add("account = :account");
            params.put("account", q.account().strip());
        }
        if (!AuditQuery.blank(q.action())) {
            String action = q.action().strip();
            if (action.endsWith(".")) {
                terms.add("action like :action");
                params.put("action", escape(action) + "%");
            } else {
                terms.add("action = :action");
                params.put("action", action);
            }
        }
        if (!AuditQuery.blank(q.object())) {
            terms.add("object like :object");
            params.put("object", escape(q.object().strip()) + "%");
        }
        if (q.from() != null) {
            terms.add("at >= :from");
            params.put("from", Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            terms.add("at < :to");
            params.put("to", Timestamp.from(q.to()));
        }
        return new Where(String.join(" and ", terms), params);
    }

    private static String escape(String like) {
        return like.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String describe(AuditQuery q) {
        return "account=" + nz(q.account()) + " action=" + nz(q.action()) + " object=" + nz(q.object())
                + " from=" + (q.from() == null ? "" : q.from()) + " to=" + (q.to() == null ? "" : q.to());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String csv(String s) {
        if (s == null) {
            return "";
        }
        // a leading = + - @ would be run as a formula by spreadsheet programs
        String safe = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
