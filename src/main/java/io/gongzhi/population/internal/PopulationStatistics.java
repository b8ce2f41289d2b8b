package io.gongzhi.population.internal;

import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.geography.Unit;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.Scoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts for dashboards, never a person: residents and households of any place in the caller's
 * jurisdiction, by the place's children, by care group, an age pyramid in five-year bands and the
 * registration mix. Only residents living there (present) are counted. At a community and below
 * the residents are counted directly; above it the children's tallies are added up (a district's
 * sub-districts, see {@link Tallies}). Ages are those reached this year (this year minus the birth
 * year), as everywhere a person is shown: figures of a small place that changed on birthdays would
 * tell the birthdays (see {@link BirthYears}).
 */
@Service
public class PopulationStatistics {

    /** Bands 0–4, 5–9, …, 95–99 and 100+. */
    public static final int BANDS = 21;

    public record Band(String label, long male, long female) {
    }

    public record Part(String code, String name, long residents) {
    }

    public record Figures(String code, String name, String level, LocalDate asOf, long residents, long households,
                          List<Part> children, Map<String, Long> careGroups, List<Band> pyramid, Map<Registration, Long> registration,
                          long aged60Plus, long aged0To14) {
    }

    private final JdbcClient jdbc;
    private final Hierarchy hierarchy;
    private final Clock clock;

    PopulationStatistics(JdbcClient jdbc, Hierarchy hierarchy, Clock clock) {
        this.jdbc = jdbc;
        this.hierarchy = hierarchy;
        this.clock = clock;
    }

    /** Figures for the place {@code code}, which must lie inside {@code j} (else it is not found). */
    public Figures of(String code, Jurisdiction j) {
        Unit place = hierarchy.unit(code);
        j.require(place.path(), "geography.unit-not-found", "unit " + code);
        LocalDate today = LocalDate.now(clock.withZone(Registry.CHINA));
        String below = Households.below(place);

        long[] male = new long[BANDS];
        long[] female = new long[BANDS];
        var registration = new EnumMap<Registration, Long>(Registration.class);
        for (Registration r : Registration.values()) {
            registration.put(r, 0L);
        }
        var byChild = new HashMap<String, Long>();
        List<Unit> parts = place.level() == Level.COMPOUND ? List.of() : hierarchy.children(place.code());
        if (place.level().compareTo(Level.COMMUNITY) < 0) {
            // above the community: add up the children's tallies, kept in step with every change
            tallied(place, below, today, j, male, female, registration, byChild);
        } else {
            liveCounts(place, below, today, j, male, female, registration, byChild, !parts.isEmpty());
        }
        var pyramid = new ArrayList<Band>();
        long total = 0;
        for (int b = 0; b < BANDS; b++) {
            pyramid.add(new Band(b == BANDS - 1 ? "100+" : (5 * b) + "-" + (5 * b + 4), male[b], female[b]));
            total += male[b] + female[b];
        }
        long children = 0;
        long elderly = 0;
        for (int b = 0; b < 3; b++) {
            children += male[b] + female[b];
        }
        for (int b = 12; b < BANDS; b++) {
            elderly += male[b] + female[b];
        }

        var shares = parts.stream().filter(u -> j.covers(u.path()))
                .map(u -> new Part(u.code(), u.displayName(), byChild.getOrDefault(u.path(), 0L))).toList();

        var care = careCounts(below, j);
        long households = Scoped.query(jdbc, j, "h.path", "select count(*) from population_household h where {scope} and h.path like :below")
                .param("below", below).query(Long.class).single();
        return new Figures(place.code(), place.displayName(), place.level().key(), today, total, households, shares, care, pyramid,
                registration, elderly, children);
    }

    /** Adds up the tallies of the place's children (one level down), by sex and birth year and by registration and child. */
    private void tallied(Unit place, String below, LocalDate today, Jurisdiction j, long[] male, long[] female,
                         Map<Registration, Long> registration, Map<String, Long> byChild) {
        Scoped.query(jdbc, j, "t.place_path", "select t.place_path, t.sex, t.birth_year, t.registration, t.residents "
                        + "from population_tally t where t.depth = :depth and {scope} and t.place_path like :below and t.residents <> 0")
                .param("depth", place.level().ordinal() + 1).param("below", below)
                .query(rs -> {
                    long n = rs.getLong(5);
                    String sex = rs.getString(2).strip();
                    if (sex.equals("-")) {
                        registration.merge(Registration.valueOf(rs.getString(4)), n, Long::sum);
                        byChild.merge(childOf(place, rs.getString(1)), n, Long::sum);
                    } else if (sex.equals("M")) {
                        male[bandOfYear(rs.getInt(3), today)] += n;
                    } else {
                        female[bandOfYear(rs.getInt(3), today)] += n;
                    }
                });
    }

    /** How many people of each active care group live below the place, in the groups' order (none: 0). */
    private Map<String, Long> careCounts(String below, Jurisdiction j) {
        var care = new LinkedHashMap<String, Long>();
        jdbc.sql("select code from population_care_group where active order by sort_order").query(String.class).list()
                .forEach(g -> care.put(g, 0L));
        Scoped.query(jdbc, j, "c.path", "select c.care_group, count(*) from population_resident_care c where {scope} and c.path like :below "
                        + "group by c.care_group")
                .param("below", below).query(rs -> {
                    care.put(rs.getString(1), rs.getLong(2));
                });
        return care;
    }

    /** At a community and below: counted from the residents themselves. */
    private void liveCounts(Unit place, String below, LocalDate today, Jurisdiction j, long[] male, long[] female,
                            Map<Registration, Long> registration, Map<String, Long> byChild, boolean withChildren) {
        var band = new StringBuilder("case");
        var params = new LinkedHashMap<String, Object>();
        for (int b = 1; b < BANDS; b++) {
            band.append(" when r.birth_year > :cut").append(b).append(" then ").append(b - 1);
            params.put("cut" + b, today.getYear() - 5 * b);
        }
        band.append(" else ").append(BANDS - 1).append(" end");
        params.put("below", below);
        Scoped.query(jdbc, j, "r.path", "select sex, band, registration, count(*) from (select r.sex, " + band + " as band, r.registration "
                        + "from population_resident r where {scope} and r.path like :below and r.status = 'PRESENT') t group by sex, band, registration")
                .params(params)
                .query(rs -> {
                    long n = rs.getLong(4);
                    int b = rs.getInt(2);
                    if ("M".equals(rs.getString(1).strip())) {
                        male[b] += n;
                    } else {
                        female[b] += n;
                    }
                    registration.merge(Registration.valueOf(rs.getString(3)), n, Long::sum);
                });
        if (withChildren) {
            Scoped.query(jdbc, j, "r.path", "select r.path, count(*) from population_resident r where {scope} and r.path like :below "
                            + "and r.status = 'PRESENT' group by r.path")
                    .param("below", below)
                    .query(rs -> {
                        byChild.merge(childOf(place, rs.getString(1)), rs.getLong(2), Long::sum);
                    });
        }
    }

    /** The child of {@code place} that {@code path} lies in. */
    private static String childOf(Unit place, String path) {
        int end = path.indexOf('/', place.path().length() + 1);
        return end < 0 ? path : path.substring(0, end);
    }

    /** The five-year band of someone born in {@code year}, by the age reached this year. */
    public static int bandOfYear(int year, LocalDate today) {
        return Math.max(0, Math.min(BANDS - 1, (today.getYear() - year) / 5));
    }
}
