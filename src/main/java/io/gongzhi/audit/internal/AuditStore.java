package io.gongzhi.audit.internal;

import io.gongzhi.audit.AuditRecord;
import io.gongzhi.audit.Outcome;
import io.gongzhi.platform.Sealing;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import javax.crypto.Mac;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The {@code audit_record} and {@code audit_chain} tables. */
@Repository
public class AuditStore {

    public static final int CHAINS = 32;
    /** The key's purpose (see {@link Sealing#mac}). */
    public static final String MAC_PURPOSE = "audit-chain";

    static final String COLUMNS = "id, chain, seq, at, account, account_id, roles, jurisdiction, action, object, outcome, client, detail, "
            + "prev_hash, hash, prev_id, keyed";

    public static final RowMapper<AuditRecord> ROW = (rs, n) -> new AuditRecord(rs.getLong("id"), rs.getInt("chain"),
            rs.getLong("seq"), rs.getTimestamp("at").toInstant(), rs.getString("account"),
            rs.getObject("account_id") == null ? null : rs.getLong("account_id"), rs.getString("roles"),
            rs.getString("jurisdiction"), rs.getString("action"), rs.getString("object"),
            Outcome.valueOf(rs.getString("outcome")), rs.getString("client"), rs.getString("detail"),
            rs.getString("prev_hash").trim(), rs.getString("hash").trim(),
            rs.getObject("prev_id") == null ? null : rs.getLong("prev_id"), rs.getBoolean("keyed"));

    private static final int[] ROW_TYPES = {Types.BIGINT, Types.INTEGER, Types.BIGINT, Types.TIMESTAMP, Types.VARCHAR,
            Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.CHAR, Types.CHAR, Types.BIGINT, Types.BOOLEAN};

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Sealing sealing;

    AuditStore(JdbcClient jdbc, JdbcTemplate batches, Sealing sealing) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.sealing = sealing;
    }

    /** A row to append, before its place in a chain is known. */
    public record Entry(Instant at, String account, Long accountId, String roles, String jurisdiction, String action, String object,
                        Outcome outcome, String client, String detail) {
    }

    /** Appends a row to {@code chain} in the caller's transaction; answers it with its id, seq and hashes. */
    public AuditRecord append(int chain, Entry e) {
        return appendAll(chain, List.of(e)).get(0);
    }

    /**
     * Appends rows to {@code chain} in the caller's transaction, in the order given, in four round
     * trips however many: the head locked and read, the rows' ids drawn, the rows hashed here
     * (the key never reaches the database) and sent as one batch, the head moved past the last.
     */
    public List<AuditRecord> appendAll(int chain, List<Entry> entries) {
        return appendAll(jdbc, batches, chain, entries);
    }

    /** The same through another connection's {@code jdbc} and {@code batches} (a bulk load's own). */
    public List<AuditRecord> appendAll(JdbcClient jdbc, JdbcTemplate batches, int chain, List<Entry> entries) {
        Head head = jdbc.sql("select seq, hash, last_id from audit_chain where chain = ? for update").param(chain)
                .query((rs, n) -> new Head(chain, rs.getLong("seq"), rs.getString("hash").trim(),
                        rs.getObject("last_id") == null ? null : rs.getLong("last_id"))).single();
        List<Long> ids = jdbc.sql("select nextval('audit_record_ids') from generate_series(1, ?)").param(entries.size()).query(Long.class).list();
        Mac mac = sealing.mac(MAC_PURPOSE);
        var records = new ArrayList<AuditRecord>(entries.size());
        long seq = head.seq();
        String prev = head.hash();
        Long prevId = head.lastId();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            seq++;
            String hash = ChainHash.keyed(mac, prev, chain, seq, prevId, e.at(), e.account(), e.accountId(), e.roles(), e.jurisdiction(),
                    e.action(), e.object(), e.outcome().name(), e.client(), e.detail());
            long id = ids.get(i);
            records.add(new AuditRecord(id, chain, seq, e.at(), e.account(), e.accountId(), e.roles(), e.jurisdiction(), e.action(),
                    e.object(), e.outcome(), e.client(), e.detail(), prev, hash, prevId, true));
            prev = hash;
            prevId = id;
        }
        batches.batchUpdate("insert into audit_record (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                records.stream().map(r -> new Object[] {r.id(), r.chain(), r.seq(), Timestamp.from(r.at()), r.account(), r.accountId(), r.roles(),
                        r.jurisdiction(), r.action(), r.object(), r.outcome().name(), r.client(), r.detail(), r.prevHash(), r.hash(),
                        r.prevId(), true}).toList(),
                ROW_TYPES);
        jdbc.sql("update audit_chain set seq = ?, hash = ?, last_id = ? where chain = ?").params(seq, prev, prevId, chain).update();
        return records;
    }

    /** A fresh keyed hash function for checking rows (see {@link ChainHash#keyed}). */
    public Mac mac() {
        return sealing.mac(MAC_PURPOSE);
    }

    public List<Head> heads() {
        return jdbc.sql("select chain, seq, hash, last_id from audit_chain order by chain")
                .query((rs, n) -> new Head(rs.getInt("chain"), rs.getLong("seq"), rs.getString("hash").trim(),
                        rs.getObject("last_id") == null ? null : rs.getLong("last_id"))).list();
    }

    /** Every row of one chain in order; the caller closes the stream. */
    public Stream<AuditRecord> chain(int chain) {
        return jdbc.sql("select " + COLUMNS + " from audit_record where chain = ? order by seq").param(chain).query(ROW).stream();
    }

    /** The row at {@code seq} of {@code chain}, if it is there. */
    public java.util.Optional<AuditRecord> at(int chain, long seq) {
        return jdbc.sql("select " + COLUMNS + " from audit_record where chain = ? and seq = ?").params(chain, seq).query(ROW).optional();
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

    /** A chain's head: its last sequence number, hash and row id. */
    public record Head(int chain, long seq, String hash, Long lastId) {
    }
}
