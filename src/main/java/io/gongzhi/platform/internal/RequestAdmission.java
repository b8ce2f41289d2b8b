package io.gongzhi.platform.internal;

import io.gongzhi.platform.FilterProblems;
import io.gongzhi.platform.StaticFiles;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets at most a set number of requests work at once and queues the rest first come, first
 * served; one that waits too long is answered 503 with {@code Retry-After}, in the caller's
 * language. Without it (virtual threads take every request at once, and a thread pool hands
 * its threads out in no order), a busy node interleaves all its requests, so each takes as long
 * as the slowest mix and some wait behind every other for the database. Reads (GET and HEAD)
 * have turns of their own when {@code reads} is above 0, so a page or a command centre's progress
 * watched during a storm of answers does not queue behind the answers. Uploads (read from the
 * network at the sender's pace), static files and the operations endpoints are not queued.
 */
class RequestAdmission extends OncePerRequestFilter {

    private final Semaphore permits;
    private final Semaphore readPermits;
    private final long waitNanos;
    private final MessageSource messages;
    private final LocaleResolver languages;

    RequestAdmission(int concurrent, int reads, Duration wait, MessageSource messages, LocaleResolver languages) {
        if (concurrent < 1) {
            throw new IllegalArgumentException("at least one request must be let in at a time");
        }
        this.permits = new Semaphore(concurrent, true);
        this.readPermits = reads > 0 ? new Semaphore(reads, true) : permits;
        this.waitNanos = wait.toNanos();
        this.messages = messages;
        this.languages = languages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType != null && contentType.regionMatches(true, 0, "multipart/", 0, 10)) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/actuator/") || StaticFiles.contain(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        String method = request.getMethod();
        Semaphore turns = "GET".equals(method) || "HEAD".equals(method) ? readPermits : permits;
        try {
            admitted = turns.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            busy(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            turns.release();
        }
    }

    /** Requests waiting to be let in, for the operations metrics. */
    int waiting() {
        return permits.getQueueLength() + (readPermits == permits ? 0 : readPermits.getQueueLength());
    }

    private void busy(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "1");
        FilterProblems.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "busy",
                messages.getMessage("problem.busy", null, languages.resolveLocale(request)));
    }
}
