package io.gongzhi.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneTests {

    @ParameterizedTest
    @CsvSource({
            "13812345678,       13812345678,  138****5678",
            "+86 138 1234 5678, 13812345678,  138****5678",
            "(028)85551234,     028-85551234, 028-****1234",
            "028 8555 1234,     028-85551234, 028-****1234",
            "01062345678,       010-62345678, 010-****5678",
            "08162345678,       0816-2345678, 0816-***5678",
    })
    void numbersAsPeopleWriteThemAreReadAndMasked(String written, String stored, String masked) {
        var phone = Phone.parse(written).orElseThrow();
        assertThat(phone.value()).isEqualTo(stored);
        assertThat(phone.masked()).isEqualTo(masked);
        assertThat(phone.toString()).isEqualTo(masked);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345678901", "1381234567", "138123456789", "phone", "028-123"})
    void notPhoneNumbersAreRefused(String text) {
        assertThat(Phone.parse(text)).isEmpty();
        assertThat(Phone.problems("phone", text)).singleElement().satisfies(v -> assertThat(v.code()).isEqualTo("person.phone-invalid"));
    }
}
