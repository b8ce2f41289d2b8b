package io.gongzhi.identity;

import java.time.Instant;
import java.util.Set;

/** A person's (or a machine client's) account as other modules may see it: never the password. */
public record Account(long id, String username, String displayName, Set<Role> roles, boolean enabled, Instant createdAt) {

    public Account {
        roles = Set.copyOf(roles);
    }
}
