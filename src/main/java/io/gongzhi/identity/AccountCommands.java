package io.gongzhi.identity;

import io.gongzhi.platform.cli.ServiceCommand;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;

/** {@code account …}: account chores from the command line, through the same service as the pages. */
@Command(name = "account", mixinStandardHelpOptions = true,
        description = "Manage accounts.",
        subcommands = AccountCommands.ResetPassword.class)
public class AccountCommands {

    /** {@code account reset-password USERNAME}: a new random password, printed once. */
    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Give an account a new random password and print it once.")
    public static class ResetPassword extends ServiceCommand {

        @Parameters(paramLabel = "USERNAME", description = "the account's username")
        String username;

        @Override
        protected int run(ApplicationContext context, PrintStream out) {
            String password = context.getBean(Accounts.class).resetPassword(username);
            out.println(username + ": " + password);
            return 0;
        }
    }
}
