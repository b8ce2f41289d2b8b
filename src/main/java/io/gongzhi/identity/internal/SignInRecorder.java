package io.gongzhi.identity.internal;

import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Jurisdiction;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps count of failed sign-ins (locking the account at the policy's limit) and writes
 * every attempt to the audit log, in one transaction with the count.
 */
@Component
public class SignInRecorder {

    private static final Pattern PLAUSIBLE_USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,63}");

    private final AccountStore store;
    private final LoginPolicies policies;
    private final Audit audit;
    private final Clock clock;

    SignInRecorder(AccountStore store, LoginPolicies policies, Audit audit, Clock clock) {
        this.store = store;
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    /** A failed attempt: the password (or code) was wrong, or the account is locked or disabled. */
    @Transactional
    public void failed(String username, AuthenticationException failure, String step) {
        var account = username == null ? java.util.Optional.<io.gongzhi.identity.Account>empty() : store.findByUsername(username);
        if (account.isEmpty()) {
            // A string typed into the username field may be a password typed in the wrong
            // place: only something shaped like a username is kept.
            String shown = username != null && PLAUSIBLE_USERNAME.matcher(username).matches() ? username : "(invalid)";
            audit.record(new Actor(null, shown, Set.of(), Set.of(), Jurisdiction.NONE), "login." + step, "account:unknown",
                    Outcome.FAILURE, "unknown account");
            return;
        }
        var a = account.get();
        var actor = new Actor(a.id(), a.username(), Set.of(), Set.of(), Jurisdiction.NONE);
        String reason;
        if (failure instanceof LockedException) {
            reason = "locked";
        } else if (failure instanceof DisabledException) {
            reason = "disabled";
        } else {
            LoginPolicy policy = policies.current();
            int failures = store.recordFailure(a.id(), policy.maxFailures(),
                    clock.instant().plus(Duration.ofMinutes(policy.lockMinutes())));
            reason = failures >= policy.maxFailures() ? "wrong " + step + "; locked for " + policy.lockMinutes() + " min" : "wrong " + step;
        }
        audit.record(actor, "login." + step, "account:" + a.id(), Outcome.FAILURE, reason);
    }

    /** The password was right but a second-factor step remains. */
    @Transactional
    public void passwordAccepted(SignedInUser user) {
        audit.record(user.actor(), "login.password", "account:" + user.accountId(), Outcome.SUCCESS, "second factor pending");
    }

    /** Sign-in complete. */
    @Transactional
    public void succeeded(SignedInUser user, String how) {
        store.recordSignIn(user.accountId(), clock.instant());
        audit.record(user.actor(), "login.success", "account:" + user.accountId(), Outcome.SUCCESS, how);
    }
}
