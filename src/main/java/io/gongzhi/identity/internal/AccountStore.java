package io.gongzhi.identity.internal;

import io.gongzhi.identity.Account;
import io.gongzhi.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code identity_account} tables, through plain SQL that runs on H2 and PostgreSQL alike. */
@Repository
public class AccountStore {

    private static final String SELECT = """
            select a.id, a.username, a.display_name, a.enabled, a.created_at, r.role
              from identity_account a left join identity_account_role r on r.account_id = a.id
            """;

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String username, String displayName, String passwordHash, Set<Role> roles, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into identity_account (username, display_name, password_hash, enabled, created_at, password_changed_at)
                        values (:username, :displayName, :hash, true, :now, :now)""")
                .param("username", username)
                .param("displayName", displayName)
                .param("hash", passwordHash)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (Role role : roles) {
            jdbc.sql("insert into identity_account_role (account_id, role) values (?, ?)")
                    .params(id, role.name()).update();
        }
        return id;
    }

    public Optional<Account> findById(long id) {
        return load(SELECT + " where a.id = ?", id).stream().findFirst();
    }

    public Optional<Account> findByUsername(String username) {
        return load(SELECT + " where a.username = ?", username).stream().findFirst();
    }

    public List<Account> findAll() {
        return load(SELECT + " order by a.username");
    }

    public long count() {
        return jdbc.sql("select count(*) from identity_account").query(Long.class).single();
    }

    /** The stored hash for sign-in, and nothing else reads it. */
    Optional<String> passwordHash(String username) {
        return jdbc.sql("select password_hash from identity_account where username = ?")
                .param(username).query(String.class).optional();
    }

    public void updatePassword(long id, String passwordHash, Instant now) {
        jdbc.sql("update identity_account set password_hash = ?, password_changed_at = ? where id = ?")
                .params(passwordHash, Timestamp.from(now), id).update();
    }

    private List<Account> load(String sql, Object... params) {
        Map<Long, Row> rows = new LinkedHashMap<>();
        jdbc.sql(sql).params(params).query((rs, n) -> {
            Row row = rows.computeIfAbsent(rs.getLong("id"), id -> {
                try {
                    return new Row(id, rs.getString("username"), rs.getString("display_name"),
                            rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(), EnumSet.noneOf(Role.class));
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            String role = rs.getString("role");
            if (role != null) {
                Role.parse(role).ifPresent(row.roles()::add);
            }
            return row;
        }).list();
        return rows.values().stream()
                .map(r -> new Account(r.id(), r.username(), r.displayName(), r.roles(), r.enabled(), r.createdAt()))
                .toList();
    }

    private record Row(long id, String username, String displayName, boolean enabled, Instant createdAt, Set<Role> roles) {
    }
}
