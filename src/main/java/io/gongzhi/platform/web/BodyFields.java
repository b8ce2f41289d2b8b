package io.gongzhi.platform.web;

import io.gongzhi.shared.Violation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which field of a JSON body held a value of the wrong type, and what belongs there, from the
 * reader's failure: {@code "ackHours":"abc"} names {@code ackHours} and "a whole number",
 * {@code "units":"x"} names {@code units} and "a list".
 */
final class BodyFields {

    private BodyFields() {
    }

    /** The field and what belongs in it, or null when the body is not JSON or no field is to blame. */
    static Violation wrong(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // only a value that is there but of the wrong kind: a body cut short or not JSON names no field
            if (t instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                return expected(where(mismatch), mismatch.getTargetType());
            }
        }
        return null;
    }

    /** The field's path as a client writes it: {@code form[0].label}. */
    static String where(JacksonException json) {
        var where = new StringBuilder();
        for (JacksonException.Reference ref : json.getPath()) {
            if (ref.getPropertyName() != null) {
                where.append(where.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                where.append('[').append(ref.getIndex()).append(']');
            }
        }
        return where.toString();
    }

    private static Violation expected(String where, Class<?> type) {
        if (type == null) {
            return Violation.of(where, "problem.field-invalid");
        }
        if (type.isEnum()) {
            return Violation.of(where, "problem.field-one-of",
                    Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", ")));
        }
        return Violation.of(where, "problem.field-type." + kind(type));
    }

    private static String kind(Class<?> type) {
        if (type == int.class || type == long.class || type == short.class || type == Integer.class || type == Long.class
                || type == Short.class || type == BigInteger.class) {
            return "whole";
        }
        if (type == double.class || type == float.class || type == Double.class || type == Float.class || type == BigDecimal.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "yes-no";
        }
        if (type == String.class) {
            return "text";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "list";
        }
        if (type == LocalDate.class) {
            return "date";
        }
        if (type == Instant.class) {
            return "time";
        }
        return Map.class.isAssignableFrom(type) || type.isRecord() ? "object" : "other";
    }
}
