package io.gongzhi.identity.web;

import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import io.gongzhi.platform.FilterProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Every refusal of a signed-in user is audited, then answered: a 403 problem for the API,
 * the error page for pages. Someone halfway through signing in is sent to the step they owe.
 */
@Component
class Denials implements AccessDeniedHandler {

    private final Audit audit;
    private final MessageSource messages;

    Denials(Audit audit, MessageSource messages) {
        this.audit = audit;
        this.messages = messages;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        var owed = SignInFlow.pageOwedBy(SecurityContextHolder.getContext().getAuthentication());
        if (owed.isPresent() && !path.startsWith("/api/")) {
            response.sendRedirect(request.getContextPath() + owed.get());
            return;
        }
        audit.record("access.denied", cut(request.getMethod() + " " + path), Outcome.DENIED);
        if (path.startsWith("/api/")) {
            problem(request, response, HttpServletResponse.SC_FORBIDDEN, "forbidden", "problem.forbidden");
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    /** An RFC 9457 answer written before Spring MVC is reached, in the caller's Accept-Language. */
    void problem(HttpServletRequest request, HttpServletResponse response, int status, String code, String titleKey) throws IOException {
        // like the rest of the API: the caller's Accept-Language, Chinese when it names none
        var locale = request.getHeader("Accept-Language") == null ? java.util.Locale.SIMPLIFIED_CHINESE : request.getLocale();
        FilterProblems.write(request, response, status, code, messages.getMessage(titleKey, null, titleKey, locale));
    }

    private static String cut(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200);
    }
}
