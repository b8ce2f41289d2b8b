package io.gongzhi.platform.internal;

import io.gongzhi.shared.Selective;
import org.springframework.context.ApplicationListener;
import org.springframework.modulith.events.core.ConditionalEventListener;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;
import org.springframework.transaction.event.TransactionalEventListenerFactory;

import java.lang.reflect.Method;

/**
 * Makes the after-commit listeners of {@link Selective} beans ask the bean which events they want:
 * the event publication registry records a reaction only for a listener that supports the event
 * ({@link ConditionalEventListener}), so an unwanted event leaves no row. Ahead of Spring's own
 * factory and of Spring Modulith's (which asks the externalization configuration instead).
 */
final class SelectiveListeners extends TransactionalEventListenerFactory {

    SelectiveListeners() {
        setOrder(10);
    }

    @Override
    public boolean supportsMethod(Method method) {
        return super.supportsMethod(method) && Selective.class.isAssignableFrom(method.getDeclaringClass());
    }

    @Override
    public ApplicationListener<?> createApplicationListener(String beanName, Class<?> type, Method method) {
        return new Listener(beanName, type, method);
    }

    private static final class Listener extends TransactionalApplicationListenerMethodAdapter implements ConditionalEventListener {

        private volatile Selective bean;

        Listener(String beanName, Class<?> type, Method method) {
            super(beanName, type, method);
        }

        @Override
        public boolean supports(Object event) {
            Selective target = bean;
            if (target == null) {
                target = (Selective) getTargetBean();
                bean = target;
            }
            return target.wants(event);
        }
    }
}
