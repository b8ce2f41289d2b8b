package io.gongzhi.identity.web;

import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import io.gongzhi.identity.ApiTokens;
import io.gongzhi.identity.internal.AccountSignIn;
import io.gongzhi.shared.Actor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * {@code Authorization: Bearer gzt_…}: the request acts as the token's account with the
 * token's permissions, without a session. A token that is unknown, expired or revoked gets
 * 401 at once and is audited.
 */
class BearerTokens extends OncePerRequestFilter {

    static final String SCHEME = "Bearer ";

    private final ApiTokens tokens;
    private final AccountSignIn accounts;
    private final Audit audit;
    private final Denials denials;

    BearerTokens(ApiTokens tokens, AccountSignIn accounts, Audit audit, Denials denials) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.audit = audit;
        this.denials = denials;
    }

    static boolean presents(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!presents(request)) {
            chain.doFilter(request, response);
            return;
        }
        String secret = request.getHeader("Authorization").substring(SCHEME.length()).strip();
        var use = tokens.authenticate(secret);
        if (use.isEmpty()) {
            audit.record(Actor.ANONYMOUS, "login.token", "token:unknown", Outcome.FAILURE, "unknown, expired or revoked token");
            denials.problem(request, response, HttpServletResponse.SC_UNAUTHORIZED, "token-invalid", "problem.token-invalid");
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(accounts.tokenAuthentication(use.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
