package io.gongzhi.shared;

import java.util.List;
import java.util.Objects;

/**
 * One reason an input was refused: where (a form field, a command option, or a line and
 * column of a file), a stable code that clients may rely on, and the arguments of the
 * message that code names, so that each face (page, API, command line) can say it in its
 * user's language.
 *
 * @param line  the 1-based line of a file, or null when the input is not a file
 * @param where the field or column, e.g. {@code "password"} or {@code "parent_code"}
 * @param code  stable machine-readable code, e.g. {@code "account.unknown"}; also the message key
 * @param args  arguments for the message
 */
public record Violation(Integer line, String where, String code, List<Object> args) {

    public Violation {
        Objects.requireNonNull(code, "code");
        // a value that was not given (null) is shown as nothing, never a failure to say why it was refused
        args = args == null ? List.of() : args.stream().map(a -> a == null ? (Object) "" : a).toList();
    }

    public Violation(String where, String code, List<Object> args) {
        this(null, where, code, args);
    }

    public static Violation of(String where, String code, Object... args) {
        return new Violation(null, where, code, java.util.Arrays.asList(args));
    }

    /** A problem at a line (and column) of a file. */
    public static Violation at(int line, String column, String code, Object... args) {
        return new Violation(line, column, code, java.util.Arrays.asList(args));
    }
}
