package io.gongzhi.platform.cli;

import io.gongzhi.shared.InvalidInput;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import java.io.PrintWriter;

/**
 * Reports the start-up failures an operator can fix (an unreachable database, a setting
 * with a bad value) as plain lines on standard error, and tells Spring Boot they are
 * reported so that it prints no stack trace. The command line then exits with 1 or 2.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StartupFailureReporter implements SpringBootExceptionReporter {

    @Override
    public boolean reportException(Throwable failure) {
        var unreachable = (DatabaseUnreachable) CommandFactory.rootOf(failure, DatabaseUnreachable.class);
        if (unreachable != null) {
            System.err.println(CliMessages.get("cli.database-unreachable", unreachable.url(), unreachable.reason()));
            return true;
        }
        var unsafe = (UnsafeDatabaseRole) CommandFactory.rootOf(failure, UnsafeDatabaseRole.class);
        if (unsafe != null) {
            System.err.println(CliMessages.get(unsafe.superuser() ? "cli.database-superuser" : "cli.database-owner", unsafe.role()));
            return true;
        }
        var invalid = (InvalidInput) CommandFactory.rootOf(failure, InvalidInput.class);
        if (invalid != null) {
            CliMessages.printViolations(new PrintWriter(System.err, true), invalid.violations());
            return true;
        }
        return false;
    }
}
