package io.gongzhi.identity.internal;

import io.gongzhi.identity.Account;
import io.gongzhi.identity.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code identity_account} tables, through plain SQL that runs on H2 and PostgreSQL alike. */
@Repository
public class AccountStore {

    private static final String SELECT = """
            select id, username, display_name, enabled, created_at, locked_until, totp_secret is not null as totp,
                   second_factor_required, last_sign_in_at, password_changed_at, password_change_required from identity_account""";

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(AccountForm form, Map<String, String> paths, String passwordHash, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into identity_account (username, display_name, password_hash, enabled, created_at, password_changed_at)
                        values (:username, :displayName, :hash, true, :now, :now)""")
                .param("username", form.username())
                .param("displayName", form.displayName().strip())
                .param("hash", passwordHash)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        writeGrants(id, form, paths);
        return id;
    }

    public void update(long id, AccountForm form, Map<String, String> paths) {
        jdbc.sql("update identity_account set display_name = ? where id = ?").params(form.displayName().strip(), id).update();
        jdbc.sql("delete from identity_account_role where account_id = ?").param(id).update();
        jdbc.sql("delete from identity_account_unit where account_id = ?").param(id).update();
        jdbc.sql("delete from identity_account_department where account_id = ?").param(id).update();
        writeGrants(id, form, paths);
    }

    /** Keeps the stored path of a unit in step with the hierarchy. */
    public void updateUnitPath(long id, String unit, String path) {
        jdbc.sql("update identity_account_unit set path = ? where account_id = ? and unit_code = ? and path <> ?")
                .params(path, id, unit, path).update();
    }

    /** Ids of accounts bound to a place inside the jurisdiction. */
    public List<Long> idsWithin(io.gongzhi.shared.Jurisdiction jurisdiction, int limit) {
        return io.gongzhi.shared.Scoped.query(jdbc, jurisdiction, "u.path",
                        "select distinct u.account_id from identity_account_unit u where {scope} order by u.account_id fetch first " + limit + " rows only")
                .query(Long.class).list();
    }

    public List<Account> findByIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var found = new java.util.ArrayList<Account>();
        for (List<Long> chunk : chunks(ids)) {
            found.addAll(load(SELECT + " where id in (" + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ") order by username",
                    chunk.toArray()));
        }
        return found;
    }

    private void writeGrants(long id, AccountForm form, Map<String, String> paths) {
        for (Role role : form.roles()) {
            jdbc.sql("insert into identity_account_role (account_id, role) values (?, ?)").params(id, role.name()).update();
        }
        for (String unit : form.units()) {
            jdbc.sql("insert into identity_account_unit (account_id, unit_code, path) values (?, ?, ?)")
                    .params(id, unit, paths.get(unit)).update();
        }
        for (String department : form.departments()) {
            jdbc.sql("insert into identity_account_department (account_id, department) values (?, ?)").params(id, department).update();
        }
    }

    public Optional<Account> findById(long id) {
        return load(SELECT + " where id = ?", id).stream().findFirst();
    }

    public Optional<Account> findByUsername(String username) {
        return load(SELECT + " where username = ?", username).stream().findFirst();
    }

    public List<Account> findAll() {
        return load(SELECT + " order by username");
    }

    /** Accounts whose name or display name contains the text, at most {@code limit}. */
    public List<Account> search(String text, int limit) {
        String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return load(SELECT + " where username like ? or display_name like ? order by username fetch first " + limit + " rows only", like, like);
    }

    public long count() {
        return jdbc.sql("select count(*) from identity_account").query(Long.class).single();
    }

    /** The stored hash for sign-in, and nothing else reads it. */
    Optional<String> passwordHash(String username) {
        return jdbc.sql("select password_hash from identity_account where username = ?")
                .param(username).query(String.class).optional();
    }

    public String passwordHashOf(long id) {
        return jdbc.sql("select password_hash from identity_account where id = ?").param(id).query(String.class).single();
    }

    /** A new password; {@code chosenByAdministrator} makes its owner replace it at the next sign-in. */
    public void updatePassword(long id, String passwordHash, Instant now, boolean chosenByAdministrator) {
        jdbc.sql("update identity_account set password_hash = ?, password_changed_at = ?, password_change_required = ? where id = ?")
                .params(passwordHash, Timestamp.from(now), chosenByAdministrator, id).update();
    }

    public void setPasswordChangeRequired(long id, boolean required) {
        jdbc.sql("update identity_account set password_change_required = ? where id = ?").params(required, id).update();
    }

    public void setEnabled(long id, boolean enabled) {
        jdbc.sql("update identity_account set enabled = ? where id = ?").params(enabled, id).update();
    }

    public void setSecondFactorRequired(long id, boolean required) {
        jdbc.sql("update identity_account set second_factor_required = ? where id = ?").params(required, id).update();
    }

    /** Counts a failure; locks until {@code lockUntil} when it reaches {@code max}. Answers the new count. */
    public int recordFailure(long id, int max, Instant lockUntil) {
        jdbc.sql("update identity_account set failed_attempts = failed_attempts + 1 where id = ?").param(id).update();
        int failures = jdbc.sql("select failed_attempts from identity_account where id = ?").param(id).query(Integer.class).single();
        if (failures >= max) {
            jdbc.sql("update identity_account set locked_until = ?, failed_attempts = 0 where id = ?")
                    .params(Timestamp.from(lockUntil), id).update();
        }
        return failures;
    }

    public void recordSignIn(long id, Instant now) {
        jdbc.sql("update identity_account set failed_attempts = 0, locked_until = null, last_sign_in_at = ? where id = ?")
                .params(Timestamp.from(now), id).update();
    }

    public void unlock(long id) {
        jdbc.sql("update identity_account set failed_attempts = 0, locked_until = null where id = ?").param(id).update();
    }

    Optional<String> totpSecret(long id) {
        return jdbc.sql("select totp_secret from identity_account where id = ?").param(id).query(String.class).optional();
    }

    long totpLastStep(long id) {
        return jdbc.sql("select totp_last_step from identity_account where id = ?").param(id).query(Long.class).single();
    }

    /** Marks a step used; false when another request used it (or a later one) first. */
    boolean useTotpStep(long id, long step) {
        return jdbc.sql("update identity_account set totp_last_step = ? where id = ? and totp_last_step < ?")
                .params(step, id, step).update() == 1;
    }

    void setTotpSecret(long id, String secret) {
        jdbc.sql("update identity_account set totp_secret = ?, totp_last_step = 0 where id = ?")
                .params(secret, id).update();
    }

    private List<Account> load(String sql, Object... params) {
        Map<Long, Row> rows = new LinkedHashMap<>();
        jdbc.sql(sql).params(params).query((ResultSet rs) -> {
            long id = rs.getLong("id");
            rows.put(id, new Row(id, rs.getString("username"), rs.getString("display_name"), rs.getBoolean("enabled"),
                    instant(rs, "created_at"), instant(rs, "locked_until"), rs.getBoolean("totp"),
                    rs.getBoolean("second_factor_required"), instant(rs, "last_sign_in_at"), instant(rs, "password_changed_at"),
                    rs.getBoolean("password_change_required")));
        });
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Set<Role>> roles = new HashMap<>();
        Map<Long, Set<String>> units = new HashMap<>();
        Map<Long, Set<String>> departments = new HashMap<>();
        for (List<Long> chunk : chunks(List.copyOf(rows.keySet()))) {
            var ids = Map.<String, Object>of("ids", chunk);
            jdbc.sql("select account_id, role from identity_account_role where account_id in (:ids)").params(ids)
                    .query((ResultSet rs) -> {
                        long id = rs.getLong(1);
                        Role.parse(rs.getString(2)).ifPresent(r -> roles.computeIfAbsent(id, k -> EnumSet.noneOf(Role.class)).add(r));
                    });
            jdbc.sql("select account_id, unit_code from identity_account_unit where account_id in (:ids)").params(ids)
                    .query((ResultSet rs) -> { units.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2)); });
            jdbc.sql("select account_id, department from identity_account_department where account_id in (:ids)").params(ids)
                    .query((ResultSet rs) -> { departments.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2)); });
        }
        return rows.values().stream()
                .map(r -> new Account(r.id, r.username, r.displayName, roles.getOrDefault(r.id, Set.of()),
                        units.getOrDefault(r.id, Set.of()), departments.getOrDefault(r.id, Set.of()), r.enabled, r.createdAt,
                        r.lockedUntil, r.totp, r.secondFactorRequired, r.lastSignInAt, r.passwordChangedAt, r.passwordChangeRequired))
                .toList();
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        var chunks = new java.util.ArrayList<List<Long>>();
        for (int i = 0; i < ids.size(); i += 500) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + 500)));
        }
        return chunks;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private record Row(long id, String username, String displayName, boolean enabled, Instant createdAt,
                       Instant lockedUntil, boolean totp, boolean secondFactorRequired, Instant lastSignInAt,
                       Instant passwordChangedAt, boolean passwordChangeRequired) {
    }
}
