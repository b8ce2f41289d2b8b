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
    public static final String SIGNED_IN = "signed-in";
    /** Granted after the password while the second-factor code is awaited. */
    public static final String FACTOR_PENDING = "factor.pending";
    /** Granted after the password when a second factor must first be set up. */
    public static final String FACTOR_SETUP = "factor.setup";

    private final String displayName;
    private final Actor actor;
    private final boolean secondFactor;
    private final boolean mustSetUpSecondFactor;

    SignedInUser(String passwordHash, boolean enabled, boolean locked, String displayName, Actor actor,
                 boolean secondFactor, boolean mustSetUpSecondFactor, Collection<? extends GrantedAuthority> authorities) {
        super(actor.username(), passwordHash, enabled, true, true, !locked, authorities);
        this.displayName = displayName;
        this.actor = actor;
        this.secondFactor = secondFactor;
        this.mustSetUpSecondFactor = mustSetUpSecondFactor;
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

    /** The sign-in needs a second step: a code, or setting up the second factor. */
    public String pendingStep() {
        return secondFactor ? FACTOR_PENDING : mustSetUpSecondFactor ? FACTOR_SETUP : null;
    }
}
