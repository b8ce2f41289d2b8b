package io.gongzhi.identity.web;

import io.gongzhi.identity.AccountChanged;
import io.gongzhi.identity.internal.ApiTokens;
import io.gongzhi.identity.internal.AccountSignIn;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Who a presented API token stands for. The token itself is looked up on every request, so a
 * revoked or expired token stops at once. What its account may do (roles, places, departments,
 * enabled) takes several reads to work out, and machine clients call many times a second, so
 * that is kept for ten seconds per token: a change to the account on this node applies at once
 * ({@link AccountChanged}), on other nodes within those seconds.
 */
@Component
class TokenAuthentications {

    static final long KEEP_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final int MAX_KEPT = 10_000;

    private record Kept(Authentication authentication, long accountId, long at) {
    }

    private final Map<Long, Kept> kept = new ConcurrentHashMap<>();
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
        long now = System.nanoTime();
        Kept hit = kept.get(token.get().id());
        if (hit != null && now - hit.at() < KEEP_NANOS) {
            return Optional.of(hit.authentication());
        }
        var use = tokens.use(token.get());
        if (use.isEmpty()) {
            kept.remove(token.get().id());
            return Optional.empty();
        }
        Authentication authentication = accounts.tokenAuthentication(use.get());
        if (kept.size() >= MAX_KEPT) {
            kept.clear();
        }
        kept.put(token.get().id(), new Kept(authentication, token.get().accountId(), now));
        return Optional.of(authentication);
    }

    @EventListener
    void forget(AccountChanged changed) {
        kept.values().removeIf(k -> k.accountId() == changed.accountId());
    }
}
