package io.gongzhi.platform.cli;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

import java.util.concurrent.Callable;

/**
 * A command that starts the Spring application: {@code serve} with the web server,
 * every other one without it. The database is probed first so that an unreachable
 * database ends the start with one clear line and exit code 1.
 */
public abstract class ApplicationCommand implements Callable<Integer> {

    private Class<?> application;

    void application(Class<?> application) {
        this.application = application;
    }

    protected SpringApplication springApplication(WebApplicationType type) {
        if (application == null) {
            throw new IllegalStateException("command created without CommandFactory");
        }
        var spring = new SpringApplication(application);
        spring.setWebApplicationType(type);
        spring.addListeners(new DatabaseProbe());
        return spring;
    }
}
