package io.gongzhi.platform.cli;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;

import java.util.concurrent.CountDownLatch;

/** {@code serve}: runs the web application until it is stopped (the default command). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the web application (the default when no command is given).")
public class ServeCommand extends ApplicationCommand {

    @Override
    public Integer call() throws InterruptedException {
        var closed = new CountDownLatch(1);
        var spring = springApplication(WebApplicationType.SERVLET);
        spring.addListeners(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        spring.run();
        // The web server runs on its own threads; return only once the application has
        // shut down (SIGTERM drains requests gracefully first).
        closed.await();
        return 0;
    }
}
