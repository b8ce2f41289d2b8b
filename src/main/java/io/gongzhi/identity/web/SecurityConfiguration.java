package io.gongzhi.identity.web;

import io.gongzhi.audit.Audit;
import io.gongzhi.platform.StaticFiles;
import io.gongzhi.audit.Outcome;
import io.gongzhi.identity.internal.AccountSignIn;
import io.gongzhi.identity.internal.SignInProvider;
import io.gongzhi.identity.internal.SignedInUser;
import io.gongzhi.shared.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import java.time.Clock;
import java.time.Duration;

/**
 * Who may reach what over HTTP. Everything needs a complete sign-in (password, and the
 * second factor where there is one) or an API token, except the login page, static assets,
 * the health probe (details only for administrators), the OpenAPI description and, unless
 * switched off, the Prometheus scrape. Which signed-in user may do what is checked per page
 * and API call by its permission ({@code @PreAuthorize}). Sessions live in the database
 * (Spring Session JDBC) so any node can serve any user.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * No observation (timer, span) per security filter, authentication and authorization check:
     * they cost about a fifth of a small API call's CPU and tell nothing the request's own
     * {@code http.server.requests} timer and the audit log do not. Switched back on with
     * {@code gongzhi.security-observations=true} when tracing the filter chain itself.
     */
    @Bean
    SecurityObservationSettings securityObservations(@Value("${gongzhi.security-observations:false}") boolean on) {
        return on ? SecurityObservationSettings.withDefaults().build() : SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, ContentSecurityPolicy csp, SignInFlow signIn, Denials denials,
                            AccountSignIn accounts, PasswordEncoder encoder, TokenAuthentications tokenAuthentications, Audit audit, Clock clock,
                            @Value("${gongzhi.metrics-open:true}") boolean metricsOpen) throws Exception {
        // Only this provider, with no parent manager to fall back on: a refused password is
        // hashed once, so a wrong password, an unknown user and a locked account cost the same.
        http.authenticationManager(new ProviderManager(new SignInProvider(accounts, encoder)));
        http.authorizeHttpRequests(requests -> who(requests, metricsOpen));
        http.formLogin(form -> form
                .loginPage("/login")
                .usernameParameter(SignInFlow.USERNAME_PARAMETER)
                .successHandler(signIn::passwordAccepted)
                .failureHandler(LoginController.rememberingUsername(signIn)));
        http.logout(logout -> logout
                .logoutUrl("/logout")
                .addLogoutHandler((request, response, authentication) -> {
                    if (authentication != null) {
                        var actor = Actor.current();
                        audit.record(actor, "logout", "account:" + actor.accountId(), Outcome.SUCCESS, "");
                    }
                })
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
        http.exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint).accessDeniedHandler(denials));
        // A machine client proves itself with its token on every request; there is no session to forge requests in.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokens::presents));
        http.addFilterBefore(new SessionDeadline(clock), SecurityContextHolderFilter.class);
        http.addFilterAfter(new BearerTokens(tokenAuthentications, audit, denials), SecurityContextHolderFilter.class);
        http.headers(headers -> headers
                .contentSecurityPolicy(policy -> policy.policyDirectives(csp.directives()))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                // Only on answers the request reached over HTTPS (directly, or through a proxy that says so
                // when GONGZHI_FORWARD_HEADERS trusts it): browsers ignore it over HTTP, and a node reached
                // over plain HTTP (a demo, a private network) must stay reachable.
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(Duration.ofDays(365).toSeconds()).includeSubDomains(true)));
        return http.build();
    }

    /** Who may reach what: the sign-in, static files, API docs, Open311, SMS links and health for anyone; the rest signed in. */
    private static void who(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
                            boolean metricsOpen) {
        // the API is for the signed in only (a session or a token); first, so that each of its calls is decided by one
        // matcher instead of walking past every rule below, none of which is about /api (a storm of calls pays for each)
        requests.requestMatchers("/api/**").hasAuthority(SignedInUser.SIGNED_IN);
        requests.requestMatchers("/login", "/error").permitAll();
        requests.requestMatchers(StaticFiles.PATTERNS).permitAll();
        requests.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll();
        // Open311 GeoReport v2 is public by the spec; posting a request needs an api_key (an API token), checked by the API
        requests.requestMatchers("/open311/**").permitAll();
        // the link an SMS brings to someone who raised a problem without an account (casework ReporterLinks)
        requests.requestMatchers("/r/*", "/r/*/files/*").permitAll();
        requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll();
        if (metricsOpen) {
            requests.requestMatchers(EndpointRequest.to("prometheus")).permitAll();
        }
        requests.requestMatchers(EndpointRequest.toAnyEndpoint()).hasAuthority("system.operate");
        requests.requestMatchers("/login/second-factor").hasAuthority(SignedInUser.FACTOR_PENDING);
        requests.requestMatchers("/login/password").hasAuthority(SignedInUser.PASSWORD_CHANGE);
        requests.requestMatchers("/login/second-factor/setup", "/login/second-factor/qr.svg").hasAuthority(SignedInUser.FACTOR_SETUP);
        requests.anyRequest().hasAuthority(SignedInUser.SIGNED_IN);
    }

    /**
     * The device features a page may use: none, except the location the report form asks the phone
     * for ("use my location") and full screen, for this site only; so a script that got in, or a
     * page that frames ours, cannot turn on a camera or microphone. Photos come through a file input,
     * which the phone fills from its own camera app without the camera feature.
     */
    static final String PERMISSIONS_POLICY = String.join(", ", "accelerometer=()", "autoplay=()", "camera=()", "display-capture=()",
            "encrypted-media=()", "fullscreen=(self)", "geolocation=(self)", "gyroscope=()", "hid=()", "magnetometer=()", "microphone=()",
            "midi=()", "payment=()", "picture-in-picture=()", "publickey-credentials-get=()", "screen-wake-lock=()", "serial=()", "usb=()",
            "xr-spatial-tracking=()");
}
