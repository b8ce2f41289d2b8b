package io.gongzhi.platform.internal;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.context.event.EventListenerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The event publication registry as the modules' reactions use it, made to cost the thread that
 * took a step as little as it can: reactions say in Java which events they want
 * ({@link SelectiveListeners}), events are written as JSON with a mapper looked up once
 * ({@link EventJson}), the registry's store writes in batches ({@link PublicationBatches}) and its
 * marks of a reaction starting and ending take no transaction ({@link PublicationMarks}).
 */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static EventListenerFactory selectiveListeners() {
        return new SelectiveListeners();
    }

    @Bean
    EventSerializer eventJson(ObjectProvider<JsonMapper> mapper) {
        return new EventJson(mapper.getIfAvailable(() -> JsonMapper.builder().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build()));
    }

    /**
     * When completed publications are deleted, as they are here, the registry's store writes in
     * batches and the registry marks reactions without transactions of its own.
     */
    @Bean
    static BeanPostProcessor publicationBatches(Environment environment, ObjectProvider<JdbcTemplate> jdbc,
                                                ObjectProvider<EventSerializer> serializer) {
        boolean deleting = "delete".equalsIgnoreCase(environment.getProperty("spring.modulith.events.completion-mode", ""));
        var wrapped = new ConcurrentHashMap<String, PublicationBatches>();
        // closed (its last completions written) when the store's own bean is destroyed, before the pool it writes to
        return new DestructionAwareBeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!deleting) {
                    return bean;
                }
                if (bean instanceof EventPublicationRepository store && !(bean instanceof PublicationBatches)) {
                    var batches = new PublicationBatches(store, jdbc::getObject, serializer::getObject);
                    wrapped.put(beanName, batches);
                    return batches;
                }
                if (bean instanceof EventPublicationRegistry registry && !(bean instanceof PublicationMarks)
                        && AopProxyUtils.getSingletonTarget(bean) instanceof EventPublicationRegistry untransacted) {
                    return new PublicationMarks(registry, untransacted);
                }
                return bean;
            }

            @Override
            public boolean requiresDestruction(Object bean) {
                return bean instanceof EventPublicationRepository;
            }

            @Override
            public void postProcessBeforeDestruction(Object bean, String beanName) {
                var batches = wrapped.remove(beanName);
                if (batches != null) {
                    batches.close();
                }
            }
        };
    }
}
