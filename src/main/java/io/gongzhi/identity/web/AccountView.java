package io.gongzhi.identity.web;

import io.gongzhi.identity.Account;
import io.gongzhi.identity.Role;

import java.time.Instant;
import java.util.List;

/** An account as the administrator's API shows it. */
record AccountView(long id, String username, String displayName, List<Role> roles, List<String> units,
                   List<String> departments, boolean enabled, boolean locked, boolean secondFactor,
                   boolean secondFactorRequired, Instant createdAt, Instant lastSignInAt) {

    static AccountView of(Account a, Instant now) {
        return new AccountView(a.id(), a.username(), a.displayName(), a.roles().stream().sorted().toList(),
                a.units().stream().sorted().toList(), a.departments().stream().sorted().toList(), a.enabled(),
                a.lockedAt(now), a.secondFactor(), a.secondFactorRequired(), a.createdAt(), a.lastSignInAt());
    }
}
