package io.gongzhi.population.internal;

import io.gongzhi.geography.Level;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes to the resident tallies ({@code population_tally}), gathered over one transaction (a
 * registration, an edit, an import chunk, a whole generated city) and written once. Every
 * resident counts at three places: their district, sub-district and community, so a place's
 * statistics add up the rows of its children only (a district reads its sub-districts' rows,
 * not every community's). Two kinds of row per place: by sex and birth year (registration
 * {@code -}), and by registration (sex {@code -}, birth year 0). The year, not the month: a
 * community's tally by month and sex would tell many a person's birth month (see {@link BirthYears}).
 * Rows are written in key
 * order, so two transactions touching the same rows never wait on each other in a cycle.
 */
public final class Tallies {

    /** The levels a resident is counted at. */
    static final List<Level> LEVELS = List.of(Level.DISTRICT, Level.SUBDISTRICT, Level.COMMUNITY);

    /** One tally row's key: the place, its level's depth ({@link Level#ordinal()}), and what is counted. */
    record Key(String place, int depth, String sex, int birthYear, String registration) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::place).thenComparing(Key::sex)
            .thenComparingInt(Key::birthYear).thenComparing(Key::registration);

    private final HashMap<Key, Long> deltas = new HashMap<>();

    /** Counts one resident living at {@code path} ({@code delta} 1), or stops counting them ({@code -1}). */
    void add(String path, String sex, int birthYear, String registration, long delta) {
        for (Level level : LEVELS) {
            String place = ancestor(path, level);
            deltas.merge(new Key(place, level.ordinal(), sex, birthYear, "-"), delta, Long::sum);
            deltas.merge(new Key(place, level.ordinal(), "-", 0, registration), delta, Long::sum);
        }
    }

    public void add(String path, String sex, int birthYear, Registration registration, long delta) {
        add(path, sex, birthYear, registration.name(), delta);
    }

    /** The non-zero changes as rows in {@code place_path, depth, sex, birth_year, registration, residents} order. */
    public List<Object[]> rows() {
        var rows = new ArrayList<Object[]>(deltas.size());
        for (Map.Entry<Key, Long> e : inOrder()) {
            Key k = e.getKey();
            rows.add(new Object[] {k.place(), (short) k.depth(), k.sex(), k.birthYear(), k.registration(), e.getValue()});
        }
        return rows;
    }

    /** Applies the changes to the stored tallies in the caller's transaction, and forgets them. */
    void write(JdbcClient jdbc) {
        for (Map.Entry<Key, Long> e : inOrder()) {
            Key k = e.getKey();
            var params = Map.<String, Object>of("p", k.place(), "s", k.sex(), "y", k.birthYear(), "r", k.registration(), "d", e.getValue());
            int updated = jdbc.sql("update population_tally set residents = residents + :d where place_path = :p and sex = :s "
                    + "and birth_year = :y and registration = :r").params(params).update();
            if (updated == 0) {
                jdbc.sql("insert into population_tally (place_path, depth, sex, birth_year, registration, residents) "
                        + "values (:p, :depth, :s, :y, :r, :d)").params(params).param("depth", k.depth()).update();
            }
        }
        deltas.clear();
    }

    private List<Map.Entry<Key, Long>> inOrder() {
        return deltas.entrySet().stream().filter(e -> e.getValue() != 0).sorted(Map.Entry.comparingByKey(ORDER)).toList();
    }

    /** The place at {@code level} that {@code path} lies in (the path itself when it is no deeper). */
    public static String ancestor(String path, Level level) {
        int slash = 0;
        for (int i = 0; i <= level.ordinal(); i++) {
            slash = path.indexOf('/', slash + 1);
            if (slash < 0) {
                return path;
            }
        }
        return path.substring(0, slash);
    }
}
