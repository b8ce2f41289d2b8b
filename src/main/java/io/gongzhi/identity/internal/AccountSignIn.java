package io.gongzhi.identity.internal;

import io.gongzhi.identity.Role;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads an account for Spring Security's form sign-in. */
@Component
class AccountSignIn implements UserDetailsService {

    private final AccountStore store;

    AccountSignIn(AccountStore store) {
        this.store = store;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var account = store.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("unknown"));
        String hash = store.passwordHash(username).orElseThrow(() -> new UsernameNotFoundException("unknown"));
        return new SignedInUser(account.username(), hash, account.enabled(), account.displayName(),
                account.roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new).toList());
    }
}
