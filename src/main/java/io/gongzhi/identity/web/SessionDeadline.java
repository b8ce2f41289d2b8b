package io.gongzhi.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;

/**
 * Ends a session at its absolute deadline however active it has been (the idle limit is the
 * session store's): a page request goes to the login page, which says why; an API call goes on
 * as anonymous and gets 401.
 */
class SessionDeadline extends OncePerRequestFilter {

    private final Clock clock;

    SessionDeadline(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var session = request.getSession(false);
        if (session != null && session.getAttribute(SignInFlow.DEADLINE) instanceof Long deadline
                && clock.millis() >= deadline) {
            session.invalidate();
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if ("GET".equals(request.getMethod()) && !path.startsWith("/api/")) {
                // a person at a page is told why they must sign in again
                response.sendRedirect(request.getContextPath() + "/login?expired");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
