package io.gongzhi.audit;

import io.gongzhi.audit.internal.AuditStore;
import io.gongzhi.audit.internal.ChainCheck;
import io.gongzhi.audit.internal.Checkpoints;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
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
    private final ChainCheck check;
    private final Checkpoints checkpoints;

    AuditLog(AuditStore store, Audit audit, ChainCheck check, Checkpoints checkpoints) {
        this.store = store;
        this.audit = audit;
        this.check = check;
        this.checkpoints = checkpoints;
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
        out.write("id,chain,seq,time_utc,time_shanghai,account,account_id,roles,jurisdiction,action,object,outcome,client,detail,prev_hash,hash,prev_id,keyed\n");
        try (var rows = store.stream(where.sql, where.params)) {
            for (var it = rows.iterator(); it.hasNext(); ) {
                AuditRecord r = it.next();
                out.write(String.join(",", String.valueOf(r.id()), String.valueOf(r.chain()), String.valueOf(r.seq()),
                        r.at().toString(), LOCAL.format(r.at()), csv(r.account()), r.accountId() == null ? "" : r.accountId().toString(),
                        csv(r.roles()), csv(r.jurisdiction()), csv(r.action()), csv(r.object()), r.outcome().name(),
                        csv(r.client()), csv(r.detail()), r.prevHash(), r.hash(), r.prevId() == null ? "" : r.prevId().toString(),
                        String.valueOf(r.keyed())));
                out.write('\n');
                n++;
            }
        }
        audit.record("audit.export", "audit", Outcome.SUCCESS, n + " rows; " + describe(query));
        return n;
    }

    /**
     * Recomputes every chain from its start and compares with the stored hashes and heads, and
     * checks that the rows named by every checkpoint of this log (in the data directory's file
     * and in {@code moreCheckpoints}, e.g. an export's) are still there as they were.
     */
    @Transactional
    public ChainReport verify(Path... moreCheckpoints) {
        ChainReport chains = check.run();
        var files = new ArrayList<Path>();
        files.add(checkpoints.file());
        files.addAll(List.of(moreCheckpoints));
        var taken = checkpoints.read(files);
        var problems = new ArrayList<>(chains.problems());
        problems.addAll(checkpoints.check(taken));
        var report = new ChainReport(chains.rows(), List.copyOf(problems), taken.size());
        audit.record("audit.verify", "audit", report.intact() ? Outcome.SUCCESS : Outcome.FAILURE,
                report.rows() + " rows, " + taken.size() + " checkpoints, " + problems.size() + " problems");
        return report;
    }

    /** Writes a checkpoint of the log's heads now (to the application log and the data directory), answering its line. */
    public String checkpoint() {
        return checkpoints.write().line();
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
