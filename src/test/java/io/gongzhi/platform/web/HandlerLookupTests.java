package io.gongzhi.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick handler lookup never skips a mapping that matches: every path that any of the
 * application's mappings matches (Spring's own check) passes the quick test of that mapping, and
 * each mapping's own sample path still reaches a handler for it.
 */
@SpringBootTest
class HandlerLookupTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void theApplicationUsesTheQuickLookup() {
        assertThat(mapping).isInstanceOf(HandlerLookup.Mapping.class);
    }

    @Test
    void theLiteralStartOfAPatternEndsBeforeTheSegmentWithItsFirstVariable() {
        assertThat(HandlerLookup.literalStart("/api/emergency/directives/{id}/acknowledgements")).isEqualTo("/api/emergency/directives/");
        assertThat(HandlerLookup.literalStart("/api/cases")).isEqualTo("/api/cases");
        assertThat(HandlerLookup.literalStart("/r/*/files/*")).isEqualTo("/r/");
        assertThat(HandlerLookup.literalStart("/cases/report-{kind}.xlsx")).isEqualTo("/cases/");
        assertThat(HandlerLookup.literalStart("/**")).isEqualTo("/");
        assertThat(HandlerLookup.mayMatch(List.of("/api/emergency/directives/"), "/api/cases/7")).isFalse();
        assertThat(HandlerLookup.mayMatch(List.of("/api/emergency/directives/"), "/api/emergency/%64irectives/7/acknowledgements"))
                .as("an encoded path is searched the whole way").isTrue();
        assertThat(HandlerLookup.mayMatch(List.of(), "/anything")).isTrue();
    }

    @Test
    void noMappingIsSkippedForAPathItMatches() {
        var infos = mapping.getHandlerMethods().keySet();
        var paths = new ArrayList<String>();
        for (RequestMappingInfo info : infos) {
            if (info.getPathPatternsCondition() != null) {
                info.getPathPatternsCondition().getPatterns().stream().map(PathPattern::getPatternString).map(HandlerLookupTests::sample).forEach(paths::add);
            }
        }
        assertThat(paths).hasSizeGreaterThan(200);
        int matched = 0;
        for (String path : paths) {
            for (String method : List.of("GET", "POST")) {
                var request = request(method, path);
                for (RequestMappingInfo info : infos) {
                    if (info.getMatchingCondition(request) != null) {
                        matched++;
                        assertThat(HandlerLookup.mayMatch(HandlerLookup.starts(info), path)).as(method + " " + path + " matches " + info).isTrue();
                    }
                }
            }
        }
        assertThat(matched).isGreaterThan(paths.size() / 2);
    }

    @Test
    void everyMappingsSamplePathReachesTheHandlerSpringsFullSearchChooses() throws Exception {
        var all = mapping.getHandlerMethods();
        int checked = 0;
        for (var entry : all.entrySet()) {
            RequestMappingInfo info = entry.getKey();
            if (info.getPathPatternsCondition() == null || info.getPathPatternsCondition().isEmptyPathMapping()) {
                continue;
            }
            Set<org.springframework.web.bind.annotation.RequestMethod> methods = info.getMethodsCondition().getMethods();
            String method = methods.isEmpty() ? "GET" : methods.iterator().next().name();
            String path = sample(info.getPathPatternsCondition().getFirstPattern().getPatternString());
            var request = request(method, path);
            info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst().ifPresent(type -> request.setContentType(type.toString()));
            info.getParamsCondition().getExpressions().forEach(p -> {
                if (!p.isNegated()) {
                    request.setParameter(p.getName(), p.getValue() == null ? "1" : p.getValue());
                }
            });
            // Spring's own search: every mapping asked, the best by its order
            var matches = new ArrayList<Map.Entry<RequestMappingInfo, HandlerMethod>>();
            all.forEach((i, h) -> {
                RequestMappingInfo m = i.getMatchingCondition(request);
                if (m != null) {
                    matches.add(Map.entry(m, h));
                }
            });
            matches.sort((a, b) -> a.getKey().compareTo(b.getKey(), request));
            assertThat(matches).as(method + " " + path).isNotEmpty();
            HandlerExecutionChain chain = mapping.getHandler(request(request));
            assertThat(chain).as(method + " " + path).isNotNull();
            assertThat(((HandlerMethod) chain.getHandler()).getMethod()).as(method + " " + path).isEqualTo(matches.get(0).getValue().getMethod());
            checked++;
        }
        assertThat(checked).isGreaterThan(200);
    }

    @Test
    void everyPatternsSamplePathFindsItsMappingAmongTheFewAsked() {
        var quick = (HandlerLookup.Mapping) mapping;
        int checked = 0;
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            if (info.getPathPatternsCondition() == null || info.getPathPatternsCondition().isEmptyPathMapping()) {
                continue;
            }
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String path = sample(pattern.getPatternString());
                assertThat(quick.candidates(path)).as(path + " asks " + info).anyMatch(c -> c == info);
                assertThat(HandlerLookup.mayMatch(HandlerLookup.starts(info), path)).as(path).isTrue();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(200);
        assertThat(quick.candidates("/api/emergency/directives/7/acknowledgements")).as("the few, not all")
                .hasSizeLessThan(mapping.getHandlerMethods().size() / 4);
    }

    @Test
    void aRestOfPathPatternAlsoMatchesItsBarePrefix() {
        assertThat(HandlerLookup.literalStart("/files/**")).isEqualTo("/files");
        assertThat(HandlerLookup.literalStart("/api/files/{*rest}")).isEqualTo("/api/files");
        var parser = new org.springframework.web.util.pattern.PathPatternParser();
        assertThat(parser.parse("/files/**").matches(org.springframework.http.server.PathContainer.parsePath("/files")))
                .as("as Spring matches it").isTrue();
        assertThat(HandlerLookup.mayMatch(List.of(HandlerLookup.literalStart("/files/**")), "/files")).isTrue();
        assertThat(HandlerLookup.Mapping.key(HandlerLookup.literalStart("/files/**"))).isEqualTo("/files");
    }

    @Test
    void aPathNoMappingMatchesIsAnsweredAsSpringAnswersIt() throws Exception {
        assertThat(mapping.getHandler(request("GET", "/api/emergency/directives/7/no-such-thing"))).isNull();
        var wrongMethod = request("DELETE", "/api/emergency/directives/7/acknowledgements");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mapping.getHandler(wrongMethod))
                .isInstanceOf(org.springframework.web.HttpRequestMethodNotSupportedException.class);
    }

    @Test
    void aPatternIsFiledUnderItsFirstTwoWholeSegments() {
        assertThat(HandlerLookup.Mapping.key("/api/emergency/directives/")).isEqualTo("/api/emergency");
        assertThat(HandlerLookup.Mapping.key("/cases/")).isEqualTo("/cases");
        assertThat(HandlerLookup.Mapping.key("/api/cases")).isEqualTo("/api/cases");
        assertThat(HandlerLookup.Mapping.key("/")).isEqualTo("");
    }

    /** A copy of a request as the dispatcher would hand it over (its parsed path cached afresh). */
    static MockHttpServletRequest request(MockHttpServletRequest original) {
        var copy = request(original.getMethod(), original.getRequestURI());
        copy.setContentType(original.getContentType());
        copy.setParameters(original.getParameterMap());
        return copy;
    }

    /** A path the pattern matches: variables as "7" (a choice as its first), a wildcard segment as "x", a rest-of-path as "x/y". */
    static String sample(String pattern) {
        return pattern.replaceAll("\\{\\w+:(\\w+)\\|[^}]*}", "$1").replaceAll("\\{\\*[^}]*}", "x/y").replace("**", "x/y").replaceAll("\\{[^}]*}", "7").replace("*", "x");
    }

    static MockHttpServletRequest request(String method, String path) {
        var request = new MockHttpServletRequest(method, path);
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }
}
