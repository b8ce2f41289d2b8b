package io.gongzhi.platform.web;

import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Violation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Text with a NUL character (U+0000) is refused at the door, as bad input naming the parameter:
 * nobody types one, and PostgreSQL cannot store or even compare it, so it would otherwise fail
 * deep inside a query as a server error. Query and form parameters are checked before the handler
 * runs, JSON bodies before they are read. Open311 is left to its own door, which drops the
 * characters XML cannot carry (NUL among them) and answers in the spec's format.
 */
@ControllerAdvice
class NulCharacters extends RequestBodyAdviceAdapter implements HandlerInterceptor, WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/open311/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\u0000') >= 0) {
                    throw new InvalidInput(Violation.of(parameter.getKey(), "problem.nul-character"));
                }
            }
        }
        return true;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] body = message.getBody().readAllBytes();
        if (hasNul(body)) {
            throw new InvalidInput(Violation.of("body", "problem.nul-character"));
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public org.springframework.http.HttpHeaders getHeaders() {
                return message.getHeaders();
            }
        };
    }

    /** A raw NUL byte, or JSON's escape of one ({@code \u0000} after an odd number of backslashes). */
    static boolean hasNul(byte[] body) {
        for (byte b : body) {
            if (b == 0) {
                return true;
            }
        }
        String text = new String(body, StandardCharsets.UTF_8);
        for (int at = text.indexOf("u0000"); at >= 0; at = text.indexOf("u0000", at + 1)) {
            int backslashes = 0;
            for (int i = at - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
                backslashes++;
            }
            if (backslashes % 2 == 1) {
                return true;
            }
        }
        return false;
    }
}
