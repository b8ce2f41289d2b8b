package io.gongzhi.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the handler of a request whose path holds a variable ({@code /api/emergency/directives/7/acknowledgements})
 * without asking every one of the application's several hundred mappings whether it matches. Spring MVC
 * finds a path without variables in a map, but for the others it checks every mapping's method, headers,
 * media types and patterns in turn; under a storm of acknowledgements that search was a fifth of the
 * node's processor time. Here a mapping is skipped at once when the request's path does not begin with
 * the literal start of any of its patterns (the part before the first segment with a variable or a
 * wildcard), which no path that the pattern matches can lack; everything else is Spring's own matching,
 * so which handler answers, and how a path without one is answered (404, 405, 415), do not change. An
 * encoded path ({@code %}) is searched the whole way, since patterns match its decoded segments.
 */
@Configuration(proxyBeanMethods = false)
class HandlerLookup {

    @Bean
    WebMvcRegistrations quickHandlerLookup() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new Mapping();
            }
        };
    }

    /** The literal starts of a mapping's patterns; none when any pattern may match every path, or patterns are not parsed ones. */
    static List<String> starts(RequestMappingInfo info) {
        PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
        if (patterns == null || patterns.isEmptyPathMapping()) {
            return List.of();
        }
        var starts = new ArrayList<String>();
        for (PathPattern pattern : patterns.getPatterns()) {
            String start = literalStart(pattern.getPatternString());
            if (start.length() <= 1) {
                return List.of();
            }
            starts.add(start);
        }
        return List.copyOf(starts);
    }

    /** The pattern up to the segment holding its first variable or wildcard (all of it when there is none). */
    static String literalStart(String pattern) {
        int first = pattern.length();
        for (char c : new char[] {'{', '*', '?'}) {
            int at = pattern.indexOf(c);
            if (at >= 0) {
                first = Math.min(first, at);
            }
        }
        if (first == pattern.length()) {
            return pattern;
        }
        String start = pattern.substring(0, pattern.lastIndexOf('/', first) + 1);
        String rest = pattern.substring(start.length());
        // "/files/**" and "/files/{*rest}" also match "/files" itself: their start ends before the slash
        if (start.length() > 1 && (rest.startsWith("**") || rest.startsWith("{*"))) {
            return start.substring(0, start.length() - 1);
        }
        return start;
    }

    /** Whether a path may be matched by a mapping whose patterns begin with {@code starts} (none: any path). */
    static boolean mayMatch(List<String> starts, String path) {
        if (starts.isEmpty() || path.indexOf('%') >= 0) {
            return true;
        }
        for (String start : starts) {
            if (path.startsWith(start)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Spring's mapping, looking a path with variables up among the mappings indexed under its first
     * one or two segments (and those whose patterns start with a variable) instead of among all.
     * Spring's own lookup answers a path that is some mapping's literal path, a CORS pre-flight, an
     * encoded path, a path none of the candidates matches (so 404, 405 and 415 are Spring's own) and
     * two equally good matches (Spring's error).
     */
    static final class Mapping extends RequestMappingHandlerMapping {

        private record Candidate(RequestMappingInfo info, HandlerMethod handler, List<String> starts) {
        }

        private record Index(Set<String> directPaths, Map<String, List<Candidate>> bySegments, List<Candidate> anywhere) {

            List<Candidate> candidates(String path) {
                int second = path.indexOf('/', 1);
                String one = second < 0 ? path : path.substring(0, second);
                int third = second < 0 ? -1 : path.indexOf('/', second + 1);
                String two = second < 0 ? null : third < 0 ? path : path.substring(0, third);
                var found = new ArrayList<Candidate>(anywhere);
                found.addAll(bySegments.getOrDefault(one, List.of()));
                if (two != null) {
                    // a mapping filed under both (patterns "/a/{x}" and "/a/b/{y}") is asked once, or it would tie with itself
                    for (Candidate c : bySegments.getOrDefault(two, List.of())) {
                        if (found.stream().noneMatch(f -> f == c)) {
                            found.add(c);
                        }
                    }
                }
                return found;
            }
        }

        private volatile Index index;

        @Override
        protected void registerHandlerMethod(Object handler, java.lang.reflect.Method method, RequestMappingInfo mapping) {
            super.registerHandlerMethod(handler, method, mapping);
            index = null;
        }

        @Override
        public void registerMapping(RequestMappingInfo mapping, Object handler, java.lang.reflect.Method method) {
            index = null;
            super.registerMapping(mapping, handler, method);
            index = null;
        }

        @Override
        public void unregisterMapping(RequestMappingInfo mapping) {
            index = null;
            super.unregisterMapping(mapping);
            index = null;
        }

        /** The mappings asked for a path (those filed under its first segments and those filed nowhere in particular). */
        List<RequestMappingInfo> candidates(String path) {
            Index at = index;
            if (at == null) {
                at = index = index();
            }
            return at.candidates(path).stream().map(Candidate::info).toList();
        }

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            Index at = index;
            if (at == null) {
                at = index = index();
            }
            if (at.directPaths().contains(lookupPath) || lookupPath.indexOf('%') >= 0 || !lookupPath.startsWith("/")
                    || CorsUtils.isPreFlightRequest(request) || getPatternParser() == null || !getPatternParser().isCaseSensitive()) {
                return super.lookupHandlerMethod(lookupPath, request);
            }
            RequestMappingInfo best = null;
            HandlerMethod handler = null;
            RequestMappingInfo second = null;
            Comparator<RequestMappingInfo> order = null;
            for (Candidate candidate : at.candidates(lookupPath)) {
                if (!mayMatch(candidate.starts(), lookupPath)) {
                    continue;
                }
                RequestMappingInfo match = getMatchingMapping(candidate.info(), request);
                if (match == null) {
                    continue;
                }
                if (best == null) {
                    best = match;
                    handler = candidate.handler();
                    continue;
                }
                order = order == null ? getMappingComparator(request) : order;
                if (order.compare(match, best) < 0) {
                    second = best;
                    best = match;
                    handler = candidate.handler();
                } else if (second == null || order.compare(match, second) < 0) {
                    second = match;
                }
            }
            if (best == null || second != null && order.compare(best, second) == 0) {
                return super.lookupHandlerMethod(lookupPath, request);
            }
            request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
            handleMatch(best, lookupPath, request);
            return handler;
        }

        private Index index() {
            var direct = new HashSet<String>();
            var bySegments = new HashMap<String, List<Candidate>>();
            var anywhere = new ArrayList<Candidate>();
            getHandlerMethods().forEach((info, handler) -> {
                direct.addAll(getDirectPaths(info));
                var candidate = new Candidate(info, handler, starts(info));
                var keys = new HashSet<String>();
                for (String start : candidate.starts()) {
                    keys.add(key(start));
                }
                if (candidate.starts().isEmpty() || keys.contains("")) {
                    anywhere.add(candidate);
                } else {
                    keys.forEach(k -> bySegments.computeIfAbsent(k, x -> new ArrayList<>()).add(candidate));
                }
            });
            return new Index(Set.copyOf(direct), Map.copyOf(bySegments), List.copyOf(anywhere));
        }

        /**
         * Where a literal start is filed: its first two whole segments ("/api/emergency" for
         * "/api/emergency/directives/"), else its first ("/cases" for "/cases/"), else nowhere in
         * particular (""). A start without a trailing slash is a whole literal pattern, every segment whole.
         */
        static String key(String start) {
            String whole = start.endsWith("/") ? start.substring(0, start.length() - 1) : start;
            if (whole.isEmpty()) {
                return "";
            }
            int second = whole.indexOf('/', 1);
            if (second < 0) {
                return whole;
            }
            int third = whole.indexOf('/', second + 1);
            return third < 0 ? whole : whole.substring(0, third);
        }
    }
}
