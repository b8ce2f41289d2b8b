package io.gongzhi.identity.internal;

import io.gongzhi.identity.Account;

import io.gongzhi.identity.Accounts;

import io.gongzhi.shared.Digests;
import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.Violation;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * API tokens for machine clients: each acts as its account, limited to the permissions
 * chosen when it was issued (and to what the account's roles still grant), expires, can be
 * revoked, and is stored only as its SHA-256.
 */
@Service
public class ApiTokens {

    public static final String PREFIX = "gzt_";
    public static final int MAX_DAYS = 365;
    private static final Duration USE_RECORDING = Duration.ofMinutes(5);

    private static final RowMapper<ApiToken> ROW = (rs, n) -> new ApiToken(rs.getLong("id"), rs.getLong("account_id"),
            rs.getString("name"), parse(rs.getString("permissions")), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("expires_at").toInstant(), instant(rs.getTimestamp("revoked_at")), instant(rs.getTimestamp("last_used_at")));

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Audit audit;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, Accounts accounts, Audit audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new token, answered once with its secret. */
    public record Issued(ApiToken token, String secret) {
    }

    @Transactional
    public Issued issue(long accountId, String name, Set<Permission> permissions, int days) {
        Account account = accounts.byId(accountId);
        var granted = Permission.of(account.roles());
        var problems = new ArrayList<Violation>();
        if (!granted.contains(Permission.TOKENS_OWN)) {
            problems.add(Violation.of("account", "token.not-allowed"));
        }
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            problems.add(Violation.of("name", "token.name-invalid"));
        }
        if (permissions == null || permissions.isEmpty()) {
            problems.add(Violation.of("permissions", "token.permissions-empty"));
        } else {
            permissions.stream().filter(p -> !granted.contains(p))
                    .forEach(p -> problems.add(Violation.of("permissions", "token.permission-not-held", p.authority())));
        }
        if (days < 1 || days > MAX_DAYS) {
            problems.add(Violation.of("days", "token.days-range", MAX_DAYS));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        String secret = PREFIX + Digests.newToken();
        Instant now = clock.instant();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into identity_api_token (account_id, name, token_hash, permissions, created_at, expires_at)
                        values (:account, :name, :hash, :permissions, :now, :expires)""")
                .param("account", accountId).param("name", name.strip()).param("hash", hash(secret))
                .param("permissions", format(permissions)).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(Duration.ofDays(days))))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record("token.issue", "token:" + id, Outcome.SUCCESS, "account:" + accountId + " " + format(permissions) + " days=" + days);
        return new Issued(byId(id), secret);
    }

    public List<ApiToken> of(long accountId) {
        return jdbc.sql("select * from identity_api_token where account_id = ? order by created_at desc").param(accountId).query(ROW).list();
    }

    /** Revokes one of the account's tokens; a token of another account answers as missing. */
    @Transactional
    public ApiToken revoke(long accountId, long tokenId) {
        ApiToken token = byId(tokenId);
        if (token.accountId() != accountId) {
            throw new NotFound("token.not-found", "token " + tokenId);
        }
        jdbc.sql("update identity_api_token set revoked_at = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), tokenId).update();
        audit.record("token.revoke", "token:" + tokenId, Outcome.SUCCESS);
        return byId(tokenId);
    }

    /** The account and permissions a presented token stands for, if it is valid now. */
    public Optional<Use> authenticate(String secret) {
        return active(secret).flatMap(this::use);
    }

    /** The presented token, if it exists, has not expired and is not revoked (one read; its use is noted now and then). */
    public Optional<ApiToken> active(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        var token = jdbc.sql("select * from identity_api_token where token_hash = ?").param(hash(secret)).query(ROW).optional();
        if (token.isEmpty() || !token.get().activeAt(now)) {
            return Optional.empty();
        }
        if (token.get().lastUsedAt() == null || token.get().lastUsedAt().isBefore(now.minus(USE_RECORDING))) {
            jdbc.sql("update identity_api_token set last_used_at = ? where id = ?").params(Timestamp.from(now), token.get().id()).update();
        }
        return token;
    }

    /** What an active token grants now: nothing when its account is disabled or locked; never more than the account's roles hold. */
    public Optional<Use> use(ApiToken token) {
        var account = accounts.byId(token.accountId());
        if (!account.enabled() || account.lockedAt(clock.instant())) {
            return Optional.empty();
        }
        var still = EnumSet.noneOf(Permission.class);
        still.addAll(token.permissions());
        still.retainAll(Permission.of(account.roles()));
        return Optional.of(new Use(account, still, token.id()));
    }

    /** What a valid token grants for one request. */
    public record Use(Account account, Set<Permission> permissions, long tokenId) {
    }

    private ApiToken byId(long id) {
        return jdbc.sql("select * from identity_api_token where id = ?").param(id).query(ROW).optional()
                .orElseThrow(() -> new NotFound("token.not-found", "token " + id));
    }

    static String hash(String secret) {
        return Digests.sha256Hex(secret);
    }

    private static String format(Set<Permission> permissions) {
        return permissions.stream().map(Permission::authority).sorted().collect(Collectors.joining(" "));
    }

    private static Set<Permission> parse(String text) {
        var set = EnumSet.noneOf(Permission.class);
        Arrays.stream(text.split(" ")).forEach(a -> Permission.byAuthority(a).ifPresent(set::add));
        return set;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
