package io.gongzhi;

import io.gongzhi.identity.AccountCommands;
import io.gongzhi.platform.cli.CommandFactory;
import io.gongzhi.platform.cli.DatabaseCommand;
import io.gongzhi.platform.cli.ServeCommand;
import io.gongzhi.platform.cli.VersionCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/**
 * The command line: {@code java -jar gongzhi.jar [serve|version|account …]}. With no
 * subcommand it serves the web application. Module commands are listed here so that the
 * jar's help shows everything the platform can do.
 */
@Command(name = "gongzhi", mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.class,
        description = "Gongzhi (共治): community development and governance platform.",
        subcommands = {ServeCommand.class, VersionCommand.class, DatabaseCommand.class, AccountCommands.class, ImportCommands.class, GenerateCommands.class, VerifyCommands.class, ExportCommands.class,
                CommandLine.HelpCommand.class})
public final class Gongzhi implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs one command line and answers its exit code: 0 done, 1 failed, 2 bad input. */
    public static int execute(String... args) {
        var cli = new CommandLine(new Gongzhi(), new CommandFactory(GongzhiApplication.class));
        cli.setExitCodeExceptionMapper(CommandFactory::exitCodeOf);
        cli.setExecutionExceptionHandler(CommandFactory::reportFailure);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        // No subcommand: behave as "serve", which is what a first-time user expects.
        return new CommandFactory(GongzhiApplication.class).create(ServeCommand.class).call();
    }
}
