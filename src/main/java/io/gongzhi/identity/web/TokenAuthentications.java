package io.gongzhi.identity.web;

import io.gongzhi.identity.AccountChanged;
import io.gongzhi.identity.internal.ApiTokens;
import io.gongzhi.identity.internal.AccountSignIn;
import io.gongzhi.shared.KeptReads;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.time.Duration;

/**
 * Who a presented API token stands for. The token itself is looked up on every request, so a
 * revoked or expired token stops at once. What its account may do (roles, places, departments,
 * enabled) takes several reads to work out, and machine clients call many times a second, so
 * that is kept for ten seconds per token: a change to the account on this node applies at once
 * ({@link AccountChanged}), on other nodes within those seconds.
 */
@Component
class TokenAuthentications {

    private final KeptReads<Long, Authentication> kept = new KeptReads<>(Duration.ofSeconds(10), 10_000);
    private final ApiTokens tokens;
    private final AccountSignIn accounts;

    TokenAuthentications(ApiTokens tokens, AccountSignIn accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    Optional<Authentication> authenticate(String secret) {
        var token = tokens.active(secret);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(kept.get(token.get().id(),
                id -> tokens.use(token.get()).map(accounts::tokenAuthentication).orElse(null)));
    }

    @EventListener
    void forget(AccountChanged changed) {
        kept.forgetAll();
    }
}
