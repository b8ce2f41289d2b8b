package io.gongzhi.population;

import io.gongzhi.population.internal.PersonalDataVault;
import io.gongzhi.population.internal.PersonalDataVault.Kind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Numbers at rest: sealed, found by keyed hash, opened only as the kind they were sealed as. */
@SpringBootTest
class PersonalDataVaultTests {

    @Autowired
    PersonalDataVault vault;

    @Test
    void aNumberRoundTripsAndIsFoundByItsHashWithoutOpeningAnything() {
        var id = "11010519491231002X";
        var stored = vault.protect(Kind.NATIONAL_ID, id);
        assertThat(stored.sealed()).doesNotContain(id).doesNotContain("110105");
        assertThat(vault.reveal(Kind.NATIONAL_ID, stored)).isEqualTo(id);

        var again = vault.protect(Kind.NATIONAL_ID, id);
        assertThat(again.sealed()).as("sealed afresh each time").isNotEqualTo(stored.sealed());
        assertThat(again.lookup()).as("but found by the same hash").isEqualTo(stored.lookup()).isEqualTo(vault.lookup(Kind.NATIONAL_ID, id));
        assertThat(vault.lookup(Kind.PHONE, id)).as("kinds hash apart").isNotEqualTo(stored.lookup());
        assertThat(stored.lookup()).hasSize(64).doesNotContain(id);
    }

    @Test
    void aValueSealedAsOneKindDoesNotOpenAsAnother() {
        var stored = vault.protect(Kind.PHONE, "13812345678");
        assertThatThrownBy(() -> vault.reveal(Kind.NATIONAL_ID, stored)).isInstanceOf(IllegalStateException.class);
    }
}
