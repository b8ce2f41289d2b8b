package io.gongzhi.platform.web;

import io.gongzhi.platform.StartupProgress;
import io.gongzhi.platform.StaticFiles;

import io.gongzhi.platform.FilterProblems;
import io.gongzhi.platform.internal.DatabaseFailures;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The answer while the database is away, or the pool has no connection to spare: 503 with
 * {@code Retry-After}, in the caller's language, an RFC 9457 problem for machine clients and the
 * site's own error page for people, instead of the servlet container's 500. It wraps the session
 * store, request admission and security, because any of them may be the first to reach for the
 * database: a request with a session cookie fails while its session is read, before a controller
 * runs. The answer names no cause; the log has the outage once (see the platform's database guard).
 */
class UnavailableAnswers extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UnavailableAnswers.class);

    /** Seconds to come back after: an outage is tried again every second, but seldom over that soon. */
    static final String RETRY_AFTER_OUTAGE = "5";
    /** As the busy answer of request admission. */
    static final String RETRY_AFTER_BUSY = "1";

    /** Seconds to look again while the application prepares its data. */
    static final String RETRY_AFTER_STARTING = "3";

    private final MessageSource messages;
    private final LocaleResolver languages;
    private final ObjectProvider<ViewResolver> views;
    private final StartupProgress startup;

    UnavailableAnswers(MessageSource messages, LocaleResolver languages, ObjectProvider<ViewResolver> views, StartupProgress startup) {
        this.startup = startup;
        this.messages = messages;
        this.languages = languages;
        this.views = views;
    }

    /** An error page reached for another reason may fail on the database just the same. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!startup.ready() && !StaticFiles.contain(path) && !path.startsWith("/actuator/")) {
            starting(request, response, path);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            boolean outage = DatabaseFailures.unreachable(failure);
            if ((!outage && !DatabaseFailures.poolExhausted(failure)) || response.isCommitted()) {
                throw failure;
            }
            log.debug("{} {} answered 503: {}", request.getMethod(), request.getRequestURI(), failure.toString());
            answer(request, response, outage);
        }
    }

    /** Before the start-up work is done (a first start preparing its demo data): what it is doing, and to look again soon. */
    private void starting(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        Locale locale = locale(request, response);
        response.setHeader("Retry-After", RETRY_AFTER_STARTING);
        response.setHeader("Cache-Control", "no-store");
        String doing = messages.getMessage("startup.preparing", new Object[]{messages.getMessage(startup.stage(), null, locale),
                startup.percent()}, locale);
        if (machine(path)) {
            FilterProblems.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "starting", doing);
        } else {
            page(request, response, path, locale, Map.of("detail", doing, "refresh", RETRY_AFTER_STARTING, "percent", startup.percent()));
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, boolean outage) throws IOException {
        response.reset();
        Locale locale = locale(request, response);
        response.setHeader("Retry-After", outage ? RETRY_AFTER_OUTAGE : RETRY_AFTER_BUSY);
        response.setHeader("Cache-Control", "no-store");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (machine(path)) {
            String code = outage ? "unavailable" : "busy";
            FilterProblems.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, code,
                    messages.getMessage("problem." + code, null, locale));
        } else {
            page(request, response, path, locale, Map.of());
        }
    }

    /** As everywhere: {@code ?lang=} chooses (and is remembered), then the cookie, then for machine clients Accept-Language. */
    private Locale locale(HttpServletRequest request, HttpServletResponse response) {
        String lang = request.getParameter("lang");
        var chosen = lang == null ? java.util.Optional.<Locale>empty() : Languages.supported(lang);
        chosen.ifPresent(locale -> languages.setLocale(request, response, locale));
        return chosen.orElseGet(() -> languages.resolveLocale(request));
    }

    private static boolean machine(String path) {
        return path.startsWith("/actuator/") || Languages.MACHINE_PATHS.stream().anyMatch(path::startsWith);
    }

    /** The error page in the site's layout, rendered here since Spring MVC is not reached; plain text if even that fails. */
    private void page(HttpServletRequest request, HttpServletResponse response, String path, Locale locale, Map<String, Object> more)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, languages);
        // the layout would put a CSRF token into the page for a session that is never saved: it has no form to send
        request.removeAttribute("_csrf");
        request.removeAttribute(CsrfToken.class.getName());
        try {
            var view = views.getObject().resolveViewName("error", locale);
            if (view != null) {
                var model = new HashMap<String, Object>();
                model.put("status", 503);
                model.put("currentPath", path.isEmpty() ? "/" : path);
                model.put("navigation", List.of());
                model.putAll(more);
                // the same page again is the one next step, where asking again cannot do anything twice
                if ("GET".equals(request.getMethod())) {
                    model.put("retry", request.getQueryString() == null ? path : path + "?" + request.getQueryString());
                }
                view.render(model, request, response);
                return;
            }
        } catch (Exception failed) {
            log.debug("The error page could not be rendered: {}", failed.toString());
            if (response.isCommitted()) {
                return;
            }
            response.resetBuffer();
        }
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><meta charset=\"utf-8\"><p>"
                + HtmlUtils.htmlEscape(more.containsKey("detail") ? more.get("detail").toString() : messages.getMessage("error.503", null, locale))
                + "</p>");
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /**
         * Ordered before request admission ({@code SessionRepositoryFilter.DEFAULT_ORDER - 1}) and so
         * before the session store and security, after the request's metrics, which count the 503.
         */
        @Bean
        FilterRegistrationBean<UnavailableAnswers> unavailableAnswers(MessageSource messages, LocaleResolver languages,
                                                                      @Qualifier("thymeleafViewResolver") ObjectProvider<ViewResolver> views,
                                                                      StartupProgress startup) {
            var registration = new FilterRegistrationBean<>(new UnavailableAnswers(messages, languages, views, startup));
            registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 2);
            registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
            return registration;
        }
    }
}
