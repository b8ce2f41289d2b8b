package io.gongzhi.population.internal;

import io.gongzhi.platform.Sealing;
import org.springframework.stereotype.Component;

/**
 * Identity and phone numbers (and birth dates) at rest (DESIGN.md rule 4): each stored as a sealed value (AES-GCM,
 * bound to its kind) and a keyed lookup hash, so a search by number compares hashes and never
 * opens a row, and a copy of the database reveals no number.
 */
@Component
public class PersonalDataVault {

    /** The kinds of protected values; each seals and hashes under its own context. */
    public enum Kind {
        NATIONAL_ID("population.national-id"),
        PASSPORT("population.passport"),
        PHONE("population.phone"),
        /** The birth date of someone whose document does not carry it (a passport); a national ID's is in the number. */
        BIRTH_DATE("population.birth-date");

        final String context;

        Kind(String context) {
            this.context = context;
        }
    }

    /** What is stored: the sealed value and its lookup hash. */
    public record Protected(String sealed, String lookup) {
    }

    private final Sealing sealing;

    PersonalDataVault(Sealing sealing) {
        this.sealing = sealing;
    }

    public Protected protect(Kind kind, String plain) {
        return new Protected(sealing.seal(plain, kind.context), lookup(kind, plain));
    }

    /** The hash to search by. */
    public String lookup(Kind kind, String plain) {
        return sealing.lookupHash(plain, kind.context);
    }

    /** For a bulk load on one thread: see {@link Sealing#batch}; values are the same as {@link #protect}'s. */
    public Sealing.Batch batch(Kind kind) {
        return sealing.batch(kind.context);
    }

    /** The plain value; callers show it only to someone allowed to unmask, and audit it. */
    public String reveal(Kind kind, Protected value) {
        return sealing.open(value.sealed(), kind.context);
    }
}
