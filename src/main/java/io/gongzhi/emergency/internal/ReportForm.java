package io.gongzhi.emergency.internal;

import io.gongzhi.shared.Violation;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields a directive's report asks each unit for, defined by its issuer as data (such as
 * "entrances closed" yes or no, "residents back from outside" a number): keys {@code f1}, {@code f2}
 * … in the order given. Yes/no and number fields are summed up the chain; text fields are read unit
 * by unit.
 */
public record ReportForm(List<Field> fields) {

    static final int MAX_FIELDS = 10;
    static final int MAX_LABEL = 40;
    static final int MAX_TEXT = 200;
    static final long MAX_NUMBER = 1_000_000_000L;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public enum Type { YES_NO, NUMBER, TEXT }

    /** One field: its key (assigned, {@code f1}…), the label the issuer wrote, its type, whether it must be answered. */
    public record Field(String key, String label, Type type, boolean required) {
        public boolean summed() {
            return type != Type.TEXT;
        }
    }

    /** A field as an issuer gives it: a label, a type by name (YES_NO, NUMBER, TEXT; YES_NO unless told), required or not. */
    public record Given(String label, String type, Boolean required) {
    }

    public static final ReportForm NONE = new ReportForm(List.of());

    public ReportForm {
        fields = List.copyOf(fields);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** The form the issuer gave (blank labels skipped), its problems named {@code form[i].label} / {@code form[i].type}. */
    static ReportForm of(List<Given> given, List<Violation> problems) {
        if (given == null) {
            return NONE;
        }
        var fields = new ArrayList<Field>();
        for (int i = 0; i < given.size(); i++) {
            Given g = given.get(i);
            String label = g == null || g.label() == null ? "" : g.label().strip();
            if (label.isEmpty()) {
                continue;
            }
            if (label.length() > MAX_LABEL) {
                problems.add(Violation.of("form[" + i + "].label", "emergency.form-label-too-long", MAX_LABEL));
            }
            Type type = type(g.type());
            if (type == null) {
                problems.add(Violation.of("form[" + i + "].type", "emergency.form-type-invalid"));
            }
            fields.add(new Field("f" + (fields.size() + 1), label, type, g.required() == null || g.required()));
        }
        if (fields.size() > MAX_FIELDS) {
            problems.add(Violation.of("form", "emergency.form-too-many-fields", MAX_FIELDS));
        }
        return new ReportForm(fields);
    }

    private static Type type(String name) {
        if (name == null || name.isBlank()) {
            return Type.YES_NO;
        }
        try {
            return Type.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The values a unit gave, checked against the form: yes/no as 1 or 0, numbers whole and from 0
     * to a billion, text at most 200 characters; required ones present. Problems are named
     * {@code values.f1}…; keys the form does not have are refused.
     */
    Map<String, String> check(Map<String, String> given, List<Violation> problems) {
        Map<String, String> values = given == null ? Map.of() : given;
        var checked = new LinkedHashMap<String, String>();
        for (String key : values.keySet()) {
            if (fields.stream().noneMatch(f -> f.key().equals(key))) {
                problems.add(Violation.of("values." + key, "emergency.form-field-unknown"));
            }
        }
        for (Field f : fields) {
            String v = values.get(f.key()) == null ? "" : values.get(f.key()).strip();
            if (v.isEmpty()) {
                if (f.required()) {
                    problems.add(Violation.of("values." + f.key(), "emergency.form-value-required", f.label()));
                }
                continue;
            }
            String value = switch (f.type()) {
                case YES_NO -> yesNo(v);
                case NUMBER -> v.matches("\\d{1,10}") && Long.parseLong(v) <= MAX_NUMBER ? String.valueOf(Long.parseLong(v)) : null;
                case TEXT -> v.length() <= MAX_TEXT ? v : null;
            };
            if (value == null) {
                problems.add(Violation.of("values." + f.key(), "emergency.form-value-invalid." + f.type().name(), f.label(), MAX_TEXT));
            } else {
                checked.put(f.key(), value);
            }
        }
        return checked;
    }

    private static String yesNo(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "1", "yes", "true", "是" -> "1";
            case "0", "no", "false", "否" -> "0";
            default -> null;
        };
    }

    String json() {
        return isEmpty() ? null : JSON.writeValueAsString(fields);
    }

    static ReportForm parse(String json) {
        return json == null ? NONE : new ReportForm(JSON.readValue(json, new TypeReference<List<Field>>() { }));
    }
}
