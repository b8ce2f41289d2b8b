package io.gongzhi.population.internal;

import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.geography.Unit;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where residents live, as the registry and the import both write it: compounds inside a
 * jurisdiction, households at an address, a resident's row, care groups and residence history,
 * and how a place is named.
 */
@Service
public class Households {

    private final JdbcClient jdbc;
    private final SealedNumbers sealed;
    private final Hierarchy hierarchy;
    private final Clock clock;

    Households(JdbcClient jdbc, SealedNumbers sealed, Hierarchy hierarchy, Clock clock) {
        this.jdbc = jdbc;
        this.sealed = sealed;
        this.hierarchy = hierarchy;
        this.clock = clock;
    }

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
                .param("movedIn", form.movedInOr(LocalDate.now(clock.withZone(Registry.CHINA)))).param("now", Timestamp.from(clock.instant())).update(keys, "id");
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

    void insertCare(long id, String path, Set<String> codes) {
        for (String code : codes) {
            jdbc.sql("insert into population_resident_care (resident_id, care_group, path) values (:r, :c, :p)")
                    .param("r", id).param("c", code).param("p", path).update();
        }
    }

    String addressOf(long household) {
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
