package io.gongzhi.audit.internal;

import io.gongzhi.audit.AuditRecord;
import io.gongzhi.audit.Outcome;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The {@code audit_record} and {@code audit_chain} tables. */
@Repository
public class AuditStore {

    public static final int CHAINS = 32;

    static final String COLUMNS = "id, chain, seq, at, account, account_id, roles, jurisdiction, action, object, outcome, client, detail, prev_hash, hash";

    public static final RowMapper<AuditRecord> ROW = (rs, n) -> new AuditRecord(rs.getLong("id"), rs.getInt("chain"),
            rs.getLong("seq"), rs.getTimestamp("at").toInstant(), rs.getString("account"),
            rs.getObject("account_id") == null ? null : rs.getLong("account_id"), rs.getString("roles"),
            rs.getString("jurisdiction"), rs.getString("action"), rs.getString("object"),
            Outcome.valueOf(rs.getString("outcome")), rs.getString("client"), rs.getString("detail"),
            rs.getString("prev_hash").trim(), rs.getString("hash").trim());

    private final JdbcClient jdbc;

    AuditStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks a chain's head until the transaction ends and answers its last seq and hash. */
    public Head lockHead(int chain) {
        return jdbc.sql("select seq, hash from audit_chain where chain = ? for update").param(chain)
                .query((rs, n) -> new Head(chain, rs.getLong("seq"), rs.getString("hash").trim())).single();
    }

    public void append(AuditRecord r) {
        jdbc.sql("insert into audit_record (" + COLUMNS.substring("id, ".length()) + ") values "
                        + "(:chain, :seq, :at, :account, :accountId, :roles, :jurisdiction, :action, :object, :outcome, :client, :detail, :prev, :hash)")
                .param("chain", r.chain()).param("seq", r.seq()).param("at", Timestamp.from(r.at()))
                .param("account", r.account()).param("accountId", r.accountId()).param("roles", r.roles())
                .param("jurisdiction", r.jurisdiction()).param("action", r.action()).param("object", r.object())
                .param("outcome", r.outcome().name()).param("client", r.client()).param("detail", r.detail())
                .param("prev", r.prevHash()).param("hash", r.hash())
                .update();
        jdbc.sql("update audit_chain set seq = ?, hash = ? where chain = ?").params(r.seq(), r.hash(), r.chain()).update();
    }

    public List<Head> heads() {
        return jdbc.sql("select chain, seq, hash from audit_chain order by chain")
                .query((rs, n) -> new Head(rs.getInt("chain"), rs.getLong("seq"), rs.getString("hash").trim())).list();
    }

    /** Every row of one chain in order; the caller closes the stream. */
    public Stream<AuditRecord> chain(int chain) {
        return jdbc.sql("select " + COLUMNS + " from audit_record where chain = ? order by seq").param(chain).query(ROW).stream();
    }

    public List<AuditRecord> search(String where, Map<String, Object> params, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from audit_record where " + where + " order by at desc, id desc offset "
                        + offset + " rows fetch first " + limit + " rows only")
                .params(params).query(ROW).list();
    }

    public Stream<AuditRecord> stream(String where, Map<String, Object> params) {
        return jdbc.sql("select " + COLUMNS + " from audit_record where " + where + " order by at, id").params(params).query(ROW).stream();
    }

    public long count(String where, Map<String, Object> params) {
        return jdbc.sql("select count(*) from audit_record where " + where).params(params).query(Long.class).single();
    }

    public Instant oldest() {
        return jdbc.sql("select min(at) from audit_record").query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
    }

    public record Head(int chain, long seq, String hash) {
    }
}
