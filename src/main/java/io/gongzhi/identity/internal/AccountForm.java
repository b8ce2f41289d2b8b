package io.gongzhi.identity.internal;

import io.gongzhi.identity.Role;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What an administrator fills in for an account.
 *
 * @param units       unit codes (division, grid or compound) of the places it may see; {@code *} for every place
 * @param departments department codes, for department staff
 */
public record AccountForm(String username, String displayName, Set<Role> roles, Set<String> units, Set<String> departments) {

    public AccountForm {
        // in the order given, so that a form shown again reads as it was typed
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        units = units == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(units));
        departments = departments == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(departments));
    }
}
