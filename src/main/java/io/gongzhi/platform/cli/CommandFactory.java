package io.gongzhi.platform.cli;

import io.gongzhi.shared.InvalidInput;
import picocli.CommandLine;

/**
 * Creates command objects for picocli and hands the Spring application class to the
 * commands that start it, and maps failures to the platform's exit codes:
 * 0 done, 1 failed, 2 bad input (with every reason printed).
 */
public final class CommandFactory implements CommandLine.IFactory {

    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    private final Class<?> application;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    public CommandFactory(Class<?> application) {
        this.application = application;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        K instance = fallback.create(type);
        if (instance instanceof ApplicationCommand command) {
            command.application(application);
        }
        return instance;
    }

    public static int exitCodeOf(Throwable failure) {
        return failure instanceof CommandLine.ParameterException || isBadInput(failure) ? BAD_INPUT : FAILED;
    }

    /**
     * Prints one clear line instead of a stack trace. Bad input and an unreachable database
     * reach here only from the application's start, where {@link StartupFailureReporter}
     * has already printed them (a command's own bad input is printed by {@link ServiceCommand}).
     */
    public static int reportFailure(Exception failure, CommandLine cli, CommandLine.ParseResult parsed) {
        if (isBadInput(failure)) {
            return BAD_INPUT;
        }
        if (rootOf(failure, DatabaseUnreachable.class) == null) {
            cli.getErr().println(CliMessages.get("cli.failed", String.valueOf(failure.getMessage())));
        }
        return FAILED;
    }

    private static boolean isBadInput(Throwable failure) {
        return rootOf(failure, InvalidInput.class) != null;
    }

    static Throwable rootOf(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
