package io.gongzhi.audit.internal;

import io.gongzhi.audit.AuditRecord;
import io.gongzhi.audit.Outcome;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

    /**
     * PostgreSQL's fast path: lock the chain's head, hash, insert the row and move the head in
     * one statement (one round trip instead of three). The hash is computed by the server
     * from the head and the row's tail that {@link ChainHash} encodes, so it equals the one
     * {@code verify} recomputes in Java.
     */
    private static final String APPEND_ONE_STATEMENT = """
            with h as (select chain, seq + 1 as seq, hash as prev from audit_chain where chain = :chain for update),
                 n as (select chain, seq, prev, encode(sha256(convert_to('64:' || prev || length(chain::text) || ':' || chain::text
                              || length(seq::text) || ':' || seq::text, 'UTF8') || :tail), 'hex') as hash from h),
                 ins as (insert into audit_record (chain, seq, at, account, account_id, roles, jurisdiction, action, object,
                                                   outcome, client, detail, prev_hash, hash)
                         select chain, seq, cast(:at as timestamptz), cast(:account as varchar), cast(:accountId as bigint),
                                cast(:roles as varchar), cast(:jurisdiction as varchar), cast(:action as varchar),
                                cast(:object as varchar), cast(:outcome as varchar), cast(:client as varchar),
                                cast(:detail as varchar), prev, hash from n
                         returning chain, seq, prev_hash, hash)
            update audit_chain c set seq = ins.seq, hash = ins.hash from ins where c.chain = ins.chain
            returning ins.seq, ins.prev_hash, ins.hash""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final boolean postgres;

    AuditStore(JdbcClient jdbc, JdbcTemplate batches, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        this.batches = batches;
        try (var connection = dataSource.getConnection()) {
            this.postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
    }

    /** Appends a row to {@code chain} in the caller's transaction; answers it with its seq and hashes. */
    public AuditRecord append(int chain, Entry e) {
        if (postgres) {
            byte[] tail = ChainHash.tail(e.at(), e.account(), e.accountId(), e.roles(), e.jurisdiction(), e.action(), e.object(),
                    e.outcome().name(), e.client(), e.detail());
            return jdbc.sql(APPEND_ONE_STATEMENT)
                    .param("chain", chain).param("tail", tail).param("at", OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC))
                    .param("account", e.account()).param("accountId", e.accountId()).param("roles", e.roles())
                    .param("jurisdiction", e.jurisdiction()).param("action", e.action()).param("object", e.object())
                    .param("outcome", e.outcome().name()).param("client", e.client()).param("detail", e.detail())
                    .query((rs, n) -> new AuditRecord(0, chain, rs.getLong(1), e.at(), e.account(), e.accountId(), e.roles(), e.jurisdiction(),
                            e.action(), e.object(), e.outcome(), e.client(), e.detail(), rs.getString(2).trim(), rs.getString(3).trim()))
                    .single();
        }
        return appendAll(chain, List.of(e)).get(0);
    }

    private static final int[] ROW_TYPES = {Types.INTEGER, Types.BIGINT, Types.TIMESTAMP, Types.VARCHAR,
            Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.CHAR, Types.CHAR};

    /** A row to append, before its place in a chain is known. */
    public record Entry(Instant at, String account, Long accountId, String roles, String jurisdiction, String action, String object,
                        Outcome outcome, String client, String detail) {
    }

    /**
     * Appends rows to {@code chain} in the caller's transaction, in the order given, in three
     * round trips however many: the head locked and read, the rows hashed here and sent as one
     * batch, the head moved past the last.
     */
    public List<AuditRecord> appendAll(int chain, List<Entry> entries) {
        Head head = jdbc.sql("select seq, hash from audit_chain where chain = ? for update").param(chain)
                .query((rs, n) -> new Head(chain, rs.getLong("seq"), rs.getString("hash").trim())).single();
        var records = new ArrayList<AuditRecord>(entries.size());
        long seq = head.seq();
        String prev = head.hash();
        for (Entry e : entries) {
            seq++;
            String hash = ChainHash.of(prev, chain, seq, e.at(), e.account(), e.accountId(), e.roles(), e.jurisdiction(), e.action(),
                    e.object(), e.outcome().name(), e.client(), e.detail());
            records.add(new AuditRecord(0, chain, seq, e.at(), e.account(), e.accountId(), e.roles(), e.jurisdiction(), e.action(),
                    e.object(), e.outcome(), e.client(), e.detail(), prev, hash));
            prev = hash;
        }
        batches.batchUpdate("insert into audit_record (" + COLUMNS.substring("id, ".length()) + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                records.stream().map(r -> new Object[] {r.chain(), r.seq(), Timestamp.from(r.at()), r.account(), r.accountId(), r.roles(),
                        r.jurisdiction(), r.action(), r.object(), r.outcome().name(), r.client(), r.detail(), r.prevHash(), r.hash()}).toList(),
                ROW_TYPES);
        jdbc.sql("update audit_chain set seq = ?, hash = ? where chain = ?").params(seq, prev, chain).update();
        return records;
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
