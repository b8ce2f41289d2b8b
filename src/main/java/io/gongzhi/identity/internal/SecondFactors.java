package io.gongzhi.identity.internal;

import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import io.gongzhi.identity.Accounts;
import io.gongzhi.platform.Sealing;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Violation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/** Setting up, checking and removing an account's TOTP second factor. */
@Component
public class SecondFactors {

    private final AccountStore store;
    private final Accounts accounts;
    private final LoginPolicies policies;
    private final Audit audit;
    private final Sealing sealing;
    private final Clock clock;

    SecondFactors(AccountStore store, Accounts accounts, LoginPolicies policies, Audit audit, Sealing sealing, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.policies = policies;
        this.audit = audit;
        this.sealing = sealing;
        this.clock = clock;
    }

    /** The secret is stored sealed and bound to its account. */
    private static String context(long accountId) {
        return "identity.totp:" + accountId;
    }

    /** True when the code is right for the account's secret and was not used before. */
    @Transactional
    public boolean check(long accountId, String code) {
        var sealed = store.totpSecret(accountId);
        if (sealed.isEmpty()) {
            return false;
        }
        long step = Totp.verify(sealing.open(sealed.get(), context(accountId)), code, clock.instant(), store.totpLastStep(accountId));
        return step > 0 && store.useTotpStep(accountId, step);
    }

    /** Saves {@code secret} once the user proves their app has it by a right code. */
    @Transactional
    public void enable(long accountId, String secret, String code) {
        long step = Totp.verify(secret, code, clock.instant(), 0);
        if (step < 0) {
            throw new InvalidInput(Violation.of("code", "second-factor.code-wrong"));
        }
        store.setTotpSecret(accountId, sealing.seal(secret, context(accountId)));
        store.useTotpStep(accountId, step);
        audit.record("account.second-factor-enable", "account:" + accountId, Outcome.SUCCESS);
    }

    /** Removes the second factor, unless the administrator or the policy demands one. */
    @Transactional
    public void disable(long accountId) {
        var account = accounts.byId(accountId);
        if (account.secondFactorRequired() || (account.privileged() && policies.current().secondFactorForPrivileged())) {
            throw new InvalidInput(Violation.of("secondFactor", "second-factor.required"));
        }
        store.setTotpSecret(accountId, null);
        audit.record("account.second-factor-disable", "account:" + accountId, Outcome.SUCCESS);
    }
}
