package io.gongzhi.population;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/** A resident as staff see them: identity and phone numbers masked; the plain numbers only through {@link Registry#unmask}. */
public record Resident(long id, long householdId, String path, String name, String sex, LocalDate birthDate, IdKind idKind,
                       String idMasked, String nationality, String phoneMasked, Registration registration, Relation relation,
                       boolean partyMember, ResidentStatus status, LocalDate movedIn, List<String> careGroups, int version) {

    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    public boolean present() {
        return status == ResidentStatus.PRESENT;
    }
}
