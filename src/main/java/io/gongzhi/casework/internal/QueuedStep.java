package io.gongzhi.casework.internal;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.concurrent.CompletableFuture;

/**
 * A step waiting for a {@link GroupCommit} writer: its work, the answer its caller waits for, and
 * the caller's sign-in, request and language, which the writer takes on while it runs the step.
 */
record QueuedStep(GroupCommit.Work<?> work, CompletableFuture<Object> result, SecurityContext security, RequestAttributes request,
                  LocaleContext locale) {

    /** The work, as the calling thread would run it. */
    static QueuedStep of(GroupCommit.Work<?> work) {
        return new QueuedStep(work, new CompletableFuture<>(), SecurityContextHolder.getContext(), RequestContextHolder.getRequestAttributes(),
                LocaleContextHolder.getLocaleContext());
    }

    /** Runs the work on this (a writer's) thread as its caller, with {@code current} naming it meanwhile. */
    Object runAsCaller(ThreadLocal<Object> current) {
        SecurityContextHolder.setContext(security);
        RequestContextHolder.setRequestAttributes(request);
        LocaleContextHolder.setLocaleContext(locale);
        current.set(this);
        try {
            return work.work().get();
        } finally {
            current.remove();
            SecurityContextHolder.clearContext();
            RequestContextHolder.resetRequestAttributes();
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
