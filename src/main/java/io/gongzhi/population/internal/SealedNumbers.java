package io.gongzhi.population.internal;

import io.gongzhi.population.internal.PersonalDataVault.Kind;
import io.gongzhi.population.internal.PersonalDataVault.Protected;
import io.gongzhi.shared.Phone;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A resident's protected values as stored: the document number and phone sealed with their lookup
 * hashes, the birth date sealed where the document does not carry it (a national ID's is eight of
 * its digits), and in clear only the birth year and the phone's mask.
 */
@Component
public class SealedNumbers {

    private final PersonalDataVault vault;
    private final JdbcClient jdbc;

    SealedNumbers(PersonalDataVault vault, JdbcClient jdbc) {
        this.vault = vault;
        this.jdbc = jdbc;
    }

    /** A resident's stored document kind and sealed values (the phone and the birth date may be null). */
    public final class Stored {
        private final IdKind kind;
        private final String id;
        private final String phone;
        private final String birth;

        private Stored(IdKind kind, String id, String phone, String birth) {
            this.kind = kind;
            this.id = id;
            this.phone = phone;
            this.birth = birth;
        }

        public IdKind kind() {
            return kind;
        }

        public String number() {
            return vault.reveal(ResidentRows.kindOf(kind), new Protected(id, ""));
        }

        public Optional<String> phone() {
            return Optional.ofNullable(phone).map(p -> vault.reveal(Kind.PHONE, new Protected(p, "")));
        }

        public LocalDate birthDate() {
            return kind == IdKind.NATIONAL_ID ? new NationalId(number()).birthDate()
                    : LocalDate.parse(vault.reveal(Kind.BIRTH_DATE, new Protected(birth, "")));
        }
    }

    public Stored of(long residentId) {
        return jdbc.sql("select id_kind, id_sealed, phone_sealed, birth_sealed from population_resident where id = :id").param("id", residentId)
                .query((rs, n) -> new Stored(IdKind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4))).single();
    }

    /**
     * The form with what was left blank taken from the stored values: a form never holds the plain
     * numbers nor the birth date, so a blank one keeps what is stored (while the document kind stays).
     */
    public ResidentForm keepStored(long residentId, ResidentForm f) {
        if (!f.idNumber().isEmpty() && !f.phone().isEmpty() && !f.birthDate().isEmpty()) {
            return f;
        }
        Stored stored = of(residentId);
        boolean sameKind = f.kind().filter(k -> k == stored.kind()).isPresent();
        String number = f.idNumber().isEmpty() && sameKind ? stored.number() : f.idNumber();
        String phone = f.phone().isEmpty() ? stored.phone().orElse("") : f.phone();
        String birth = f.birthDate().isEmpty() && sameKind && stored.kind() != IdKind.NATIONAL_ID ? stored.birthDate().toString() : f.birthDate();
        return new ResidentForm(f.name(), f.sex(), birth, f.idKind(), number, f.nationality(), phone, f.registration(), f.relation(),
                f.partyMember(), f.careGroups(), f.movedIn());
    }

    /** The named parameters of the protected columns for a valid form: idSealed, idLookup, birthYear, birthSealed, phone…. */
    public Map<String, Object> columns(ResidentForm form) {
        IdKind kind = form.kind().orElseThrow();
        var id = vault.protect(ResidentRows.kindOf(kind), form.idNumber());
        var params = new HashMap<String, Object>();
        params.put("idSealed", id.sealed());
        params.put("idLookup", id.lookup());
        params.put("birthYear", form.birth().getYear());
        params.put("birthSealed", kind == IdKind.NATIONAL_ID ? null : vault.protect(Kind.BIRTH_DATE, form.birth().toString()).sealed());
        Optional<Phone> phone = form.phoneValue();
        var sealedPhone = phone.map(p -> vault.protect(Kind.PHONE, p.value()));
        params.put("phoneSealed", sealedPhone.map(Protected::sealed).orElse(null));
        params.put("phoneLookup", sealedPhone.map(Protected::lookup).orElse(null));
        params.put("phoneMasked", phone.map(Phone::masked).orElse(null));
        return params;
    }

    /** The lookup hash of the form's document number. */
    public String lookup(ResidentForm form) {
        return vault.lookup(ResidentRows.kindOf(form.kind().orElseThrow()), form.idNumber());
    }
}
