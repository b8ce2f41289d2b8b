package io.gongzhi.population.internal;

import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import io.gongzhi.geography.Unit;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Changing the population registry: residents registered, updated, moved out and moved within
 * the caller's jurisdiction, and visits recorded. Each change appends to the residence history
 * and writes an audit row in the same transaction; plain identity and phone numbers leave only
 * through {@link #unmask}, with a reason, audited. Reading is {@link Residents}.
 */
@Service
public class Registry {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final SealedNumbers sealed;
    private final Residents residents;
    private final CareGroups careGroups;
    private final Households households;
    private final Audit audit;
    private final Clock clock;

    Registry(JdbcClient jdbc, SealedNumbers sealed, Residents residents, CareGroups careGroups, Households households, Audit audit, Clock clock) {
        this.jdbc = jdbc;
        this.sealed = sealed;
        this.residents = residents;
        this.careGroups = careGroups;
        this.households = households;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /** Registers a new resident at an address (creating the household when it is new): a move in. */
    @Transactional
    public Resident register(Address address, ResidentForm form, Actor actor) {
        LocalDate today = today();
        var names = careGroups.names();
        var problems = new ArrayList<Violation>(address.problems());
        problems.addAll(form.problems(today, names));
        Unit compound = address.compoundCode().isEmpty() ? null : households.compoundIn(address.compoundCode(), actor.jurisdiction(), problems);
        problems.addAll(households.duplicate(form, null));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long household = households.householdAt(address, compound);
        var tallies = new Tallies();
        long id = households.insert(household, compound.path(), form, names, tallies);
        tallies.write(jdbc);
        households.appendMove(id, Move.Kind.IN, household, null, compound.path(), form.movedInOr(today), "", actor);
        audit.record(actor, "person.register", "resident:" + id, Outcome.SUCCESS, "household:" + household);
        return residents.resident(id, Jurisdiction.EVERYWHERE);
    }

    /**
     * Saves changed details; the version guards against overwriting someone else's change. A blank
     * document number or phone keeps the stored one (a form never holds the plain numbers).
     */
    @Transactional
    public Resident update(long id, int version, ResidentForm typed, Actor actor) {
        Resident current = residents.resident(id, actor.jurisdiction());
        ResidentForm form = sealed.keepStored(id, typed);
        var names = careGroups.names();
        var problems = new ArrayList<>(form.problems(today(), names));
        problems.addAll(households.duplicate(form, id));
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
        households.insertCare(id, current.path(), form.careGroupCodes(names));
        if (current.present()) {
            var tallies = new Tallies();
            tallies.add(current.path(), current.sex(), bornBefore.getYear(), current.registration(), -1);
            tallies.add(current.path(), form.sexCode().orElseThrow(), form.birth().getYear(), form.registrationValue().orElseThrow(), 1);
            tallies.write(jdbc);
        }
        audit.record(actor, "person.update", "resident:" + id, Outcome.SUCCESS,
                changedFields(current, !bornBefore.equals(form.birth()), typed, form, names));
        return residents.resident(id, Jurisdiction.EVERYWHERE);
    }

    /** The resident left (moved away, or died): kept on record with the history, no longer counted. */
    @Transactional
    public Resident moveOut(long id, LocalDate day, ResidentStatus why, String reason, Actor actor) {
        Resident current = residents.resident(id, actor.jurisdiction());
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
        households.appendMove(id, Move.Kind.OUT, current.householdId(), null, current.path(), day, reason, actor);
        audit.record(actor, "person.move-out", "resident:" + id, Outcome.SUCCESS, why.key());
        return residents.resident(id, Jurisdiction.EVERYWHERE);
    }

    /** The resident moves to another address inside the caller's jurisdiction (or comes back after moving out). */
    @Transactional
    public Resident transfer(long id, Address to, LocalDate day, String reason, Actor actor) {
        Resident current = residents.resident(id, actor.jurisdiction());
        Kept kept = kept(id);
        var problems = new ArrayList<Violation>(to.problems());
        Unit compound = to.compoundCode().isEmpty() ? null : households.compoundIn(to.compoundCode(), actor.jurisdiction(), problems);
        checkDay(day, kept.movedIn(), current.born(), today(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long household = households.householdAt(to, compound);
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
        households.appendMove(id, Move.Kind.TRANSFER, household, current.householdId(), compound.path(), day, reason, actor);
        audit.record(actor, "person.transfer", "resident:" + id, Outcome.SUCCESS, "household:" + current.householdId() + "->" + household);
        return residents.resident(id, Jurisdiction.EVERYWHERE);
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
        residents.resident(id, actor.jurisdiction());
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
        Resident resident = residents.resident(residentId, actor.jurisdiction());
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
}
