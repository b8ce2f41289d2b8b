package io.gongzhi.identity.internal;

import java.time.Instant;
import java.util.Set;

/** A machine client's token as its owner sees it: never the token itself, which is shown once. */
public record ApiToken(long id, long accountId, String name, Set<Permission> permissions, Instant createdAt,
                       Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

    public boolean activeAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
