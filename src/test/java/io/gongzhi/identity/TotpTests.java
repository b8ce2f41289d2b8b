package io.gongzhi.identity;

import io.gongzhi.identity.internal.Totp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** TOTP against RFC 6238's published test vectors (SHA-1, last six of the eight digits). */
class TotpTests {

    /** Base32 of the RFC's ASCII secret "12345678901234567890". */
    static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @ParameterizedTest
    @CsvSource({"59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924", "2000000000, 279037", "20000000000, 353130"})
    void codesMatchTheRfc(long seconds, String code) {
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(seconds)))).isEqualTo(code);
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndNeverTwice() {
        Instant now = Instant.ofEpochSecond(1234567890);
        long step = Totp.step(now);
        assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now, 0)).isEqualTo(step - 1);
        assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now, 0)).isEqualTo(step + 1);
        assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now, 0)).isEqualTo(-1);
        assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step), now, step)).as("already used").isEqualTo(-1);
        assertThat(Totp.verify(RFC_SECRET, "12345", now, 0)).isEqualTo(-1);
        assertThat(Totp.verify(RFC_SECRET, null, now, 0)).isEqualTo(-1);
    }

    @Test
    void newSecretsAreDistinctAndTheUriNamesIssuerAndAccount() {
        String a = Totp.newSecret();
        assertThat(a).hasSize(32).matches("[A-Z2-7]+").isNotEqualTo(Totp.newSecret());
        assertThat(Totp.uri("Gongzhi 共治", "grid", a))
                .startsWith("otpauth://totp/Gongzhi%20%E5%85%B1%E6%B2%BB:grid?secret=" + a)
                .contains("issuer=Gongzhi%20%E5%85%B1%E6%B2%BB");
    }
}
