package io.gongzhi.platform;

import java.util.Set;

/**
 * One entry of the main navigation, contributed by a module as a bean. The shell shows
 * it to signed-in users holding one of {@code authorities} (everybody signed in when empty).
 *
 * @param labelKey message key of the label
 * @param href     where it leads, relative to the application root
 * @param order    position, smaller first
 * @param authorities the permissions (e.g. {@code "audit.read"}) that see it
 * @param tab         on a phone, its claim to one of the bottom bar's places (smaller first; 0: only under More)
 */
public record NavigationItem(String labelKey, String href, int order, Set<String> authorities, int tab) {

    /** How many items a phone's bottom bar holds beside More. */
    public static final int PHONE_TABS = 4;

    /** The authority of a complete sign-in; until it is granted the shell shows no navigation. */
    public static final String SIGNED_IN = "signed-in";

    public NavigationItem {
        authorities = authorities == null ? Set.of() : Set.copyOf(authorities);
    }

    /** An item a phone keeps under More. */
    public NavigationItem(String labelKey, String href, int order, Set<String> authorities) {
        this(labelKey, href, order, authorities, 0);
    }

    public boolean visibleTo(Set<String> granted) {
        return authorities.isEmpty() || authorities.stream().anyMatch(granted::contains);
    }
}
