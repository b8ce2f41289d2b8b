package io.gongzhi.population;

import io.gongzhi.shared.Phone;
import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.geography.Unit;
import io.gongzhi.population.internal.PersonalDataVault;
import io.gongzhi.population.internal.NumberSearches;
import io.gongzhi.population.internal.PersonalDataVault.Kind;
import io.gongzhi.population.internal.ResidentRows;
import io.gongzhi.population.internal.SealedNumbers;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.Scoped;
import io.gongzhi.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The population registry: households and residents inside the caller's jurisdiction. Every read
 * goes through {@link Scoped}; anything outside answers like something missing. Changes append
 * to the residence history and write an audit row in the same transaction; plain identity and
 * phone numbers leave only through {@link #unmask}, with a reason, audited.
 */
@Service
public class Registry {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");
    private static final String COLUMNS = ResidentRows.COLUMNS;

    private final JdbcClient jdbc;
    private final PersonalDataVault vault;
    private final SealedNumbers sealed;
    private final ResidentRows rows;
    private final NumberSearches numberSearches;
    private final Hierarchy hierarchy;
    private final Audit audit;
    private final Clock clock;

    Registry(JdbcClient jdbc, PersonalDataVault vault, SealedNumbers sealed, ResidentRows rows, NumberSearches numberSearches,
             Hierarchy hierarchy, Audit audit, Clock clock) {
        this.numberSearches = numberSearches;
        this.jdbc = jdbc;
        this.vault = vault;
        this.sealed = sealed;
        this.rows = rows;
        this.hierarchy = hierarchy;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    // --- care groups (the managed list)

    public List<CareGroup> careGroups() {
        return jdbc.sql("select code, name_zh, name_en, visit_days from population_care_group where active order by sort_order, code")
                .query((rs, n) -> new CareGroup(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4))).list();
    }

    /** The care groups by code, in list order: what pages and exports show for a resident's codes. */
    public Map<String, CareGroup> careGroupsByCode() {
        var byCode = new LinkedHashMap<String, CareGroup>();
        careGroups().forEach(g -> byCode.put(g.code(), g));
        return byCode;
    }

    /** Each care group's code and names, lower case, to its code: what forms and import rows may say. */
    public Map<String, String> careGroupNames() {
        var names = new HashMap<String, String>();
        for (CareGroup g : careGroups()) {
            names.put(g.code(), g.code());
            names.put(g.nameZh().toLowerCase(Locale.ROOT), g.code());
            names.put(g.nameEn().toLowerCase(Locale.ROOT), g.code());
        }
        return names;
    }

    // --- reading

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
        params.put("status", (criteria.status() == null ? ResidentStatus.PRESENT : criteria.status()).name());
        if (!criteria.within().isEmpty()) {
            Unit place = hierarchy.unit(criteria.within());
            j.require(place.path(), "geography.unit-not-found", "unit " + criteria.within());
            where.append(" and r.path like :within");
            params.put("within", below(place));
        }
        String text = criteria.text();
        String name = null;
        if (!text.isEmpty()) {
            if (!HAS_DIGIT.matcher(text).matches()) {
                name = text.replace("%", "").replace("_", "");
            } else {
                var id = NationalId.parse(text);
                if (id.isPresent()) {
                    where.append(" and r.id_lookup = :lookup");
                    params.put("lookup", vault.lookup(Kind.NATIONAL_ID, id.get().value()));
                } else {
                    where.append(" and (r.id_lookup = :lookup or r.phone_lookup = :phone)");
                    params.put("lookup", vault.lookup(Kind.PASSPORT, text.replace(" ", "").toUpperCase(Locale.ROOT)));
                    params.put("phone", Phone.parse(text).map(p -> vault.lookup(Kind.PHONE, p.value())).orElse("-"));
                }
            }
        }
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
        // the page's ids first, from one index alone when the filters allow, then only their rows
        List<Long> ids;
        if (name == null) {
            ids = ids(j, where + " order by r.path, r.name, r.id", params, offset, limit + 1);
        } else {
            // people with exactly that name first (a tight range of the name index even in a large
            // jurisdiction), then longer names starting with it
            params.put("exact", name);
            List<Long> exact = ids(j, where + " and r.name = :exact order by r.id", params, 0, offset + limit + 1);
            ids = new ArrayList<>(exact.subList(Math.min(offset, exact.size()), exact.size()));
            if (exact.size() < offset + limit + 1) {
                params.put("name", name + "%");
                ids.addAll(ids(j, where + " and r.name like :name and r.name <> :exact order by r.name, r.id", params,
                        Math.max(0, offset - exact.size()), limit + 1 - ids.size()));
            }
        }
        var byId = new HashMap<Long, Resident>();
        if (!ids.isEmpty()) {
            Scoped.query(jdbc, j, "r.path", "select " + COLUMNS + " from population_resident r where {scope} and r.id in (:ids)")
                    .param("ids", ids).query(rows.mapper(today())).list().forEach(r -> byId.put(r.id(), r));
        }
        List<Resident> found = rows.withCareGroups(ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList());
        boolean more = found.size() > limit;
        return new ResidentPage(more ? found.subList(0, limit) : found, Math.max(0, page), limit, more);
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
        return new Household(id, compound, (String) row[1], place(compound), (Address) row[2],
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
        due.sort((a, b) -> Integer.compare((Integer) b[2], (Integer) a[2]));
        var result = new ArrayList<Due>();
        for (Object[] d : due.subList(0, Math.min(limit, due.size()))) {
            Resident resident = resident((Long) d[0], j);
            LocalDate last = (LocalDate) d[1];
            Integer overdue = last == null ? Integer.valueOf(-1) : resident.born().covers(last) ? null : (Integer) d[2];
            result.add(new Due(resident, addressOf(resident.householdId()), resident.born().show(last), overdue));
        }
        return result;
    }

    // --- changing

    /** Registers a new resident at an address (creating the household when it is new): a move in. */
    @Transactional
    public Resident register(Address address, ResidentForm form, Actor actor) {
        LocalDate today = today();
        var names = careGroupNames();
        var problems = new ArrayList<Violation>(address.problems());
        problems.addAll(form.problems(today, names));
        Unit compound = address.compoundCode().isEmpty() ? null : compoundIn(address.compoundCode(), actor.jurisdiction(), problems);
        problems.addAll(duplicate(form, null));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long household = householdAt(address, compound);
        var tallies = new Tallies();
        long id = insert(household, compound.path(), form, names, tallies);
        tallies.write(jdbc);
        appendMove(id, Move.Kind.IN, household, null, compound.path(), form.movedInOr(today), "", actor);
        audit.record(actor, "person.register", "resident:" + id, Outcome.SUCCESS, "household:" + household);
        return resident(id, Jurisdiction.EVERYWHERE);
    }

    /**
     * Saves changed details; the version guards against overwriting someone else's change. A blank
     * document number or phone keeps the stored one (a form never holds the plain numbers).
     */
    @Transactional
    public Resident update(long id, int version, ResidentForm typed, Actor actor) {
        Resident current = resident(id, actor.jurisdiction());
        ResidentForm form = sealed.keepStored(id, typed);
        var names = careGroupNames();
        var problems = new ArrayList<>(form.problems(today(), names));
        problems.addAll(duplicate(form, id));
        if (current.version() != version) {
            problems.add(Violation.of("version", "person.changed-meanwhile"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        LocalDate bornBefore = sealed.of(id).birthDate();
        jdbc.sql("""
                        update population_resident set name = :name, sex = :sex, birth_year = :birthYear, birth_sealed = :birthSealed,
                          id_kind = :kind, id_sealed = :idSealed, id_lookup = :idLookup, nationality = :nationality, phone_sealed = :phoneSealed,
                          phone_lookup = :phoneLookup, phone_masked = :phoneMasked, registration = :registration, relation = :relation,
                          party_member = :party, version = version + 1, updated_at = :now
                        where id = :id and version = :version""")
                .params(sealed.columns(form)).param("name", form.name()).param("sex", form.sexCode().orElseThrow())
                .param("kind", form.kind().orElseThrow().name()).param("nationality", form.nationalityOrDefault())
                .param("registration", form.registrationValue().orElseThrow().name()).param("relation", form.relationValue().orElseThrow().name())
                .param("party", form.party().orElseThrow()).param("now", Timestamp.from(clock.instant()))
                .param("id", id).param("version", version).update();
        jdbc.sql("delete from population_resident_care where resident_id = :id").param("id", id).update();
        insertCare(id, current.path(), form.careGroupCodes(names));
        if (current.present()) {
            var tallies = new Tallies();
            tallies.add(current.path(), current.sex(), bornBefore.getYear(), current.registration(), -1);
            tallies.add(current.path(), form.sexCode().orElseThrow(), form.birth().getYear(), form.registrationValue().orElseThrow(), 1);
            tallies.write(jdbc);
        }
        audit.record(actor, "person.update", "resident:" + id, Outcome.SUCCESS,
                changedFields(current, !bornBefore.equals(form.birth()), typed, form, names));
        return resident(id, Jurisdiction.EVERYWHERE);
    }

    /** The resident left (moved away, or died): kept on record with the history, no longer counted. */
    @Transactional
    public Resident moveOut(long id, LocalDate day, ResidentStatus why, String reason, Actor actor) {
        Resident current = resident(id, actor.jurisdiction());
        Kept kept = kept(id);
        var problems = new ArrayList<Violation>();
        if (!current.present()) {
            problems.add(Violation.of("status", "person.not-present"));
        }
        checkDay(day, kept.movedIn(), current.born(), today(), problems);
        if (why == ResidentStatus.PRESENT) {
            problems.add(Violation.of("status", "person.move-out-status"));
        }
        if (reason != null && reason.length() > 200) {
            problems.add(Violation.of("reason", "person.too-long", 200));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        jdbc.sql("update population_resident set status = :status, version = version + 1, updated_at = :now where id = :id")
                .param("status", why.name()).param("now", Timestamp.from(clock.instant())).param("id", id).update();
        var tallies = new Tallies();
        tallies.add(current.path(), current.sex(), kept.birthYear(), current.registration(), -1);
        tallies.write(jdbc);
        // care groups are about support given where one lives; the history keeps the move
        jdbc.sql("delete from population_resident_care where resident_id = :id").param("id", id).update();
        appendMove(id, Move.Kind.OUT, current.householdId(), null, current.path(), day, reason, actor);
        audit.record(actor, "person.move-out", "resident:" + id, Outcome.SUCCESS, why.key());
        return resident(id, Jurisdiction.EVERYWHERE);
    }

    /** The resident moves to another address inside the caller's jurisdiction (or comes back after moving out). */
    @Transactional
    public Resident transfer(long id, Address to, LocalDate day, String reason, Actor actor) {
        Resident current = resident(id, actor.jurisdiction());
        Kept kept = kept(id);
        var problems = new ArrayList<Violation>(to.problems());
        Unit compound = to.compoundCode().isEmpty() ? null : compoundIn(to.compoundCode(), actor.jurisdiction(), problems);
        checkDay(day, kept.movedIn(), current.born(), today(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long household = householdAt(to, compound);
        if (household == current.householdId() && current.present()) {
            throw new InvalidInput(Violation.of("room", "person.same-household"));
        }
        jdbc.sql("update population_resident set household_id = :h, path = :path, status = 'PRESENT', moved_in = :day, "
                        + "version = version + 1, updated_at = :now where id = :id")
                .param("h", household).param("path", compound.path()).param("day", day).param("now", Timestamp.from(clock.instant()))
                .param("id", id).update();
        jdbc.sql("update population_resident_care set path = :path where resident_id = :id").param("path", compound.path()).param("id", id).update();
        var tallies = new Tallies();
        if (current.present()) {
            tallies.add(current.path(), current.sex(), kept.birthYear(), current.registration(), -1);
        }
        tallies.add(compound.path(), current.sex(), kept.birthYear(), current.registration(), 1);
        tallies.write(jdbc);
        appendMove(id, Move.Kind.TRANSFER, household, current.householdId(), compound.path(), day, reason, actor);
        audit.record(actor, "person.transfer", "resident:" + id, Outcome.SUCCESS, "household:" + current.householdId() + "->" + household);
        return resident(id, Jurisdiction.EVERYWHERE);
    }

    /** What a change checks against that nobody is shown: the birth year and the day they moved in, as stored. */
    private record Kept(int birthYear, LocalDate movedIn) {
    }

    private Kept kept(long id) {
        return jdbc.sql("select birth_year, moved_in from population_resident where id = :id").param("id", id)
                .query((rs, n) -> new Kept(rs.getInt(1), rs.getObject(2, LocalDate.class))).single();
    }

    /** The field a staff member may unmask. */
    public enum Field {
        ID, PHONE, BIRTH_DATE
    }

    /** The full number (or birth date), for someone allowed to see it, with their reason in the audit log. */
    @Transactional
    public String unmask(long id, Field field, String reason, Actor actor) {
        resident(id, actor.jurisdiction());
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 2 || why.length() > 200) {
            throw new InvalidInput(Violation.of("reason", "person.unmask-reason", 2, 200));
        }
        SealedNumbers.Stored stored = sealed.of(id);
        String plain = switch (field) {
            case ID -> stored.number();
            case PHONE -> stored.phone().orElseThrow(() -> new NotFound("person.no-phone", "phone of resident " + id));
            case BIRTH_DATE -> stored.birthDate().toString();
        };
        audit.record(actor, "person.unmask", "resident:" + id, Outcome.SUCCESS, field.name().toLowerCase(Locale.ROOT) + ": " + why);
        return plain;
    }

    @Transactional
    public Visit visit(long residentId, LocalDate day, String note, Actor actor) {
        Resident resident = resident(residentId, actor.jurisdiction());
        String text = note == null ? "" : note.strip();
        var problems = new ArrayList<Violation>();
        if (text.isEmpty()) {
            problems.add(Violation.of("note", "person.required"));
        } else if (text.length() > 1000) {
            problems.add(Violation.of("note", "person.too-long", 1000));
        }
        if (day == null || day.isAfter(today())) {
            problems.add(Violation.of("day", "person.date-future"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into population_visit (resident_id, path, visited_on, note, recorded_by, recorded_at) "
                        + "values (:r, :path, :day, :note, :by, :at)")
                .param("r", residentId).param("path", resident.path()).param("day", day).param("note", text)
                .param("by", actor.username()).param("at", Timestamp.from(clock.instant())).update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(actor, "person.visit", "resident:" + residentId, Outcome.SUCCESS, null);
        return new Visit(id, residentId, resident.born().show(day), text, actor.username());
    }

    // --- helpers shared with the import

    /** The compound, which must be inside {@code j}; a problem (not an exception) otherwise, so a form can show it. */
    Unit compoundIn(String code, Jurisdiction j, List<Violation> problems) {
        try {
            Unit unit = hierarchy.unit(code);
            if (unit.level() != Level.COMPOUND || !unit.current() || !j.covers(unit.path())) {
                throw new NotFound("geography.unit-not-found", code);
            }
            return unit;
        } catch (NotFound e) {
            problems.add(Violation.of("compound", "person.compound-unknown", code));
            return null;
        }
    }

    /** Another resident with the same identity number; {@code self} excluded. */
    List<Violation> duplicate(ResidentForm form, Long self) {
        if (form.kind().isEmpty() || form.idNumber().isEmpty()) {
            return List.of();
        }
        String lookup = sealed.lookup(form);
        var other = jdbc.sql("select id from population_resident where id_lookup = :l").param("l", lookup).query(Long.class).optional();
        return other.filter(o -> !o.equals(self)).isPresent() ? List.of(Violation.of("idNumber", "person.id-registered")) : List.of();
    }

    String lookupOf(ResidentForm form) {
        return sealed.lookup(form);
    }

    long householdAt(Address address, Unit compound) {
        return existingHousehold(address, compound).orElseGet(() -> createHousehold(address, compound));
    }

    Optional<Long> existingHousehold(Address address, Unit compound) {
        return jdbc.sql("select id from population_household where compound_code = :c and building = :b and unit_no = :u and room = :r")
                .param("c", compound.code()).param("b", address.building()).param("u", address.unitNo()).param("r", address.room())
                .query(Long.class).optional();
    }

    long createHousehold(Address address, Unit compound) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into population_household (compound_code, path, building, unit_no, room, created_at) values (:c, :p, :b, :u, :r, :at)")
                .param("c", compound.code()).param("p", compound.path()).param("b", address.building()).param("u", address.unitNo())
                .param("r", address.room()).param("at", Timestamp.from(clock.instant())).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Inserts the resident and their care groups; their counts go into {@code tallies}, written by the caller. */
    long insert(long household, String path, ResidentForm form, Map<String, String> names, Tallies tallies) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        insert into population_resident (household_id, path, name, sex, birth_year, birth_sealed, id_kind, id_sealed, id_lookup,
                          nationality, phone_sealed, phone_lookup, phone_masked, registration, relation, party_member, status, moved_in, updated_at)
                        values (:household, :path, :name, :sex, :birthYear, :birthSealed, :kind, :idSealed, :idLookup, :nationality, :phoneSealed,
                          :phoneLookup, :phoneMasked, :registration, :relation, :party, 'PRESENT', :movedIn, :now)""")
                .params(sealed.columns(form)).param("household", household).param("path", path).param("name", form.name())
                .param("sex", form.sexCode().orElseThrow()).param("kind", form.kind().orElseThrow().name())
                .param("nationality", form.nationalityOrDefault()).param("registration", form.registrationValue().orElseThrow().name())
                .param("relation", form.relationValue().orElseThrow().name()).param("party", form.party().orElseThrow())
                .param("movedIn", form.movedInOr(today())).param("now", Timestamp.from(clock.instant())).update(keys, "id");
        long id = keys.getKey().longValue();
        insertCare(id, path, form.careGroupCodes(names));
        tallies.add(path, form.sexCode().orElseThrow(), form.birth().getYear(), form.registrationValue().orElseThrow(), 1);
        return id;
    }

    void appendMove(long resident, Move.Kind kind, long household, Long from, String path, LocalDate day, String reason, Actor actor) {
        jdbc.sql("insert into population_move (resident_id, kind, household_id, from_household_id, path, happened_on, reason, recorded_by, recorded_at) "
                        + "values (:r, :k, :h, :f, :p, :d, :reason, :by, :at)")
                .param("r", resident).param("k", kind.name()).param("h", household).param("f", from).param("p", path).param("d", day)
                .param("reason", reason == null ? "" : reason.strip()).param("by", actor.username()).param("at", Timestamp.from(clock.instant()))
                .update();
    }

    private void insertCare(long id, String path, Set<String> codes) {
        for (String code : codes) {
            jdbc.sql("insert into population_resident_care (resident_id, care_group, path) values (:r, :c, :p)")
                    .param("r", id).param("c", code).param("p", path).update();
        }
    }

    private static void checkDay(LocalDate day, LocalDate after, BirthYears born, LocalDate today, List<Violation> problems) {
        if (day == null) {
            problems.add(Violation.of("day", "person.required"));
        } else if (day.isAfter(today.plusDays(1))) {
            problems.add(Violation.of("day", "person.date-future"));
        } else if (day.isBefore(after)) {
            problems.add(Violation.of("day", "person.move-before-moved-in", born.show(after)));
        }
    }

    /** Which fields changed, by name only (the audit log holds no personal data). */
    private static String changedFields(Resident before, boolean birthChanged, ResidentForm typed, ResidentForm form, Map<String, String> names) {
        var changed = new ArrayList<String>();
        if (!before.name().equals(form.name())) {
            changed.add("name");
        }
        if (birthChanged) {
            changed.add("birthDate");
        }
        if (!before.sex().equals(form.sexCode().orElseThrow())) {
            changed.add("sex");
        }
        if (before.registration() != form.registrationValue().orElseThrow()) {
            changed.add("registration");
        }
        if (before.relation() != form.relationValue().orElseThrow()) {
            changed.add("relation");
        }
        if (before.partyMember() != form.party().orElseThrow()) {
            changed.add("partyMember");
        }
        if (!Set.copyOf(before.careGroups()).equals(form.careGroupCodes(names))) {
            changed.add("careGroups");
        }
        if (!typed.idNumber().isEmpty()) {
            changed.add("idNumber");
        }
        if (!typed.phone().isEmpty()) {
            changed.add("phone");
        }
        return String.join(",", changed);
    }

    private String addressOf(long household) {
        return jdbc.sql("select building, unit_no, room from population_household where id = :id").param("id", household)
                .query((rs, n) -> new Address("-", rs.getString(1), rs.getString(2), rs.getString(3)).text()).single();
    }

    /**
     * A LIKE pattern for the residents at or below {@code place}: residents hang on compounds, so a
     * compound matches exactly and anything above by its path prefix; one range condition, which
     * the path index answers (an OR of two would not be an index-only scan).
     */
    static String below(Unit place) {
        return place.level() == Level.COMPOUND ? place.path() : place.path() + "/%";
    }

    /** 社区 › 网格 › 小区 for a compound. */
    String place(String compoundCode) {
        try {
            return placeOf(compoundCode);
        } catch (NotFound retired) {
            return compoundCode;
        }
    }

    private String placeOf(String compoundCode) {
        return hierarchy.chain(compoundCode).stream().filter(u -> u.level().compareTo(Level.COMMUNITY) >= 0)
                .map(Unit::displayName).collect(Collectors.joining(" › "));
    }
}
