package io.gongzhi.platform.cli;

import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ApplicationContext;

import java.io.PrintStream;
import java.util.List;

/**
 * The pattern every module's command follows: start the application without the web
 * server, call the same services the pages call, print the outcome, and answer an exit
 * code: 0 done, 2 bad input with every reason printed, 1 anything else. Long work takes
 * a {@link ConsoleProgress} so the user sees rate and ETA.
 */
public abstract class ServiceCommand extends ApplicationCommand {

    @Override
    public final Integer call() throws Exception {
        var spring = springApplication(WebApplicationType.NONE);
        spring.setLogStartupInfo(false);
        // stdout carries the command's answer; the console log only speaks up for errors.
        spring.setDefaultProperties(java.util.Map.of("logging.threshold.console", "ERROR"));
        try (var context = spring.run()) {
            // Whatever the command changes is audited as done by the operator at the console.
            var operator = Actor.commandLine();
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated((Actor.Source) () -> operator, null, List.of()));
            return run(context, System.out);
        } catch (InvalidInput invalid) {
            var err = new java.io.PrintWriter(System.err, true);
            CliMessages.printViolations(err, invalid.violations());
            return CommandFactory.BAD_INPUT;
        }
    }

    /** Does the command's work with the started application; prints to {@code out}. */
    protected abstract int run(ApplicationContext context, PrintStream out) throws Exception;
}
