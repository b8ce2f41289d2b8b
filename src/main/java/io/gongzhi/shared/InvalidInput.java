package io.gongzhi.shared;

import java.util.List;

/**
 * Thrown when what a user sent cannot be accepted; carries every reason at once so
 * that nobody fixes one error only to meet the next. The web answers it with a 400
 * problem detail, the command line with exit code 2.
 */
public class InvalidInput extends RuntimeException {

    private final List<Violation> violations;

    public InvalidInput(List<Violation> violations) {
        super(violations.size() + " invalid input(s), first: " + (violations.isEmpty() ? "-" : violations.get(0).code()));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInput needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public InvalidInput(Violation violation) {
        this(List.of(violation));
    }

    /** The violations by form field, for showing each under its field ("" for the form as a whole). */
    public java.util.Map<String, List<Violation>> byField() {
        var map = new java.util.LinkedHashMap<String, List<Violation>>();
        violations().forEach(v -> map.computeIfAbsent(v.where() == null ? "" : v.where(), k -> new java.util.ArrayList<>()).add(v));
        return map;
    }

    public List<Violation> violations() {
        return violations;
    }
}
