package io.gongzhi.platform.internal;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The threads the modules' reactions run on ({@code @ApplicationModuleListener}s are asynchronous):
 * a bounded number ({@code gongzhi.events.reaction-threads}, 32), queued in order, so that reactions
 * to a busy minute wait their turn instead of each taking a database connection from the requests
 * and the case writers that raised them. Reactions that share a commit (the case notices) wait for
 * it on these threads holding no connection, and a commit takes as many of them as are waiting, so
 * fewer threads mean more, smaller commits: with 8 the case loop closed 0.81x the cases a second of
 * the build before reactions, with 32 0.99x in that run, with 128 no more than with 32
 * (docs/benchmarks.md).
 * A reaction that holds a connection while it runs takes one of the pool's (10 by default). On
 * shutdown they stop before the database pool closes; what had not completed stays in the event
 * publication registry and runs on restart.
 * Not a bean of its own: the application's task executor stays Spring Boot's.
 */
@Configuration(proxyBeanMethods = false)
@DependsOn("dataSource")
class ReactionExecution implements AsyncConfigurer, DisposableBean {

    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    ReactionExecution(@Value("${gongzhi.events.reaction-threads:32}") int threads) {
        executor.setThreadNamePrefix("reaction-");
        executor.setCorePoolSize(Math.max(1, threads));
        executor.setMaxPoolSize(Math.max(1, threads));
        executor.initialize();
    }

    @Override
    public Executor getAsyncExecutor() {
        return executor;
    }

    /**
     * Those queued are left to the registry, those running are interrupted (their transaction rolls
     * back and they too are left to the registry); the pool closes once they have let go of it.
     */
    @Override
    public void destroy() throws InterruptedException {
        var pool = executor.getThreadPoolExecutor();
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }
}
