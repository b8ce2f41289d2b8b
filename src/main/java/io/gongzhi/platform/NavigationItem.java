package io.gongzhi.platform;

import java.util.Set;

/**
 * One entry of the main navigation, contributed by a module as a bean. The shell shows
 * it to signed-in users holding one of {@code roles} (everybody signed in when empty).
 *
 * @param labelKey message key of the label
 * @param href     where it leads, relative to the application root
 * @param order    position, smaller first
 * @param roles    role names that see it, e.g. {@code "COMMUNITY_WORKER"}
 */
public record NavigationItem(String labelKey, String href, int order, Set<String> roles) {

    public NavigationItem {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean visibleTo(Set<String> userRoles) {
        return roles.isEmpty() || roles.stream().anyMatch(userRoles::contains);
    }
}
