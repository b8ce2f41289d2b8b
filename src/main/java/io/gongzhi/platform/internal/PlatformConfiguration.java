package io.gongzhi.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.support.TaskUtils;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.servlet.LocaleResolver;

import java.time.Clock;
import java.time.Duration;

/**
 * The clock every module reads the time from, so that tests can fix it (times are kept in
 * UTC), scheduling for the modules' periodic work, the turns requests take under load, and the
 * guard that refuses at once while the database is away.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlatformConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlatformConfiguration.class);

    /**
     * The pool behind a {@link DatabaseGuard}, so that whatever reaches for the database (requests,
     * readiness, scheduled work) is refused at once while it is away, and finds it again when it is back.
     */
    @Bean
    static BeanPostProcessor databaseGuard() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof HikariDataSource pool ? new DatabaseGuard(pool, Duration.ofSeconds(1)) : bean;
            }
        };
    }

    /**
     * Scheduled work (escalation, the locate index, the session store's clean-up) that fails because
     * the database is away would log a stack trace a minute per task for as long as the outage
     * lasts; the guard already logs its beginning and end. Other failures are logged as before.
     */
    @Bean
    ThreadPoolTaskSchedulerCustomizer scheduledWorkOnPlatformThreads() {
        return scheduler -> scheduler.setErrorHandler(PlatformConfiguration::scheduledWorkFailed);
    }

    @Bean
    SimpleAsyncTaskSchedulerCustomizer scheduledWorkOnVirtualThreads() {
        return scheduler -> scheduler.setErrorHandler(PlatformConfiguration::scheduledWorkFailed);
    }

    static void scheduledWorkFailed(Throwable failure) {
        if (DatabaseFailures.unreachable(failure)) {
            log.debug("Scheduled work skipped, the database being unreachable: {}", failure.toString());
        } else {
            TaskUtils.LOG_AND_SUPPRESS_ERROR_HANDLER.handleError(failure);
        }
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * How many requests work at once ({@code gongzhi.http.concurrent-requests}, 0 for no limit),
     * how many reads besides with turns of their own ({@code gongzhi.http.concurrent-reads}, 0: they share the others')
     * and how long one waits for its turn before it is answered 503 (defaults in application.yml). Ordered after the request's
     * metrics (so its time counts the wait) and before the session store and security (so that
     * reading a session and signing a request in wait their turn too).
     */
    @Bean
    @ConditionalOnExpression("${gongzhi.http.concurrent-requests} > 0")
    FilterRegistrationBean<RequestAdmission> admission(@Value("${gongzhi.http.concurrent-requests}") int concurrent,
                                                @Value("${gongzhi.http.concurrent-reads:8}") int reads,
                                                @Value("${gongzhi.http.admission-wait}") Duration wait,
                                                MessageSource messages, LocaleResolver languages, MeterRegistry meters) {
        var admission = new RequestAdmission(concurrent, reads, wait, messages, languages);
        Gauge.builder("gongzhi.http.requests.waiting", admission, RequestAdmission::waiting)
                .description("requests waiting for their turn").register(meters);
        var registration = new FilterRegistrationBean<>(admission);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }
}
