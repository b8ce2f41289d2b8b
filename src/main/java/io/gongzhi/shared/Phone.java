package io.gongzhi.shared;

import java.util.List;
import java.util.Optional;

/**
 * A phone number as people here write it: a mainland mobile number ({@code 13812345678},
 * optionally with {@code +86}) or a landline with its area code ({@code 028-85551234}). Shown
 * masked, {@code 138****5678}. Residents', staff's and reporters' numbers are all read this way.
 */
public record Phone(String value) {

    private static final String MOBILE = "1[3-9]\\d{9}";
    private static final String LANDLINE = "0\\d{2,3}-\\d{7,8}";

    public Phone {
        if (!value.matches(MOBILE) && !value.matches(LANDLINE)) {
            throw new IllegalArgumentException("not a phone number");
        }
    }

    public static Optional<Phone> parse(String text) {
        String clean = normalise(text);
        return clean.matches(MOBILE) || clean.matches(LANDLINE) ? Optional.of(new Phone(clean)) : Optional.empty();
    }

    public static List<Violation> problems(String field, String text) {
        return parse(text).isPresent() ? List.of() : List.of(Violation.of(field, "person.phone-invalid"));
    }

    public boolean mobile() {
        return value.matches(MOBILE);
    }

    /** The first three and last four digits of a mobile number; a landline keeps its area code and last four. */
    public String masked() {
        if (mobile()) {
            return value.substring(0, 3) + "****" + value.substring(7);
        }
        int dash = value.indexOf('-');
        return value.substring(0, dash + 1) + "*".repeat(value.length() - dash - 5) + value.substring(value.length() - 4);
    }

    @Override
    public String toString() {
        return masked();
    }

    /**
     * Spaces and a +86 or 0086 prefix dropped; a landline's area code split off by a dash, whether
     * it was written {@code (028)85551234}, {@code 028 85551234} or {@code 02885551234}. Area codes
     * starting 01 or 02 have three digits (010 Beijing, 020-029), all others four.
     */
    private static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String clean = text.strip().replace(" ", "").replace("（", "(").replace("）", ")");
        for (String prefix : new String[] {"+86", "0086"}) {
            if (clean.startsWith(prefix)) {
                clean = clean.substring(prefix.length());
            }
        }
        if (clean.replace("-", "").matches(MOBILE)) {
            return clean.replace("-", "");
        }
        clean = clean.replace("(", "").replace(")", "-");
        if (clean.matches("0\\d{9,11}")) {
            int area = clean.startsWith("01") || clean.startsWith("02") ? 3 : 4;
            clean = clean.substring(0, area) + "-" + clean.substring(area);
        }
        return clean;
    }
}
