package io.gongzhi.platform.web;

import io.gongzhi.platform.Refusals;
import io.gongzhi.shared.Conflict;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.NotPermitted;
import io.gongzhi.shared.TooMany;
import io.gongzhi.shared.Violation;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How every handler answers a refusal. One that answers data (the REST API, a download) gets an
 * RFC 9457 problem: a stable {@code code}, a title in the caller's language and, for bad input,
 * every reason with where it was found. A page gets the error page with the same status and the
 * reasons in words. Bad parameters the framework meets before a handler runs (a word where a
 * number belongs, a missing parameter, a multipart body without its boundary) are bad input too,
 * named by their parameter, never a server error.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemAnswers {

    private final Refusals refusals;

    ProblemAnswers(Refusals refusals) {
        this.refusals = refusals;
    }

    @ExceptionHandler(InvalidInput.class)
    Object invalid(InvalidInput invalid, HandlerMethod handler) {
        return refused(handler, HttpStatus.BAD_REQUEST, "invalid-input", "problem.invalid-input", invalid.violations(), null);
    }

    /**
     * A body that is not JSON, or not of the expected shape: a value of the wrong type (a word where a
     * number belongs, a number where a list does) is bad input naming its field ({@code ackHours},
     * {@code units[0]}) and what belongs there; anything else (not JSON at all) is an unreadable body.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpMessageNotReadableException e, HandlerMethod handler) {
        var field = BodyFields.wrong(e);
        if (field != null) {
            return refused(handler, HttpStatus.BAD_REQUEST, "invalid-input", "problem.invalid-input", List.of(field), null);
        }
        return refused(handler, HttpStatus.BAD_REQUEST, "body-unreadable", "problem.body-unreadable", List.of(), null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object mismatch(MethodArgumentTypeMismatchException e, HandlerMethod handler) {
        String value = e.getValue() == null ? "" : String.valueOf(e.getValue());
        return refused(handler, HttpStatus.BAD_REQUEST, "invalid-input", "problem.invalid-input",
                List.of(Violation.of(e.getName(), "problem.parameter-invalid", value.length() > 100 ? value.substring(0, 100) + "…" : value)), null);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    Object missing(MissingServletRequestParameterException e, HandlerMethod handler) {
        return refused(handler, HttpStatus.BAD_REQUEST, "invalid-input", "problem.invalid-input",
                List.of(Violation.of(e.getParameterName(), "problem.parameter-missing")), null);
    }

    /**
     * A multipart body that cannot be read fails before any handler is chosen (no boundary, say):
     * then it is answered as data, as the API that such a request can only have come from.
     */
    @ExceptionHandler({MissingServletRequestPartException.class, MultipartException.class})
    Object multipart(Exception e, jakarta.servlet.http.HttpServletRequest request) {
        HandlerMethod handler = chosen(request);
        String part = e instanceof MissingServletRequestPartException m ? m.getRequestPartName() : "file";
        return refused(handler, HttpStatus.BAD_REQUEST, "invalid-input", "problem.invalid-input",
                List.of(Violation.of(part, "problem.multipart-unreadable")), null);
    }

    /** A method the path does not take (405, with the ones it does in {@code Allow}), found before any handler is chosen. */
    @ExceptionHandler(org.springframework.web.HttpRequestMethodNotSupportedException.class)
    Object wrongMethod(org.springframework.web.HttpRequestMethodNotSupportedException e, jakarta.servlet.http.HttpServletRequest request,
                       jakarta.servlet.http.HttpServletResponse response) {
        var allowed = e.getSupportedHttpMethods() == null ? "" : String.join(", ", e.getSupportedHttpMethods().stream().map(Object::toString).toList());
        if (!allowed.isEmpty()) {
            response.setHeader("Allow", allowed);
        }
        return refused(chosen(request), request, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "problem.method-not-allowed", List.of(),
                refusals.text("problem.method-not-allowed.detail", new Object[] {e.getMethod(), allowed}));
    }

    /** A body of a kind the handler does not read (415: JSON sent as a form, or without a content type), naming what it reads. */
    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotSupportedException.class)
    Object wrongMediaType(org.springframework.web.HttpMediaTypeNotSupportedException e, jakarta.servlet.http.HttpServletRequest request) {
        var readable = e.getSupportedMediaTypes().stream().map(MediaType::toString).filter(t -> !t.contains("*")).distinct().limit(3).toList();
        return refused(chosen(request), request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "problem.unsupported-media-type",
                List.of(), refusals.text("problem.unsupported-media-type.detail", new Object[] {String.join(", ", readable)}));
    }

    /** The handler the dispatcher chose, if it got that far. */
    private static HandlerMethod chosen(jakarta.servlet.http.HttpServletRequest request) {
        return request.getAttribute(org.springframework.web.servlet.HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod h ? h : null;
    }

    @ExceptionHandler(NotFound.class)
    Object notFound(NotFound notFound, HandlerMethod handler) {
        return refused(handler, HttpStatus.NOT_FOUND, notFound.code(), "problem.not-found", List.of(), null);
    }

    @ExceptionHandler(NotPermitted.class)
    Object notPermitted(NotPermitted refused, HandlerMethod handler) {
        return refused(handler, HttpStatus.FORBIDDEN, refused.code(), "problem.forbidden", List.of(), refusals.message(refused));
    }

    @ExceptionHandler(TooMany.class)
    Object tooMany(TooMany tooMany, HandlerMethod handler, jakarta.servlet.http.HttpServletResponse response) {
        response.setHeader("Retry-After", String.valueOf(tooMany.retryAfterSeconds()));
        return refused(handler, HttpStatus.TOO_MANY_REQUESTS, tooMany.code(), "problem.too-many", List.of(),
                refusals.text(tooMany.code(), tooMany.args().toArray()));
    }

    @ExceptionHandler(Conflict.class)
    Object conflict(Conflict conflict, HandlerMethod handler) {
        return refused(handler, HttpStatus.CONFLICT, conflict.code(), "problem.conflict", List.of(), refusals.message(conflict));
    }

    private Object refused(HandlerMethod handler, HttpStatus status, String code, String titleKey, List<Violation> reasons, String detail) {
        return refused(handler, null, status, code, titleKey, reasons, detail);
    }

    /**
     * Data for a handler that answers data; the error page for one that renders pages; with no handler chosen yet,
     * data for the API's paths ({@code /api/}) and the error page for the rest, which only browsers ask for.
     */
    private Object refused(HandlerMethod handler, jakarta.servlet.http.HttpServletRequest request, HttpStatus status, String code, String titleKey,
                           List<Violation> reasons, String detail) {
        boolean forPage = handler != null ? !answersData(handler)
                : request != null && !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        if (forPage) {
            var page = new ModelAndView("error", status);
            page.addObject("status", status.value());
            page.addObject("reasons", reasons.stream().map(v -> (v.where() == null || v.where().isBlank() ? "" : v.where() + ": ")
                    + refusals.message(v)).toList());
            page.addObject("detail", detail);
            return page;
        }
        var problem = ProblemDetail.forStatus(status);
        problem.setTitle(refusals.text(titleKey, null));
        problem.setProperty("code", code);
        if (detail != null) {
            problem.setDetail(detail);
        }
        if (!reasons.isEmpty()) {
            problem.setProperty("errors", reasons.stream().map(this::error).toList());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private Map<String, Object> error(Violation v) {
        var error = new LinkedHashMap<String, Object>();
        if (v.line() != null) {
            error.put("line", v.line());
        }
        error.put("where", v.where() == null ? "" : v.where());
        error.put("code", v.code());
        error.put("message", refusals.message(v));
        return error;
    }

    /** Whether the handler answers data (JSON, a file) rather than a page to render. */
    static boolean answersData(HandlerMethod handler) {
        Class<?> type = handler.getReturnType().getParameterType();
        return handler.hasMethodAnnotation(ResponseBody.class) || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
                || HttpEntity.class.isAssignableFrom(type) || type == byte[].class;
    }
}
