package io.gongzhi.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The two languages of the platform: Simplified Chinese by default, English on request.
 * {@code ?lang=en} or {@code ?lang=zh-CN} on any page switches, and a cookie keeps the
 * choice for a year. Without the cookie pages are Chinese and the APIs for machine clients
 * (the REST API, Open311) follow the client's Accept-Language; any other language falls back
 * to Chinese rather than showing broken text.
 */
@Configuration(proxyBeanMethods = false)
class Languages implements WebMvcConfigurer {

    static final String COOKIE = "gongzhi-lang";
    static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
    /** Where machine clients call: they say their language in Accept-Language, not with a cookie. */
    static final List<String> MACHINE_PATHS = List.of("/api/", "/open311/");

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver(COOKIE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        // Without the cookie, pages are Chinese whatever the browser says (English is an explicit
        // choice); the REST API and Open311 follow the client's Accept-Language, as machine clients expect.
        resolver.setDefaultLocaleFunction(request -> machine(request) && request.getHeader("Accept-Language") != null
                ? supported(request.getLocale().toLanguageTag()).orElse(Locale.SIMPLIFIED_CHINESE)
                : Locale.SIMPLIFIED_CHINESE);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String lang = request.getParameter("lang");
                if (lang != null) {
                    supported(lang).ifPresent(locale ->
                            RequestContextUtils.getLocaleResolver(request).setLocale(request, response, locale));
                }
                return true;
            }
        });
    }

    private static boolean machine(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return MACHINE_PATHS.stream().anyMatch(path::startsWith);
    }

    static Optional<Locale> supported(String tag) {
        Locale asked = Locale.forLanguageTag(tag.replace('_', '-'));
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(asked.getLanguage())).findFirst();
    }
}
