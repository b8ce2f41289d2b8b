package io.gongzhi.shared;

import java.util.List;
import java.util.Objects;

/**
 * One reason an input was refused: where (a field, a line and column of a file, or a
 * command option), a stable code that clients may rely on, and the message key with
 * its arguments so that each face (page, API, command line) can say it in its user's
 * language.
 *
 * @param where   what was wrong, e.g. {@code "password"} or {@code "line 12, column parent_code"}
 * @param code    stable machine-readable code, e.g. {@code "account.unknown"}
 * @param args    arguments for the message that {@code code} names
 */
public record Violation(String where, String code, List<Object> args) {

    public Violation {
        Objects.requireNonNull(code, "code");
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Violation of(String where, String code, Object... args) {
        return new Violation(where, code, List.of(args));
    }
}
