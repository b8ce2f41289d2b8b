package io.gongzhi.identity.internal;

import io.gongzhi.identity.Account;
import io.gongzhi.identity.Role;

import io.gongzhi.identity.Accounts;
import io.gongzhi.shared.Actor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Loads an account for sign-in: its authorities (roles and permissions) and its jurisdiction as of now. */
@Component
public class AccountSignIn implements UserDetailsService {

    private final AccountStore store;
    private final Accounts accounts;
    private final LoginPolicies policies;
    private final Clock clock;

    AccountSignIn(AccountStore store, Accounts accounts, LoginPolicies policies, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.policies = policies;
        this.clock = clock;
    }

    @Override
    public SignedInUser loadUserByUsername(String username) {
        var account = store.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("unknown"));
        String hash = store.passwordHash(username).orElseThrow(() -> new UsernameNotFoundException("unknown"));
        var policy = policies.current();
        boolean mustSetUp = !account.secondFactor()
                && (account.secondFactorRequired() || (account.privileged() && policy.secondFactorForPrivileged()));
        boolean expired = policy.passwordMaxAgeDays() > 0 && account.passwordChangedAt() != null
                && account.passwordChangedAt().plus(java.time.Duration.ofDays(policy.passwordMaxAgeDays())).isBefore(clock.instant());
        return new SignedInUser(hash, account.enabled(), account.lockedAt(clock.instant()), account.displayName(),
                actorOf(account), account.secondFactor(), mustSetUp, account.passwordChangeRequired() || expired,
                authorities(account.roles(), null));
    }

    /** The authentication for one request made with an API token: the account, narrowed to the token's permissions. */
    public org.springframework.security.core.Authentication tokenAuthentication(io.gongzhi.identity.internal.ApiTokens.Use use) {
        var account = use.account();
        var user = new SignedInUser("", true, false, account.displayName(), actorOf(account), false, false, false,
                authorities(account.roles(), use.permissions()));
        return org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                user, null, user.getAuthorities());
    }

    public Actor actorOf(Account account) {
        return new Actor(account.id(), account.username(), account.roles().stream().map(Enum::name).collect(Collectors.toSet()),
                Permission.of(account.roles()).stream().map(Permission::authority).collect(Collectors.toSet()),
                accounts.jurisdictionOf(account));
    }

    /**
     * The authorities of a complete sign-in: roles, permissions and {@link SignedInUser#SIGNED_IN};
     * with {@code only} (an API token's scope) just those permissions of the roles.
     */
    public static List<GrantedAuthority> authorities(Set<Role> roles, Set<Permission> only) {
        var authorities = new ArrayList<GrantedAuthority>();
        authorities.add(new SimpleGrantedAuthority(SignedInUser.SIGNED_IN));
        if (only == null) {
            roles.forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
        }
        Permission.of(roles).stream().filter(p -> only == null || only.contains(p))
                .forEach(p -> authorities.add(new SimpleGrantedAuthority(p.authority())));
        return authorities;
    }
}
