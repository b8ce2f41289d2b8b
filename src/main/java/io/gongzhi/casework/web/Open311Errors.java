package io.gongzhi.casework.web;

import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Violation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every Open311 error as the spec's errors list, in the format the path asks for ({@code .json},
 * otherwise XML, the spec's required one) and the caller's language: the operations' refusals,
 * bad input found by the case loop (named by the spec's fields, not the case loop's own), and
 * what Spring MVC would otherwise answer in its own format before any operation is reached: an
 * unknown path (404) and a method the path does not take (405).
 */
@Component
class Open311Errors implements HandlerExceptionResolver, Ordered {

    /** The case loop's names for what the spec calls these fields. */
    private static final Map<String, String> SPEC_FIELDS = Map.of(
            "category", "service_code",
            "description", "description",
            "address", "address_string",
            "reporterName", "first_name/last_name",
            "contactPhone", "phone",
            "mediaUrl", "media_url",
            "place", "address_id",
            "lon", "long",
            "lat", "lat");

    /** A refusal in the spec's error format. */
    static final class Refusal extends RuntimeException {
        final HttpStatus status;
        final List<String> descriptions;

        Refusal(HttpStatus status, List<String> descriptions) {
            super(String.join("; ", descriptions));
            this.status = status;
            this.descriptions = descriptions;
        }
    }

    private final MessageSource messages;

    Open311Errors(MessageSource messages) {
        this.messages = messages;
    }

    String say(String key, Object... args) {
        return say(LocaleContextHolder.getLocale(), key, args);
    }

    private String say(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    Refusal refusal(HttpStatus status, String key, Object... args) {
        return new Refusal(status, List.of(say(key, args)));
    }

    /** The operation's answer, or its refusal as the spec's errors list. */
    ResponseEntity<String> answer(String format, Supplier<ResponseEntity<String>> work) {
        try {
            return work.get();
        } catch (Refusal r) {
            return GeoReport.errors(format, r.status, r.descriptions);
        } catch (InvalidInput bad) {
            return GeoReport.errors(format, HttpStatus.BAD_REQUEST, bad.violations().stream().map(this::description).toList());
        }
    }

    private String description(Violation v) {
        // a name the spec does not know would only puzzle a client: the reason is then said without one
        String field = v.where() == null ? null : SPEC_FIELDS.get(v.where());
        String reason = say(v.code(), v.args().toArray());
        return field == null ? reason : field + ": " + reason;
    }

    /** Before Spring MVC's own answers (order 0), after Spring Boot's error attributes, which only take note. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(Open311Api.ROOT + "/")) {
            return null;
        }
        Locale locale = locale(request);
        String format = path.endsWith(".json") ? "json" : "xml";
        ResponseEntity<String> answer;
        if (ex instanceof HttpRequestMethodNotSupportedException wrong) {
            String allowed = wrong.getSupportedMethods() == null ? "" : String.join(", ", wrong.getSupportedMethods());
            answer = GeoReport.errors(format, HttpStatus.METHOD_NOT_ALLOWED,
                    List.of(say(locale, "open311.method-not-allowed", wrong.getMethod(), path, allowed)));
            response.setHeader(HttpHeaders.ALLOW, allowed);
        } else if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            answer = GeoReport.errors(format, HttpStatus.NOT_FOUND, List.of(say(locale, "open311.path-unknown", path)));
        } else {
            return null;
        }
        try {
            response.setStatus(answer.getStatusCode().value());
            response.setContentType(String.valueOf(answer.getHeaders().getContentType()));
            response.getOutputStream().write(answer.getBody().getBytes(StandardCharsets.UTF_8));
        } catch (IOException gone) {
            // the client left; there is nobody to answer
        }
        return new ModelAndView();
    }

    /**
     * The caller's language. When no operation matched, no handler interceptor ran, the one that
     * reads {@code lang=} included, so it is read here; otherwise the request's own (the cookie, or
     * Accept-Language).
     */
    private static Locale locale(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        String language = lang == null ? "" : Locale.forLanguageTag(lang.strip().replace('_', '-')).getLanguage();
        return switch (language) {
            case "en" -> Locale.ENGLISH;
            case "zh" -> Locale.SIMPLIFIED_CHINESE;
            default -> LocaleContextHolder.getLocale();
        };
    }
}
