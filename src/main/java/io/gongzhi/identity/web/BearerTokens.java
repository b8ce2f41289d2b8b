package io.gongzhi.identity.web;

import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
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

    private final TokenAuthentications tokens;
    private final Audit audit;
    private final Denials denials;

    BearerTokens(TokenAuthentications tokens, Audit audit, Denials denials) {
        this.tokens = tokens;
        this.audit = audit;
        this.denials = denials;
    }

    static boolean presents(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || open311(request);
    }

    /** Open311 GeoReport v2 clients send the token as {@code api_key}, and the spec wants a bad key answered by the API (403). */
    static boolean open311(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/open311/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!presents(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (open311(request)) {
            open311(request, response, chain);
            return;
        }
        String secret = request.getHeader("Authorization").substring(SCHEME.length()).strip();
        var authentication = tokens.authenticate(secret);
        if (authentication.isEmpty()) {
            audit.record(Actor.ANONYMOUS, "login.token", "token:unknown", Outcome.FAILURE, "unknown, expired or revoked token");
            denials.problem(request, response, HttpServletResponse.SC_UNAUTHORIZED, "token-invalid", "problem.token-invalid");
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication.get());
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * Open311 acts as the {@code api_key}'s account, or as nobody: never as a browser's signed-in
     * session, so another site cannot post requests in a resident's name (the path skips CSRF).
     */
    private void open311(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        var context = SecurityContextHolder.createEmptyContext();
        String header = request.getHeader("Authorization");
        String secret = header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                ? header.substring(SCHEME.length()).strip() : request.getParameter("api_key");
        if (secret != null && !secret.isBlank()) {
            var authentication = tokens.authenticate(secret.strip());
            if (authentication.isPresent()) {
                context.setAuthentication(authentication.get());
            } else {
                audit.record(Actor.ANONYMOUS, "login.token", "token:unknown", Outcome.FAILURE, "unknown, expired or revoked Open311 api_key");
            }
        }
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
