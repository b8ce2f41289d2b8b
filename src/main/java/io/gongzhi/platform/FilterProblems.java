package io.gongzhi.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;

/**
 * RFC 9457 answers written by servlet filters, before Spring MVC (and its problem answers) is
 * reached: the same shape as the API's other problems, a stable code and a title in the
 * caller's language.
 */
public final class FilterProblems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FilterProblems() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String code, String title)
            throws IOException {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("instance", request.getRequestURI());
        body.put("code", code);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
