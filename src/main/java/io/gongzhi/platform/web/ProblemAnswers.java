package io.gongzhi.platform.web;

import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;
import java.util.Map;

/**
 * RFC 9457 answers for the REST API: a stable {@code code}, a title in the caller's
 * language and, for bad input, every reason with where it was found.
 */
@RestControllerAdvice(annotations = RestController.class)
class ProblemAnswers {

    private final MessageSource messages;

    ProblemAnswers(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput invalid) {
        var problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "problem.invalid-input");
        List<Map<String, Object>> errors = invalid.violations().stream()
                .map(v -> Map.<String, Object>of(
                        "where", v.where() == null ? "" : v.where(),
                        "code", v.code(),
                        "message", messages.getMessage(v.code(), v.args().toArray(), v.code(), LocaleContextHolder.getLocale())))
                .toList();
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound notFound) {
        return problem(HttpStatus.NOT_FOUND, notFound.code(), "problem.not-found");
    }

    private ProblemDetail problem(HttpStatus status, String code, String titleKey) {
        var problem = ProblemDetail.forStatus(status);
        problem.setTitle(messages.getMessage(titleKey, null, titleKey, LocaleContextHolder.getLocale()));
        problem.setProperty("code", code);
        return problem;
    }
}
