package io.gongzhi.platform.web;

import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 9457 answers for the REST API: a stable {@code code}, a title in the caller's
 * language and, for bad input, every reason with where it was found.
 */
@RestControllerAdvice(annotations = RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ProblemAnswers {

    private final io.gongzhi.platform.Refusals refusals;

    ProblemAnswers(io.gongzhi.platform.Refusals refusals) {
        this.refusals = refusals;
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput invalid) {
        var problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "problem.invalid-input");
        List<Map<String, Object>> errors = invalid.violations().stream().map(this::error).toList();
        problem.setProperty("errors", errors);
        return problem;
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

    /** A body that is not JSON, or not of the expected shape (a word where a number belongs, a field missing). */
    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ProblemDetail unreadable(org.springframework.http.converter.HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "body-unreadable", "problem.body-unreadable");
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound notFound) {
        return problem(HttpStatus.NOT_FOUND, notFound.code(), "problem.not-found");
    }

    @ExceptionHandler(io.gongzhi.shared.NotPermitted.class)
    ProblemDetail notPermitted(io.gongzhi.shared.NotPermitted refused) {
        var problem = problem(HttpStatus.FORBIDDEN, refused.code(), "problem.forbidden");
        problem.setDetail(refusals.message(refused));
        return problem;
    }

    @ExceptionHandler(io.gongzhi.shared.Conflict.class)
    ProblemDetail conflict(io.gongzhi.shared.Conflict conflict) {
        var problem = problem(HttpStatus.CONFLICT, conflict.code(), "problem.conflict");
        problem.setDetail(refusals.message(conflict));
        return problem;
    }

    private ProblemDetail problem(HttpStatus status, String code, String titleKey) {
        var problem = ProblemDetail.forStatus(status);
        problem.setTitle(refusals.text(titleKey, null));
        problem.setProperty("code", code);
        return problem;
    }
}
