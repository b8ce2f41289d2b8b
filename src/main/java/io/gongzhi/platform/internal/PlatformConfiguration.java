package io.gongzhi.platform.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.servlet.LocaleResolver;

import java.time.Clock;
import java.time.Duration;

/**
 * The clock every module reads the time from, so that tests can fix it (times are kept in
 * UTC), scheduling for the modules' periodic work, and the turns requests take under load.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlatformConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * How many requests work at once ({@code gongzhi.http.concurrent-requests}, 0 for no limit)
     * and how long one waits for its turn before it is answered 503 (defaults in application.yml). Ordered after the request's
     * metrics (so its time counts the wait) and before the session store and security (so that
     * reading a session and signing a request in wait their turn too).
     */
    @Bean
    @ConditionalOnExpression("${gongzhi.http.concurrent-requests} > 0")
    FilterRegistrationBean<RequestAdmission> admission(@Value("${gongzhi.http.concurrent-requests}") int concurrent,
                                                @Value("${gongzhi.http.admission-wait}") Duration wait,
                                                MessageSource messages, LocaleResolver languages, MeterRegistry meters) {
        var admission = new RequestAdmission(concurrent, wait, messages, languages);
        Gauge.builder("gongzhi.http.requests.waiting", admission, RequestAdmission::waiting)
                .description("requests waiting for their turn").register(meters);
        var registration = new FilterRegistrationBean<>(admission);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }
}
