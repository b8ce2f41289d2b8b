package io.gongzhi.population;

import io.gongzhi.population.internal.NationalId;

import io.gongzhi.shared.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Identity numbers: GB 11643's check character, the birth date, the sex digit, masking. */
class NationalIdTests {

    @Test
    void thePublishedSampleNumberIsValidAndReadsAsItShould() {
        var id = NationalId.parse("11010519491231002x").orElseThrow();
        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.areaCode()).isEqualTo("110105");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.male()).isFalse();
        assertThat(id.masked()).as("the area only: beside a birth year the last four would leave ~33 numbers").isEqualTo("110105************");
        assertThat(id.toString()).as("never the whole number in a log").isEqualTo(id.masked());
        assertThat(NationalId.parse("440524 18800101 0014")).map(NationalId::male).contains(true);
    }

    @ParameterizedTest
    @CsvSource({
            "51010719900101123,    person.id-length",
            "5101071990010112345,  person.id-length",
            "51010719900101123A,   person.id-characters",
            "510107199001011234,   person.id-checksum",
            "510107199002301235,   person.id-birth-date",
    })
    void badNumbersSayWhy(String text, String reason) {
        assertThat(NationalId.problems("id", text)).extracting(Violation::code).contains(reason);
        assertThat(NationalId.parse(text)).isEmpty();
    }

    @Test
    void numbersMadeForSyntheticPeopleAreValidAndCarryTheirFacts() {
        var random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(33_000));
            boolean male = random.nextBoolean();
            var id = NationalId.nth("510107", birth, random.nextInt(500), male);
            assertThat(NationalId.problems("id", id.value())).isEmpty();
            assertThat(id.birthDate()).isEqualTo(birth);
            assertThat(id.male()).isEqualTo(male);
            assertThat(id.areaCode()).isEqualTo("510107");
        }
    }

    @Test
    void aSingleMistypedDigitIsCaught() {
        String good = "11010519491231002X";
        for (int i = 0; i < 17; i++) {
            char[] typo = good.toCharArray();
            typo[i] = (char) ('0' + (typo[i] - '0' + 1) % 10);
            assertThat(NationalId.parse(new String(typo))).as("digit " + i).isEmpty();
        }
    }
}
