package io.gongzhi.population.internal;

import io.gongzhi.shared.Phone;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Unit;
import io.gongzhi.population.internal.PersonalDataVault.Kind;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.Scoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reading the registry: residents and households inside a jurisdiction, found by name, number,
 * place and filters, with their moves, visits, counts and who is due a visit. Every read goes
 * through {@link Scoped}; anything outside answers like something missing.
 */
@Service
public class Residents {

    private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");
    private static final String COLUMNS = ResidentRows.COLUMNS;

    private final JdbcClient jdbc;
    private final PersonalDataVault vault;
    private final ResidentRows rows;
    private final NumberSearches numberSearches;
    private final Hierarchy hierarchy;
    private final Households households;
    private final Clock clock;

    Residents(JdbcClient jdbc, PersonalDataVault vault, ResidentRows rows, NumberSearches numberSearches, Hierarchy hierarchy,
              Households households, Clock clock) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.rows = rows;
        this.numberSearches = numberSearches;
        this.hierarchy = hierarchy;
        this.households = households;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Registry.CHINA));
    }

    /**
     * What {@code actor} finds; a search by a full number is audited and limited per hour (see
     * {@link NumberSearches}: a found number is a confirmed guess).
     */
    public ResidentPage search(Criteria criteria, Actor actor, int page, int size) {
        boolean byNumber = HAS_DIGIT.matcher(criteria.text()).matches();
        if (byNumber) {
            numberSearches.admit(actor);
        }
        ResidentPage found = search(criteria, actor.jurisdiction(), page, size);
        if (byNumber) {
            numberSearches.made(actor, found.residents().size());
        }
        return found;
    }

    public ResidentPage search(Criteria criteria, Jurisdiction j, int page, int size) {
        int limit = Math.max(1, Math.min(size, 200));
        int offset = Math.max(0, page) * limit;
        var where = new StringBuilder("{scope} and r.status = :status");
        var params = new LinkedHashMap<String, Object>();
        String name = filters(criteria, j, where, params);
        List<Long> ids = pageIds(j, where.toString(), params, name, offset, limit + 1);
        var byId = new HashMap<Long, Resident>();
        if (!ids.isEmpty()) {
            Scoped.query(jdbc, j, "r.path", "select " + COLUMNS + " from population_resident r where {scope} and r.id in (:ids)")
                    .param("ids", ids).query(rows.mapper(today())).list().forEach(r -> byId.put(r.id(), r));
        }
        List<Resident> found = rows.withCareGroups(ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList());
        boolean more = found.size() > limit;
        return new ResidentPage(more ? found.subList(0, limit) : found, Math.max(0, page), limit, more);
    }

    /** Adds the criteria's conditions to {@code where}; answers the name searched for (null: the text is none, or a number). */
    private String filters(Criteria criteria, Jurisdiction j, StringBuilder where, Map<String, Object> params) {
        params.put("status", (criteria.status() == null ? ResidentStatus.PRESENT : criteria.status()).name());
        if (!criteria.within().isEmpty()) {
            Unit place = hierarchy.unit(criteria.within());
            j.require(place.path(), "geography.unit-not-found", "unit " + criteria.within());
            where.append(" and r.path like :within");
            params.put("within", Households.below(place));
        }
        String name = byText(criteria.text(), where, params);
        if (criteria.registration() != null) {
            where.append(" and r.registration = :registration");
            params.put("registration", criteria.registration().name());
        }
        // ages reached this year, as shown (see BirthYears): a filter by exact age would tell the birthday
        int thisYear = today().getYear();
        if (criteria.ageFrom() != null) {
            where.append(" and r.birth_year <= :bornBy");
            params.put("bornBy", thisYear - criteria.ageFrom());
        }
        if (criteria.ageTo() != null) {
            where.append(" and r.birth_year >= :bornFrom");
            params.put("bornFrom", thisYear - criteria.ageTo());
        }
        if (!criteria.careGroup().isEmpty()) {
            where.append(" and exists (select 1 from population_resident_care c where c.resident_id = r.id and c.care_group = :care)");
            params.put("care", criteria.careGroup());
        }
        return name;
    }

    /** A text with a digit is a document or phone number, found by its lookup hash; any other is the start of a name (answered). */
    private String byText(String text, StringBuilder where, Map<String, Object> params) {
        if (text.isEmpty()) {
            return null;
        }
        if (!HAS_DIGIT.matcher(text).matches()) {
            return text.replace("%", "").replace("_", "");
        }
        var id = NationalId.parse(text);
        if (id.isPresent()) {
            where.append(" and r.id_lookup = :lookup");
            params.put("lookup", vault.lookup(Kind.NATIONAL_ID, id.get().value()));
        } else {
            where.append(" and (r.id_lookup = :lookup or r.phone_lookup = :phone)");
            params.put("lookup", vault.lookup(Kind.PASSPORT, text.replace(" ", "").toUpperCase(Locale.ROOT)));
            params.put("phone", Phone.parse(text).map(p -> vault.lookup(Kind.PHONE, p.value())).orElse("-"));
        }
        return null;
    }

    /** The page's ids, from one index alone when the filters allow; by name, people with exactly that name first. */
    private List<Long> pageIds(Jurisdiction j, String where, Map<String, Object> params, String name, int offset, int wanted) {
        if (name == null) {
            return ids(j, where + " order by r.path, r.name, r.id", params, offset, wanted);
        }
        // exactly that name is a tight range of the name index even in a large jurisdiction; then longer names starting with it
        params.put("exact", name);
        List<Long> exact = ids(j, where + " and r.name = :exact order by r.id", params, 0, offset + wanted);
        var ids = new ArrayList<>(exact.subList(Math.min(offset, exact.size()), exact.size()));
        if (exact.size() < offset + wanted) {
            params.put("name", name + "%");
            ids.addAll(ids(j, where + " and r.name like :name and r.name <> :exact order by r.name, r.id", params,
                    Math.max(0, offset - exact.size()), wanted - ids.size()));
        }
        return ids;
    }

    private List<Long> ids(Jurisdiction j, String whereAndOrder, Map<String, Object> params, int offset, int limit) {
        return Scoped.query(jdbc, j, "r.path", "select r.id from population_resident r where " + whereAndOrder
                + " limit " + limit + " offset " + offset).params(params).query(Long.class).list();
    }

    public Resident resident(long id, Jurisdiction j) {
        return rows.withCareGroups(Scoped.query(jdbc, j, "r.path", "select " + COLUMNS + " from population_resident r where {scope} and r.id = :id")
                .param("id", id).query(rows.mapper(today())).list()).stream().findFirst()
                .orElseThrow(() -> new NotFound("person.not-found", "resident " + id));
    }

    public Household household(long id, Jurisdiction j) {
        var row = Scoped.query(jdbc, j, "h.path",
                        "select h.id, h.compound_code, h.path, h.building, h.unit_no, h.room from population_household h where {scope} and h.id = :id")
                .param("id", id).query((rs, n) -> new Object[] {rs.getString(2), rs.getString(3),
                        new Address(rs.getString(2), rs.getString(4), rs.getString(5), rs.getString(6))}).optional()
                .orElseThrow(() -> new NotFound("person.household-not-found", "household " + id));
        List<Resident> everyone = rows.withCareGroups(jdbc.sql("select " + COLUMNS + " from population_resident r where r.household_id = :id "
                + "order by case r.relation when 'HEAD' then 0 when 'SPOUSE' then 1 else 2 end, r.birth_year, r.id")
                .param("id", id).query(rows.mapper(today())).list());
        String compound = (String) row[0];
        return new Household(id, compound, (String) row[1], households.place(compound), (Address) row[2],
                everyone.stream().filter(Resident::present).toList(),
                everyone.stream().filter(r -> !r.present()).toList());
    }

    public List<Move> moves(long residentId, Jurisdiction j) {
        BirthYears born = resident(residentId, j).born();
        return jdbc.sql("select m.id, m.kind, m.happened_on, m.household_id, h.compound_code, h.building, h.unit_no, h.room, m.from_household_id, "
                        + "m.reason, m.recorded_by, m.recorded_at from population_move m join population_household h on h.id = m.household_id "
                        + "where m.resident_id = :id order by m.happened_on, m.id")
                .param("id", residentId)
                .query((rs, n) -> new Move(rs.getLong(1), Move.Kind.valueOf(rs.getString(2)), born.show(rs.getObject(3, LocalDate.class)),
                        rs.getLong(4), new Address(rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)).text(),
                        (Long) rs.getObject(9, Long.class), rs.getString(10), rs.getString(11), born.show(rs.getTimestamp(12).toInstant())))
                .list();
    }

    public List<Visit> visits(long residentId, Jurisdiction j) {
        BirthYears born = resident(residentId, j).born();
        return jdbc.sql("select id, resident_id, visited_on, note, recorded_by from population_visit where resident_id = :id order by visited_on desc, id desc")
                .param("id", residentId).query((rs, n) -> new Visit(rs.getLong(1), rs.getLong(2), born.show(rs.getObject(3, LocalDate.class)),
                        rs.getString(4), rs.getString(5))).list();
    }

    /** Households and residents living inside {@code j}: the grid worker's own figures. */
    public long[] counts(Jurisdiction j) {
        long households = Scoped.query(jdbc, j, "h.path", "select count(*) from population_household h where {scope}").query(Long.class).single();
        long residents = Scoped.query(jdbc, j, "r.path", "select count(*) from population_resident r where {scope} and r.status = 'PRESENT'")
                .query(Long.class).single();
        return new long[] {households, residents};
    }

    /**
     * A resident in a care group who is due a visit: never visited, or not within the group's
     * interval. The last visit is shown as {@link BirthYears#show} gives it, and how overdue it is
     * only when the day itself is shown (else the count would tell the day).
     *
     * @param overdueDays days past the interval; -1 when never visited; null when the last visit is shown as a year
     */
    public record Due(Resident resident, String address, String lastVisit, Integer overdueDays) {
    }

    /** Who needs a visit inside {@code j} (a grid worker's grid), most overdue first. */
    public List<Due> visitsDue(Jurisdiction j, int limit) {
        var due = dueRows(j);
        due.sort((a, b) -> Integer.compare((Integer) b[2], (Integer) a[2]));
        var result = new ArrayList<Due>();
        for (Object[] d : due.subList(0, Math.min(limit, due.size()))) {
            Resident resident = resident((Long) d[0], j);
            LocalDate last = (LocalDate) d[1];
            Integer overdue = last == null ? Integer.valueOf(-1) : resident.born().covers(last) ? null : (Integer) d[2];
            result.add(new Due(resident, households.addressOf(resident.householdId()), resident.born().show(last), overdue));
        }
        return result;
    }

    /** How many inside {@code j} need a visit. */
    public int visitsDueCount(Jurisdiction j) {
        return dueRows(j).size();
    }

    /** Each resident due a visit: id, last visit (or null), days overdue (never visited: 10,000). */
    private List<Object[]> dueRows(Jurisdiction j) {
        LocalDate today = today();
        var rows = Scoped.query(jdbc, j, "c.path", """
                        select c.resident_id, min(g.visit_days) as every,
                               (select max(v.visited_on) from population_visit v where v.resident_id = c.resident_id) as last
                        from population_resident_care c join population_care_group g on g.code = c.care_group
                        join population_resident r on r.id = c.resident_id
                        where {scope} and r.status = 'PRESENT'
                        group by c.resident_id""")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getInt(2), rs.getObject(3, LocalDate.class)}).list();
        var due = new ArrayList<Object[]>();
        for (Object[] r : rows) {
            LocalDate last = (LocalDate) r[2];
            int every = (Integer) r[1];
            long overdue = last == null ? 10_000 : today.toEpochDay() - last.toEpochDay() - every;
            if (overdue >= 0) {
                due.add(new Object[] {r[0], last, (int) overdue});
            }
        }
        return due;
    }
}
