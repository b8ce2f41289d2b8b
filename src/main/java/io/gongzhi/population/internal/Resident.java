package io.gongzhi.population.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * A resident as staff see them: numbers masked, the birth only as its years and dates that would
 * narrow it shown as a year (see {@link BirthYears}); the plain values only through {@link Registry#unmask}.
 *
 * @param movedIn the day they moved in where they live, as {@link BirthYears#show} gives it
 */
public record Resident(long id, long householdId, String path, String name, String sex, BirthYears born, IdKind idKind,
                       String idMasked, String nationality, String phoneMasked, Registration registration, Relation relation,
                       boolean partyMember, ResidentStatus status, String movedIn, List<String> careGroups, int version) {

    /** The age reached this year ({@code 0–1} for the youngest). */
    public String age(LocalDate today) {
        return born.age(today);
    }

    public boolean present() {
        return status == ResidentStatus.PRESENT;
    }

    public Resident withCareGroups(List<String> groups) {
        return new Resident(id, householdId, path, name, sex, born, idKind, idMasked, nationality, phoneMasked, registration, relation,
                partyMember, status, movedIn, groups, version);
    }
}
