package io.gongzhi.population.internal;

import io.gongzhi.population.internal.PersonalDataVault.Kind;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Residents' rows as staff may see them. The masks are made here from the sealed number, not
 * kept beside it: a copy of the database holds neither the area of a person's number nor their
 * birth date, only the birth year.
 */
@Component
public class ResidentRows {

    /** The columns {@link #mapper} reads, from {@code population_resident r}. */
    public static final String COLUMNS = "r.id, r.household_id, r.path, r.name, r.sex, r.birth_year, r.id_kind, r.id_sealed, r.nationality, "
            + "r.phone_masked, r.registration, r.relation, r.party_member, r.status, r.moved_in, r.version";

    private final PersonalDataVault vault;
    private final JdbcClient jdbc;

    ResidentRows(PersonalDataVault vault, JdbcClient jdbc) {
        this.vault = vault;
        this.jdbc = jdbc;
    }

    /** Reads {@link #COLUMNS} into a resident seen on {@code today} (without care groups: {@link #withCareGroups}). */
    public RowMapper<Resident> mapper(LocalDate today) {
        return (rs, n) -> {
            IdKind kind = IdKind.valueOf(rs.getString(7));
            BirthYears born = BirthYears.of(rs.getInt(6), today);
            return new Resident(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5).strip(), born, kind,
                    mask(kind, vault.reveal(kindOf(kind), new PersonalDataVault.Protected(rs.getString(8), ""))), rs.getString(9).strip(),
                    rs.getString(10), Registration.valueOf(rs.getString(11)), Relation.valueOf(rs.getString(12)), rs.getBoolean(13),
                    ResidentStatus.valueOf(rs.getString(14)), born.show(rs.getObject(15, LocalDate.class)), List.of(), rs.getInt(16));
        };
    }

    /** The residents with their care groups, in one query. */
    public List<Resident> withCareGroups(List<Resident> residents) {
        if (residents.isEmpty()) {
            return residents;
        }
        var groups = new HashMap<Long, List<String>>();
        jdbc.sql("select resident_id, care_group from population_resident_care where resident_id in (:ids) order by care_group")
                .param("ids", residents.stream().map(Resident::id).toList())
                .query(rs -> {
                    groups.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return residents.stream().map(r -> r.withCareGroups(groups.getOrDefault(r.id(), List.of()))).toList();
    }

    /** What staff see of a document number: a national ID's area, a passport's first two and last two characters. */
    public static String mask(IdKind kind, String number) {
        if (kind == IdKind.NATIONAL_ID) {
            return NationalId.masked(number);
        }
        return number.length() <= 4 ? "****" : number.substring(0, 2) + "*".repeat(number.length() - 4) + number.substring(number.length() - 2);
    }

    public static Kind kindOf(IdKind kind) {
        return kind == IdKind.PASSPORT ? Kind.PASSPORT : Kind.NATIONAL_ID;
    }
}
