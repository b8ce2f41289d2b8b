package io.gongzhi.casework.web;

import io.gongzhi.casework.internal.XmlCharacters;
import org.springframework.http.HttpStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an Open311 client passed, read as the spec means it: lists comma-separated, dates in the
 * w3 format, and an optional argument passed empty the same as one not passed. Bad values are
 * refused in the spec's error format, naming the argument.
 */
final class Open311Arguments {

    /** The longest span of {@code start_date} to {@code end_date} (and the default for requests). */
    static final Duration WINDOW = Duration.ofDays(90);

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Open311Errors errors;
    private final Clock clock;

    Open311Arguments(Open311Errors errors, Clock clock) {
        this.errors = errors;
        this.clock = clock;
    }

    /**
     * The arguments as the spec means them: one passed empty (or blank) is one not passed, and the
     * characters XML 1.0 cannot carry are dropped, as they are kept, published and repeated in XML answers.
     */
    static Map<String, String> passed(Map<String, String> given) {
        var passed = new LinkedHashMap<String, String>();
        given.forEach((name, value) -> {
            String kept = XmlCharacters.keep(value);
            if (kept != null && !kept.isBlank()) {
                passed.put(name, kept.strip());
            }
        });
        return passed;
    }

    /** A comma list of ids; empty when it names none (a list of nothing filters nothing, as service_code's and status's). */
    List<Long> ids(String text) {
        var ids = new ArrayList<Long>();
        for (String part : split(text)) {
            try {
                ids.add(Long.parseLong(part));
            } catch (NumberFormatException e) {
                throw errors.refusal(HttpStatus.BAD_REQUEST, "open311.request-id", part);
            }
        }
        return ids;
    }

    /** One request's id as its path gives it; empty when it cannot name one. */
    static Optional<Long> id(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException notOne) {
            return Optional.empty();
        }
    }

    static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** open, closed, or both (null). */
    Boolean status(String text) {
        var wanted = split(text);
        if (wanted.stream().anyMatch(s -> !s.equals("open") && !s.equals("closed"))) {
            throw errors.refusal(HttpStatus.BAD_REQUEST, "open311.status-unknown", text);
        }
        return wanted.size() == 1 ? wanted.get(0).equals("open") : null;
    }

    int number(String text, String field, int min, int max, int otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw errors.refusal(HttpStatus.BAD_REQUEST, "open311.number", field, min, max);
    }

    /** A coordinate, or null when not given; a bad one is added to {@code problems}, so that all are answered at once. */
    Double coordinate(String text, String field, double min, double max, List<String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (!(value >= min && value <= max)) {
                problems.add(errors.say("open311.coordinate-range", field, min, max));
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(errors.say("open311.coordinate-number", field));
            return null;
        }
    }

    /** GET requests' window: as given, or {@link #WINDOW} from the one given, or the last {@link #WINDOW}. */
    Instant[] window(String from, String to) {
        Instant start = from == null ? null : dateTime(from, "start_date");
        Instant end = to == null ? null : dateTime(to, "end_date");
        if (start == null && end == null) {
            end = clock.instant();
        }
        if (start == null) {
            start = end.minus(WINDOW);
        }
        if (end == null) {
            end = start.plus(WINDOW);
        }
        checkWindow(start, end);
        return new Instant[] {start, end};
    }

    /** servicerequestupdates' window: as given, by default the last day. */
    Instant[] updatesWindow(String from, String to) {
        Instant end = to == null ? clock.instant() : dateTime(to, "end_date");
        Instant start = from == null ? end.minus(Duration.ofDays(1)) : dateTime(from, "start_date");
        checkWindow(start, end);
        return new Instant[] {start, end};
    }

    private void checkWindow(Instant start, Instant end) {
        if (end.isBefore(start)) {
            throw errors.refusal(HttpStatus.BAD_REQUEST, "open311.window-backwards");
        }
        if (Duration.between(start, end).compareTo(WINDOW) > 0) {
            throw errors.refusal(HttpStatus.BAD_REQUEST, "open311.window-too-long", WINDOW.toDays());
        }
    }

    /** A w3 date-time with its zone (2010-01-01T00:00:00Z, …+08:00), or a date, taken as midnight in Chengdu. */
    Instant dateTime(String text, String field) {
        String t = text.strip();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(CHINA).toInstant();
            }
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw errors.refusal(HttpStatus.BAD_REQUEST, "open311.date", field, text);
        }
    }
}
