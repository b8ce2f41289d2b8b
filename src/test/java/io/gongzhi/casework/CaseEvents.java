package io.gongzhi.casework;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The case loop's events as published, from whichever thread takes the step (steps are
 * committed by the group-commit writers, not on the caller's thread).
 */
class CaseEvents {

    private final List<Object> seen = new CopyOnWriteArrayList<>();

    @EventListener({CaseReported.class, CaseDispatched.class, CaseClosed.class, CaseStepTaken.class})
    void on(Object event) {
        seen.add(event);
    }

    <T> Stream<T> stream(Class<T> type) {
        return seen.stream().filter(type::isInstance).map(type::cast);
    }

    @TestConfiguration
    static class Configuration {
        @Bean
        CaseEvents caseEvents() {
            return new CaseEvents();
        }
    }
}
