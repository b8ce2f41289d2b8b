package io.gongzhi.platform;

import io.gongzhi.shared.Progress;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far the application is from taking its first user: between the web server's start and
 * the end of the start-up work (on a first start in demo mode the divisions, the grids, the
 * accounts, the population and the cases) the site answers with what it prepares and how far it is instead of a sign-in
 * that cannot work yet; once ready, one line says where to go. Start-up work reports its stage
 * here (a message key) and, when it knows, how far it is.
 */
@Component
public class StartupProgress {

    private final PrintStream console = System.out;
    private volatile boolean ready;
    private volatile String stage = "startup.stage.starting";
    private volatile int percent;

    /** One that is past its start-up: for what runs outside a started application (a filter tried on its own). */
    public static StartupProgress done() {
        var done = new StartupProgress();
        done.ready = true;
        done.percent = 100;
        return done;
    }

    public boolean ready() {
        return ready;
    }

    /** The message key of what start-up is doing now. */
    public String stage() {
        return stage;
    }

    public int percent() {
        return percent;
    }

    /** Start-up work {@code stage} (a message key) begins, the whole start being {@code percent} done. */
    public void stage(String stage, int percent) {
        this.stage = stage;
        this.percent = Math.max(this.percent, Math.min(99, percent));
    }

    /** As {@link #stage}, for work that counts its units: from {@code from} to {@code to} percent as they are done. */
    public Progress stage(String stage, int from, int to) {
        stage(stage, from);
        return new Progress() {
            private volatile long total = -1;
            private final AtomicLong done = new AtomicLong();

            @Override
            public void start(String task, long units) {
                total = units;
                done.set(0);
            }

            @Override
            public void advance(long units) {
                if (total > 0) {
                    stage(stage, from + (int) ((to - from) * Math.min(1.0, (double) done.addAndGet(units) / total)));
                }
            }

            @Override
            public void finish() {
                stage(stage, to);
            }
        };
    }

    @EventListener
    void started(ApplicationReadyEvent event) {
        ready = true;
        percent = 100;
        if (!(event.getApplicationContext() instanceof org.springframework.boot.web.server.context.WebServerApplicationContext)) {
            // a command (account reset-password, import …) serves nobody
            return;
        }
        String address = event.getApplicationContext().getBean(PublicUrl.class).of("/");
        console.println(" 共治已就绪 Gongzhi is ready: " + address + "   (Ctrl-C stops it)");
    }
}
