package io.gongzhi.shared;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.Serializable;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is acting: the signed-in account (or a machine client's token, or the command line),
 * with its roles, permissions and jurisdiction. Modules take it from here rather than from
 * the identity module, so none of them depends on how people sign in.
 *
 * @param accountId   the account's id, null for the command line and anonymous callers
 * @param username    the account's name, {@code cli:USER} or {@code anonymous}
 * @param roles       role names, e.g. {@code COMMUNITY_WORKER}
 * @param permissions permission names, e.g. {@code geography.import}
 */
public record Actor(Long accountId, String username, Set<String> roles, Set<String> permissions,
                    Jurisdiction jurisdiction) implements Serializable {

    public static final Actor ANONYMOUS = new Actor(null, "anonymous", Set.of(), Set.of(), Jurisdiction.NONE);

    public Actor {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }

    /** Implemented by the principal of a signed-in authentication. */
    public interface Source {
        Actor actor();
    }

    /** The command line: an operator at the server's console, who may do what its commands do. */
    public static Actor commandLine() {
        return new Actor(null, "cli:" + System.getProperty("user.name", "unknown"), Set.of(), Set.of(), Jurisdiction.EVERYWHERE);
    }

    /** The actor of the current thread's security context; anonymous when nobody is signed in. */
    public static Actor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
            return ANONYMOUS;
        }
        if (authentication.getPrincipal() instanceof Source source) {
            // The authorities may be narrower than the account's (a pending second factor, a token's scope).
            Actor actor = source.actor();
            Set<String> granted = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
            return new Actor(actor.accountId(), actor.username(), actor.roles(),
                    actor.permissions().stream().filter(granted::contains).collect(Collectors.toSet()), actor.jurisdiction());
        }
        return new Actor(null, authentication.getName(), Set.of(), Set.of(), Jurisdiction.NONE);
    }

    public boolean may(String permission) {
        return permissions.contains(permission);
    }

    /** The roles as one string, for the audit log. */
    public String roleList() {
        return roles.stream().sorted().collect(Collectors.joining(","));
    }
}
