package io.gongzhi.platform.cli;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports an unreachable database as one line on standard error, and tells Spring Boot
 * the failure is reported so that it prints no stack trace.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseUnreachableReporter implements SpringBootExceptionReporter {

    @Override
    public boolean reportException(Throwable failure) {
        var unreachable = (DatabaseUnreachable) CommandFactory.rootOf(failure, DatabaseUnreachable.class);
        if (unreachable == null) {
            return false;
        }
        System.err.println(CliMessages.get("cli.database-unreachable", unreachable.url(), unreachable.reason()));
        return true;
    }
}
