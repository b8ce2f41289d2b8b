package io.gongzhi.identity.internal;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.Collection;

/** The principal kept in the session: the account's name for greeting people, besides Spring's user. */
public class SignedInUser extends User {

    private static final long serialVersionUID = 1L;

    private final String displayName;

    SignedInUser(String username, String passwordHash, boolean enabled, String displayName,
                 Collection<? extends GrantedAuthority> authorities) {
        super(username, passwordHash, enabled, true, true, true, authorities);
        this.displayName = displayName;
    }

    public String getDisplayName() {
        return displayName;
    }
}
