package io.gongzhi.screening.internal;

import io.gongzhi.shared.Violation;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a visit asks, defined by the campaign's planner as data: fields (yes/no, number, choice,
 * date, text; required or not; shown only when an earlier answer is given) and the rules that make
 * a visit an anomaly (such as "temperature ≥ 37.3", or "came from a listed area" and "arrived
 * within 14 days"). A rule holds when all its conditions do. Checked when defined, so a visit is
 * only ever checked against a form that makes sense.
 */
public record VisitForm(List<Field> fields, List<Rule> rules) {

    static final int MAX_FIELDS = 30;
    static final int MAX_RULES = 20;
    static final int MAX_LABEL = 40;
    static final int MAX_CHOICES = 20;
    static final int MAX_CONDITIONS = 5;
    static final int MAX_TEXT = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public enum Type { YES_NO, NUMBER, CHOICE, DATE, TEXT }

    /** How a condition compares an answer: equal, not equal, at least, more than, at most, less than, one of, a date within N days before the visit. */
    public enum Op { EQ, NE, GE, GT, LE, LT, IN, WITHIN_DAYS }

    /** One field: its key (the planner's, e.g. {@code temperature}), label, type, whether required, the choices of a choice, when it is shown. */
    public record Field(String key, String label, Type type, boolean required, List<String> choices, Condition shownIf) {
    }

    /** A test of one earlier field's answer; {@code values} for {@link Op#IN}. */
    public record Condition(String field, Op op, String value, List<String> values) {
    }

    /** What makes a visit an anomaly: its label (shown to whoever follows it up) and conditions that must all hold. */
    public record Rule(String label, List<Condition> when) {
    }

    /** A form as its planner gives it; types and operators by name. */
    public record Definition(List<GivenField> fields, List<GivenRule> rules) {
    }

    public record GivenField(String key, String label, String type, Boolean required, List<String> choices, GivenCondition shownIf) {
    }

    public record GivenCondition(String field, String op, String value, List<String> values) {
    }

    public record GivenRule(String label, List<GivenCondition> when) {
    }

    public VisitForm {
        fields = List.copyOf(fields);
        rules = List.copyOf(rules);
    }

    /** The form given, with its problems named {@code form.fields[i].key}, {@code form.rules[j].when[k].value} and so on. */
    static VisitForm of(Definition given, List<Violation> problems) {
        return VisitFormChecks.of(given, problems);
    }

    /**
     * The answers given, checked against the form: a field not shown (its condition unmet) is
     * dropped; a shown required field must be answered; each answer of its type (yes/no as 1 or 0,
     * numbers with at most three decimals, a choice among the field's, an ISO date not after the
     * visit, text of at most 200 characters). Problems are named {@code prefix + key}.
     */
    Map<String, String> check(Map<String, Object> given, LocalDate day, String prefix, List<Violation> problems) {
        Map<String, Object> answers = given == null ? Map.of() : given;
        if (answers.size() > MAX_FIELDS) {
            problems.add(Violation.of(prefix.isEmpty() ? "answers" : prefix.substring(0, prefix.length() - 1), "screening.answers-too-many", MAX_FIELDS));
            return Map.of();
        }
        for (String key : answers.keySet()) {
            if (fields.stream().noneMatch(f -> f.key().equals(key))) {
                problems.add(Violation.of(prefix + key, "screening.answer-field-unknown", key));
            }
        }
        var checked = new LinkedHashMap<String, String>();
        for (Field f : fields) {
            if (f.shownIf() != null && !holds(f.shownIf(), checked, day)) {
                continue;
            }
            Object raw = answers.get(f.key());
            if (raw instanceof Map<?, ?> || raw instanceof java.util.Collection<?> || raw instanceof Boolean && f.type() != Type.YES_NO) {
                // an object, a list, or true where a number or text belongs is not an answer of that field
                problems.add(invalid(prefix, f));
                continue;
            }
            String v = raw == null ? "" : raw instanceof Boolean b ? (b ? "1" : "0") : String.valueOf(raw).strip();
            if (v.isEmpty()) {
                if (f.required()) {
                    problems.add(Violation.of(prefix + f.key(), "screening.answer-required", f.label()));
                }
                continue;
            }
            String value = normal(f, v);
            if (value != null && f.type() == Type.DATE && LocalDate.parse(value).isAfter(day)) {
                value = null;
            }
            if (value == null) {
                problems.add(invalid(prefix, f));
            } else {
                checked.put(f.key(), value);
            }
        }
        return checked;
    }

    private static Violation invalid(String prefix, Field f) {
        return Violation.of(prefix + f.key(), "screening.answer-invalid." + f.type().name(), f.label(), String.join("、", f.choices()), MAX_TEXT);
    }

    /** The labels of the rules the checked answers meet, in the form's order. */
    List<String> anomalies(Map<String, String> answers, LocalDate day) {
        return rules.stream().filter(r -> r.when().stream().allMatch(c -> holds(c, answers, day))).map(Rule::label).toList();
    }

    private boolean holds(Condition c, Map<String, String> answers, LocalDate day) {
        String answer = answers.get(c.field());
        if (answer == null) {
            return false;
        }
        Type type = fields.stream().filter(f -> f.key().equals(c.field())).findFirst().map(Field::type).orElse(Type.TEXT);
        return switch (c.op()) {
            case IN -> c.values().contains(answer);
            case WITHIN_DAYS -> !LocalDate.parse(answer).isBefore(day.minusDays(Long.parseLong(c.value()))) && !LocalDate.parse(answer).isAfter(day);
            case EQ -> compare(type, answer, c.value()) == 0;
            case NE -> compare(type, answer, c.value()) != 0;
            case GE -> compare(type, answer, c.value()) >= 0;
            case GT -> compare(type, answer, c.value()) > 0;
            case LE -> compare(type, answer, c.value()) <= 0;
            case LT -> compare(type, answer, c.value()) < 0;
        };
    }

    private static int compare(Type type, String a, String b) {
        return switch (type) {
            case NUMBER -> new BigDecimal(a).compareTo(new BigDecimal(b));
            case DATE -> LocalDate.parse(a).compareTo(LocalDate.parse(b));
            default -> a.equals(b) ? 0 : a.compareTo(b) < 0 ? -1 : 1;
        };
    }

    /** A value in the form a field keeps it; null when it is not one. */
    static String normal(Field f, String v) {
        return switch (f.type()) {
            case YES_NO -> switch (v.toLowerCase(Locale.ROOT)) {
                case "1", "yes", "true", "是" -> "1";
                case "0", "no", "false", "否" -> "0";
                default -> null;
            };
            case NUMBER -> v.matches("-?\\d{1,9}(\\.\\d{1,3})?") ? new BigDecimal(v).stripTrailingZeros().toPlainString() : null;
            case CHOICE -> f.choices().contains(v) ? v : null;
            case DATE -> date(v);
            case TEXT -> v.length() <= MAX_TEXT ? v : null;
        };
    }

    private static String date(String v) {
        try {
            return LocalDate.parse(v).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    String fieldsJson() {
        return JSON.writeValueAsString(fields);
    }

    String rulesJson() {
        return JSON.writeValueAsString(rules);
    }

    static VisitForm parse(String fields, String rules) {
        return new VisitForm(JSON.readValue(fields, new TypeReference<List<Field>>() { }), JSON.readValue(rules, new TypeReference<List<Rule>>() { }));
    }
}
