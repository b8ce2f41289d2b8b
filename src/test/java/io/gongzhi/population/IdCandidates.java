package io.gongzhi.population;

import io.gongzhi.population.internal.NationalId;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What someone who reads a person's record can still not tell apart: the identity numbers that
 * agree with everything they saw. A number is its area (6), birth date (8), sequence (3, odd for
 * men) and check character; a reader knows the characters the mask shows, the sex, the birth
 * years, and that every dated event of the person (moving in, a visit, a record being written)
 * happened on or after the birth, so the birth lies on or before the earliest of them. The area
 * is taken as known even where the mask hides it (a reader may guess it from the address).
 */
final class IdCandidates {

    private static final Pattern DATE = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(T[0-9:.]+Z)?");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private IdCandidates() {
    }

    /** Every full date in the texts (ISO dates, and instants as China's date). */
    static List<LocalDate> dates(Collection<String> texts) {
        var dates = new ArrayList<LocalDate>();
        for (String text : texts) {
            Matcher m = DATE.matcher(text);
            while (m.find()) {
                try {
                    dates.add(m.group(4) != null ? LocalDate.ofInstant(Instant.parse(m.group()), CHINA) : LocalDate.parse(m.group()));
                } catch (RuntimeException notADate) {
                    // e.g. 2026-13-45 typed into a note
                }
            }
        }
        return dates;
    }

    /**
     * How many numbers agree with {@code mask} (18 characters, {@code *} hidden; the hidden area
     * filled from {@code area}), {@code male}, a birth in {@code born}'s years and on or before
     * every one of {@code after} and {@code today}.
     */
    static long count(String mask, String area, boolean male, int fromYear, int toYear, Collection<LocalDate> after, LocalDate today) {
        if (mask.length() != 18) {
            throw new IllegalArgumentException("not a national ID mask: " + mask);
        }
        char[] known = mask.toCharArray();
        for (int i = 0; i < 6; i++) {
            if (known[i] == '*') {
                known[i] = area.charAt(i);
            }
        }
        LocalDate last = LocalDate.of(toYear, 12, 31);
        if (today.isBefore(last)) {
            last = today;
        }
        for (LocalDate d : after) {
            if (d.isBefore(last)) {
                last = d;
            }
        }
        long count = 0;
        char[] n = known.clone();
        for (LocalDate d = LocalDate.of(fromYear, 1, 1); !d.isAfter(last); d = d.plusDays(1)) {
            String ymd = String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
            if (!fits(known, 6, ymd)) {
                continue;
            }
            ymd.getChars(0, 8, n, 6);
            for (int seq = male ? 1 : 0; seq < 1000; seq += 2) {
                n[14] = (char) ('0' + seq / 100);
                n[15] = (char) ('0' + seq / 10 % 10);
                n[16] = (char) ('0' + seq % 10);
                if (!fits(known, 14, new String(n, 14, 3))) {
                    continue;
                }
                char check = NationalId.checkCharacter(new String(n, 0, 17));
                if (known[17] == '*' || known[17] == check) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean fits(char[] known, int at, String digits) {
        for (int i = 0; i < digits.length(); i++) {
            if (known[at + i] != '*' && known[at + i] != digits.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
