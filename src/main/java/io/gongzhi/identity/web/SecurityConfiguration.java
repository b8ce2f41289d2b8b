package io.gongzhi.identity.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may reach what over HTTP. Everything needs a signed-in user except the login page,
 * static assets, the health probe (details only for administrators), the OpenAPI
 * description and, unless switched off, the Prometheus scrape. Sessions live in the
 * database (Spring Session JDBC) so any node can serve any user.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    @Bean
    SecurityFilterChain web(HttpSecurity http, ContentSecurityPolicy csp,
                            @Value("${gongzhi.metrics-open:true}") boolean metricsOpen) throws Exception {
        http.authorizeHttpRequests(requests -> {
            requests.requestMatchers("/login", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico").permitAll();
            requests.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll();
            requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll();
            if (metricsOpen) {
                requests.requestMatchers(EndpointRequest.to("prometheus")).permitAll();
            }
            requests.requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole("SYSTEM_ADMIN");
            requests.anyRequest().authenticated();
        });
        http.formLogin(form -> form
                .loginPage("/login")
                .defaultSuccessUrl("/", false)
                .failureHandler(LoginController.rememberingUsername()));
        http.logout(logout -> logout
                .logoutUrl("/logout")
                .logoutSuccessUrl("/login?logout")
                .invalidateHttpSession(true)
                .clearAuthentication(true)
                .deleteCookies("SESSION"));
        // The API answers 401 instead of redirecting machine clients to a login page;
        // everything else goes to the login page whatever the Accept header says.
        var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        var entryPoint = DelegatingAuthenticationEntryPoint.builder()
                .addEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
                .defaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
                .build();
        http.exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint));
        http.headers(headers -> headers
                .contentSecurityPolicy(policy -> policy.policyDirectives(csp.directives()))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
