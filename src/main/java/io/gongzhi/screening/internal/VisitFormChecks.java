package io.gongzhi.screening.internal;

import io.gongzhi.shared.Violation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * A visit form as its planner defines it, checked: keys, labels, types, choices, the conditions of
 * "shown if" and of the anomaly rules (each on a field before it, with an operator its type takes
 * and a value of that type), within the limits a phone and the database keep.
 */
final class VisitFormChecks {

    private VisitFormChecks() {
    }

    /** The form given, with its problems named {@code form.fields[i].key}, {@code form.rules[j].when[k].value} and so on. */
    static VisitForm of(VisitForm.Definition given, List<Violation> problems) {
        if (given == null || given.fields() == null || given.fields().isEmpty()) {
            problems.add(Violation.of("form.fields", "screening.form-empty"));
            return new VisitForm(List.of(), List.of());
        }
        if (given.fields().size() > VisitForm.MAX_FIELDS) {
            problems.add(Violation.of("form.fields", "screening.form-too-many-fields", VisitForm.MAX_FIELDS));
        }
        var fields = new ArrayList<VisitForm.Field>();
        var keys = new HashSet<String>();
        for (int i = 0; i < given.fields().size() && i < VisitForm.MAX_FIELDS; i++) {
            VisitForm.GivenField g = given.fields().get(i);
            String where = "form.fields[" + i + "]";
            if (g == null) {
                problems.add(Violation.of(where, "screening.form-field-empty"));
                continue;
            }
            String key = g.key() == null ? "" : g.key().strip();
            if (!key.matches("[a-z][a-z0-9_]{0,29}")) {
                problems.add(Violation.of(where + ".key", "screening.form-key-invalid", key));
            } else if (!keys.add(key)) {
                problems.add(Violation.of(where + ".key", "screening.form-key-twice", key));
            }
            String label = label(g.label(), where + ".label", problems);
            VisitForm.Type type = parse(VisitForm.Type.class, g.type() == null ? "YES_NO" : g.type());
            if (type == null) {
                problems.add(Violation.of(where + ".type", "screening.form-type-invalid", g.type()));
                continue;
            }
            List<String> choices = type == VisitForm.Type.CHOICE ? choices(g.choices(), where + ".choices", problems) : List.of();
            VisitForm.Condition shownIf = g.shownIf() == null ? null : condition(g.shownIf(), fields, where + ".shownIf", problems);
            fields.add(new VisitForm.Field(key, label, type, g.required() == null || g.required(), choices, shownIf));
        }
        var rules = new ArrayList<VisitForm.Rule>();
        List<VisitForm.GivenRule> givenRules = given.rules() == null ? List.of() : given.rules();
        if (givenRules.size() > VisitForm.MAX_RULES) {
            problems.add(Violation.of("form.rules", "screening.form-too-many-rules", VisitForm.MAX_RULES));
        }
        for (int j = 0; j < givenRules.size() && j < VisitForm.MAX_RULES; j++) {
            VisitForm.GivenRule r = givenRules.get(j);
            String where = "form.rules[" + j + "]";
            if (r == null || r.when() == null || r.when().isEmpty()) {
                problems.add(Violation.of(where + ".when", "screening.rule-empty"));
                continue;
            }
            String label = label(r.label(), where + ".label", problems);
            if (r.when().size() > VisitForm.MAX_CONDITIONS) {
                problems.add(Violation.of(where + ".when", "screening.rule-too-many-conditions", VisitForm.MAX_CONDITIONS));
                continue;
            }
            var when = new ArrayList<VisitForm.Condition>();
            for (int k = 0; k < r.when().size(); k++) {
                VisitForm.Condition c = condition(r.when().get(k), fields, where + ".when[" + k + "]", problems);
                if (c != null) {
                    when.add(c);
                }
            }
            rules.add(new VisitForm.Rule(label, when));
        }
        return new VisitForm(fields, rules);
    }

    /**
     * Whether a name or label can be read: it has a letter or digit, and no invisible formatting
     * character (zero-width spaces, or a right-to-left override that makes it read as something else).
     */
    static boolean readable(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit) && text.codePoints().noneMatch(c -> Character.getType(c) == Character.FORMAT);
    }

    private static String label(String given, String where, List<Violation> problems) {
        String label = given == null ? "" : given.strip();
        if (label.isEmpty() || !readable(label)) {
            problems.add(Violation.of(where, "screening.form-label-missing"));
        } else if (label.length() > VisitForm.MAX_LABEL) {
            problems.add(Violation.of(where, "screening.form-label-too-long", VisitForm.MAX_LABEL));
        }
        return label;
    }

    private static List<String> choices(List<String> given, String where, List<Violation> problems) {
        var choices = given == null ? List.<String>of() : given.stream().map(c -> c == null ? "" : c.strip()).filter(c -> !c.isEmpty()).distinct().toList();
        if (choices.size() < 2 || choices.size() > VisitForm.MAX_CHOICES || choices.stream().anyMatch(c -> c.length() > VisitForm.MAX_LABEL)) {
            problems.add(Violation.of(where, "screening.form-choices-invalid", VisitForm.MAX_CHOICES, VisitForm.MAX_LABEL));
        }
        return choices;
    }

    /** A condition on a field defined before it, with an operator that field's type takes and a value of that type. */
    private static VisitForm.Condition condition(VisitForm.GivenCondition g, List<VisitForm.Field> before, String where, List<Violation> problems) {
        if (g == null) {
            problems.add(Violation.of(where, "screening.condition-invalid"));
            return null;
        }
        VisitForm.Field field = before.stream().filter(f -> f.key().equals(g.field() == null ? "" : g.field().strip())).findFirst().orElse(null);
        if (field == null) {
            problems.add(Violation.of(where + ".field", "screening.condition-field-unknown", g.field()));
            return null;
        }
        VisitForm.Op op = parse(VisitForm.Op.class, g.op() == null ? "EQ" : g.op());
        boolean fits = op != null && switch (field.type()) {
            case YES_NO, TEXT -> op == VisitForm.Op.EQ || op == VisitForm.Op.NE;
            case CHOICE -> op == VisitForm.Op.EQ || op == VisitForm.Op.NE || op == VisitForm.Op.IN;
            case NUMBER -> op != VisitForm.Op.IN && op != VisitForm.Op.WITHIN_DAYS;
            case DATE -> op != VisitForm.Op.IN;
        };
        if (!fits) {
            problems.add(Violation.of(where + ".op", "screening.condition-op-invalid", g.op(), field.label()));
            return null;
        }
        List<String> values = op == VisitForm.Op.IN && g.values() != null
                ? g.values().stream().limit(VisitForm.MAX_CHOICES + 1L).map(v -> v == null ? "" : v.strip()).distinct().toList() : List.of();
        String value = op == VisitForm.Op.IN ? null : g.value() == null ? "" : g.value().strip();
        boolean valid = switch (op) {
            case IN -> !values.isEmpty() && values.size() <= VisitForm.MAX_CHOICES && field.choices().containsAll(values);
            case WITHIN_DAYS -> value.matches("\\d{1,3}");
            default -> VisitForm.normal(field, value) != null;
        };
        if (!valid) {
            problems.add(Violation.of(where + (op == VisitForm.Op.IN ? ".values" : ".value"), "screening.condition-value-invalid", field.label()));
            return null;
        }
        return new VisitForm.Condition(field.key(), op, op == VisitForm.Op.IN || op == VisitForm.Op.WITHIN_DAYS ? value : VisitForm.normal(field, value), values);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
