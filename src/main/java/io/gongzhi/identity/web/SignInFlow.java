package io.gongzhi.identity.web;

import io.gongzhi.identity.internal.LoginPolicies;
import io.gongzhi.identity.internal.AccountSignIn;
import io.gongzhi.identity.internal.SignInRecorder;
import io.gongzhi.identity.internal.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * The steps of signing in through the pages: the password, then (when the account has or
 * must set up a second factor) the code, then the session's limits. Failures of either step
 * count towards the lock and are audited.
 */
@Component
class SignInFlow {

    static final String DEADLINE = "gongzhi.session.deadline";

    /** The page of each step still owed after the password. */
    private static final java.util.Map<String, String> STEP_PAGES = java.util.Map.of(
            SignedInUser.FACTOR_PENDING, "/login/second-factor",
            SignedInUser.FACTOR_SETUP, "/login/second-factor/setup",
            SignedInUser.PASSWORD_CHANGE, "/login/password");

    /** Where someone halfway through signing in must go next; empty when their sign-in is complete. */
    static java.util.Optional<String> pageOwedBy(Authentication authentication) {
        if (authentication == null) {
            return java.util.Optional.empty();
        }
        return authentication.getAuthorities().stream().map(a -> STEP_PAGES.get(a.getAuthority()))
                .filter(java.util.Objects::nonNull).findFirst();
    }
    static final String USERNAME_PARAMETER = "username";

    private final AccountSignIn accounts;
    private final SignInRecorder recorder;
    private final LoginPolicies policies;
    private final Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SavedRequestAwareAuthenticationSuccessHandler onward = new SavedRequestAwareAuthenticationSuccessHandler();

    SignInFlow(AccountSignIn accounts, SignInRecorder recorder, LoginPolicies policies, Clock clock) {
        this.accounts = accounts;
        this.recorder = recorder;
        this.policies = policies;
        this.clock = clock;
        onward.setDefaultTargetUrl("/");
    }

    /** After a right password: on to the second factor, or signed in. */
    void passwordAccepted(HttpServletRequest request, HttpServletResponse response, Authentication authentication) throws IOException {
        var user = (SignedInUser) authentication.getPrincipal();
        var owed = pageOwedBy(authentication);
        if (owed.isPresent()) {
            recorder.passwordAccepted(user);
            response.sendRedirect(request.getContextPath() + owed.get());
        } else {
            startSession(request, user, "password");
            onward(request, response, authentication);
        }
    }

    void passwordRefused(HttpServletRequest request, AuthenticationException failure) {
        recorder.failed(request.getParameter(USERNAME_PARAMETER), failure, "password");
    }

    /**
     * After the second factor or a new password: the full sign-in in a new session id, unless
     * the password must still be replaced.
     */
    void complete(HttpServletRequest request, HttpServletResponse response, SignedInUser pending, String how) throws IOException {
        SignedInUser user = accounts.loadUserByUsername(pending.getUsername());
        boolean owesPassword = user.mustChangePassword();
        // a freshly loaded user carries the full authorities of its roles
        var next = UsernamePasswordAuthenticationToken.authenticated(user, null, owesPassword
                ? java.util.List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(SignedInUser.PASSWORD_CHANGE))
                : user.getAuthorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(next);
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
        if (owesPassword) {
            response.sendRedirect(request.getContextPath() + STEP_PAGES.get(SignedInUser.PASSWORD_CHANGE));
            return;
        }
        startSession(request, user, how);
        onward(request, response, next);
    }

    /** To the page that asked for a sign-in, or home. */
    private void onward(HttpServletRequest request, HttpServletResponse response, Authentication authentication) throws IOException {
        try {
            onward.onAuthenticationSuccess(request, response, authentication);
        } catch (jakarta.servlet.ServletException e) {
            throw new IOException(e);
        }
    }

    /** The policy's idle limit, and the absolute deadline {@link SessionDeadline} enforces. */
    private void startSession(HttpServletRequest request, SignedInUser user, String how) {
        var policy = policies.current();
        var session = request.getSession();
        session.setMaxInactiveInterval((int) Duration.ofMinutes(policy.idleMinutes()).toSeconds());
        session.setAttribute(DEADLINE, clock.instant().plus(Duration.ofHours(policy.absoluteHours())).toEpochMilli());
        recorder.succeeded(user, how);
    }
}
