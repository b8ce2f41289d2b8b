package io.gongzhi.identity.internal;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;

/**
 * Password sign-in. Lock and disabled states are checked only after the password has been
 * checked, so that an unknown user, a wrong password, a locked and a disabled account cost
 * the same time and answer alike. An account with a second factor gets only the right to
 * enter its code.
 */
public class SignInProvider extends DaoAuthenticationProvider {

    public SignInProvider(AccountSignIn accounts, PasswordEncoder encoder) {
        super(accounts);
        setPasswordEncoder(encoder);
        setPreAuthenticationChecks(user -> { });
        setPostAuthenticationChecks(user -> {
            if (!user.isAccountNonLocked()) {
                throw new LockedException("locked");
            }
            if (!user.isEnabled()) {
                throw new DisabledException("disabled");
            }
        });
        setHideUserNotFoundExceptions(true);
    }

    @Override
    protected Authentication createSuccessAuthentication(Object principal, Authentication authentication, UserDetails user) {
        if (user instanceof SignedInUser signedIn && signedIn.pendingStep() != null) {
            return UsernamePasswordAuthenticationToken.authenticated(signedIn, null,
                    List.of(new SimpleGrantedAuthority(signedIn.pendingStep())));
        }
        return super.createSuccessAuthentication(principal, authentication, user);
    }
}
