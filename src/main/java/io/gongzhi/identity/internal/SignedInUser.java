package io.gongzhi.identity.internal;

import io.gongzhi.shared.Actor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.Collection;

/**
 * The principal kept in the session: Spring's user, the name for greeting people, and the
 * {@link Actor} (roles, permissions, jurisdiction) every module reads.
 */
public class SignedInUser extends User implements Actor.Source {

    private static final long serialVersionUID = 2L;

    /** Granted to a complete sign-in (and to API tokens); every page and API call requires it. */
    public static final String SIGNED_IN = io.gongzhi.platform.NavigationItem.SIGNED_IN;
    /** Granted after the password while the second-factor code is awaited. */
    public static final String FACTOR_PENDING = "factor.pending";
    /** Granted after the password when a second factor must first be set up. */
    public static final String FACTOR_SETUP = "factor.setup";
    /** Granted when, all else done, the password must be replaced before going further. */
    public static final String PASSWORD_CHANGE = "password.change";

    private final String displayName;
    private final Actor actor;
    private final boolean secondFactor;
    private final boolean mustSetUpSecondFactor;
    private final boolean mustChangePassword;

    SignedInUser(String passwordHash, boolean enabled, boolean locked, String displayName, Actor actor,
                 boolean secondFactor, boolean mustSetUpSecondFactor, boolean mustChangePassword,
                 Collection<? extends GrantedAuthority> authorities) {
        super(actor.username(), passwordHash, enabled, true, true, !locked, authorities);
        this.displayName = displayName;
        this.actor = actor;
        this.secondFactor = secondFactor;
        this.mustSetUpSecondFactor = mustSetUpSecondFactor;
        this.mustChangePassword = mustChangePassword;
    }

    public String getDisplayName() {
        return displayName;
    }

    @Override
    public Actor actor() {
        return actor;
    }

    public long accountId() {
        return actor.accountId();
    }

    /** The sign-in needs a further step after the password: a code, setting up the second factor, or a new password. */
    public String pendingStep() {
        return secondFactor ? FACTOR_PENDING : mustSetUpSecondFactor ? FACTOR_SETUP : mustChangePassword ? PASSWORD_CHANGE : null;
    }

    /** What is still owed once the second factor is proven. */
    public boolean mustChangePassword() {
        return mustChangePassword;
    }
}
