package io.gongzhi.identity;

import java.time.Instant;
import java.util.Set;

/**
 * A person's (or a machine client's) account as other modules may see it: never the password
 * or the second-factor secret.
 *
 * @param units                the unit codes of the places it may see ({@link #EVERY_PLACE} for all)
 * @param departments          the departments whose work it may see (department staff)
 * @param lockedUntil          set while locked after too many failures
 * @param secondFactor         a second factor (TOTP) is set up
 * @param secondFactorRequired the administrator demands one at the next sign-in
 * @param passwordChangedAt    when the password was last set
 * @param passwordChangeRequired the password was chosen by an administrator and must be replaced at sign-in
 */
public record Account(long id, String username, String displayName, Set<Role> roles, Set<String> units,
                      Set<String> departments, boolean enabled, Instant createdAt, Instant lockedUntil,
                      boolean secondFactor, boolean secondFactorRequired, Instant lastSignInAt,
                      Instant passwordChangedAt, boolean passwordChangeRequired) {

    /** The unit code that stands for every place. */
    public static final String EVERY_PLACE = "*";

    public Account {
        roles = Set.copyOf(roles);
        units = Set.copyOf(units);
        departments = Set.copyOf(departments);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public boolean privileged() {
        return roles.stream().anyMatch(Role::privileged);
    }
}
