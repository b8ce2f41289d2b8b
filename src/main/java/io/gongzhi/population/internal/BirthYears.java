package io.gongzhi.population.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * When a resident was born, as far as anyone may know without unmasking their number: the year,
 * or for the youngest last year and this year together. An identity number is its area, the
 * birth date, three sequence digits (one sex's 500) and a check character; with the area shown,
 * a known birth date leaves only those 500 numbers, a known year at least 365 × 500. So nothing
 * shown about a person narrows the date inside these years: a date of theirs that falls in them
 * (a move in the year of birth, a visit to a newborn) is shown as its year only, and ages count
 * by year, so no figure changes on the birthday itself.
 *
 * @param from the first year the birth may fall in
 * @param to   the last (the same as {@code from} except for the youngest)
 */
public record BirthYears(int from, int to) {

    /** The years shown for someone born in {@code year}, seen in {@code thisYear}. */
    public static BirthYears of(int year, int thisYear) {
        // this year alone would narrow a January newborn to a few days
        return year >= thisYear - 1 ? new BirthYears(thisYear - 1, thisYear) : new BirthYears(year, year);
    }

    public static BirthYears of(int year, LocalDate today) {
        return of(year, today.getYear());
    }

    /** {@code 1958}, or {@code 2025–2026} for the youngest. */
    public String label() {
        return from == to ? String.valueOf(from) : from + "–" + to;
    }

    /** The age reached this year, {@code 68}; {@code 0–1} for the youngest. */
    public String age(LocalDate today) {
        int oldest = today.getYear() - from;
        int youngest = Math.max(0, today.getYear() - to);
        return oldest == youngest ? String.valueOf(oldest) : youngest + "–" + oldest;
    }

    /** Whether {@code day} falls in these years, so that showing it would narrow the birth date. */
    public boolean covers(LocalDate day) {
        return day.getYear() >= from && day.getYear() <= to;
    }

    /** {@code day} as it may be shown beside this person: the ISO date, or only its year when it falls in these years. */
    public String show(LocalDate day) {
        if (day == null) {
            return null;
        }
        return covers(day) ? String.valueOf(day.getYear()) : day.toString();
    }

    /** An instant of this person's record (when a move was recorded), shown by the same rule, in China's time. */
    public String show(Instant at) {
        if (at == null) {
            return null;
        }
        LocalDate day = LocalDate.ofInstant(at, Registry.CHINA);
        return covers(day) ? String.valueOf(day.getYear()) : at.toString();
    }
}
