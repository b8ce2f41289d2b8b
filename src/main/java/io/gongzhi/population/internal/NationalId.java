package io.gongzhi.population.internal;

import io.gongzhi.shared.Violation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A citizen identity number (公民身份号码, GB 11643-1999): six digits of the area where it was
 * issued, eight of the birth date, three of sequence (odd for men, even for women) and an ISO
 * 7064 MOD 11-2 check character (0-9 or X). Shown masked as its area only, {@code 510107************}:
 * with the birth year shown beside it that leaves at least 365 × 500 numbers, where the area and
 * the last four of the usual mask would leave about 33 (see {@link BirthYears}).
 */
public record NationalId(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    public NationalId {
        if (!problems("id", value).isEmpty()) {
            throw new IllegalArgumentException("not a valid identity number");
        }
    }

    /** The number, if the text is one (spaces ignored, a lower-case x accepted). */
    public static Optional<NationalId> parse(String text) {
        String clean = normalise(text);
        return problems("id", clean).isEmpty() ? Optional.of(new NationalId(clean)) : Optional.empty();
    }

    /** Every reason {@code text} is not an identity number, for an import's error report or a form. */
    public static List<Violation> problems(String field, String text) {
        var problems = new ArrayList<Violation>();
        String clean = normalise(text);
        if (clean.length() != 18) {
            problems.add(Violation.of(field, "person.id-length", clean.length()));
            return problems;
        }
        if (!clean.matches("\\d{17}[\\dX]")) {
            problems.add(Violation.of(field, "person.id-characters"));
            return problems;
        }
        if (birthDateOf(clean).isEmpty()) {
            problems.add(Violation.of(field, "person.id-birth-date", clean.substring(6, 14)));
        }
        if (checkCharacter(clean.substring(0, 17)) != clean.charAt(17)) {
            problems.add(Violation.of(field, "person.id-checksum"));
        }
        return problems;
    }

    /** The check character for the first seventeen digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /**
     * The {@code ordinal}-th number (0-499) for people of one sex born on one day in one area: the
     * three sequence digits run through the 500 values whose last digit has the right parity.
     */
    public static NationalId nth(String areaCode, LocalDate birthDate, int ordinal, boolean male) {
        if (!areaCode.matches("\\d{6}") || ordinal < 0 || ordinal >= 500) {
            throw new IllegalArgumentException("area code of six digits and an ordinal 0-499");
        }
        String first17 = areaCode + String.format(Locale.ROOT, "%04d%02d%02d%02d%d", birthDate.getYear(),
                birthDate.getMonthValue(), birthDate.getDayOfMonth(), ordinal / 5, ordinal % 5 * 2 + (male ? 1 : 0));
        return new NationalId(first17 + checkCharacter(first17));
    }

    public String areaCode() {
        return value.substring(0, 6);
    }

    public LocalDate birthDate() {
        return birthDateOf(value).orElseThrow();
    }

    public boolean male() {
        return (value.charAt(16) - '0') % 2 == 1;
    }

    /** The area code; the birth date, sequence and check character hidden. */
    public String masked() {
        return masked(value);
    }

    /** The mask of a stored number, valid or not (numbers kept before a rule changed). */
    public static String masked(String number) {
        return number.length() < 6 ? "*".repeat(18) : number.substring(0, 6) + "*".repeat(Math.max(0, number.length() - 6));
    }

    @Override
    public String toString() {
        // never the full number in a log line or an exception message
        return masked();
    }

    private static String normalise(String text) {
        return text == null ? "" : text.replace(" ", "").strip().toUpperCase(Locale.ROOT);
    }

    private static Optional<LocalDate> birthDateOf(String clean) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(clean.substring(6, 10)), Integer.parseInt(clean.substring(10, 12)),
                    Integer.parseInt(clean.substring(12, 14)));
            return date.getYear() >= 1880 ? Optional.of(date) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
