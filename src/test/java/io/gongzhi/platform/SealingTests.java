package io.gongzhi.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Secrets sealed for the database open only with the same key, in the same context, unaltered. */
class SealingTests {

    static final String KEY = "CZQ3GferFBS7Eu+77BhO1rYQrQfDAf0Ebfw+X3zniBo=";

    @Test
    void aSealedValueOpensInItsContextAndNowhereElse() {
        var sealing = new Sealing(KEY, "unused");
        String sealed = sealing.seal("JBSWY3DPEHPK3PXP", "identity.totp:7");
        assertThat(sealed).startsWith("v1:").doesNotContain("JBSWY3DPEHPK3PXP");
        assertThat(sealing.seal("JBSWY3DPEHPK3PXP", "identity.totp:7")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(sealing.open(sealed, "identity.totp:7")).isEqualTo("JBSWY3DPEHPK3PXP");

        assertThatThrownBy(() -> sealing.open(sealed, "identity.totp:8")).as("moved to another account")
                .isInstanceOf(IllegalStateException.class);
        String altered = sealed.substring(0, sealed.length() - 6) + (sealed.endsWith("AAAA==") ? "BBBB==" : "AAAA==");
        assertThatThrownBy(() -> sealing.open(altered, "identity.totp:7")).isInstanceOf(IllegalStateException.class);
        var otherKey = new Sealing("q1ZzU6bYl3Wq5tX0m7eN2c4v8rT1yH6kP9sD3fG5jL0=", "unused");
        assertThatThrownBy(() -> otherKey.open(sealed, "identity.totp:7")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAConfiguredKeyOneIsCreatedOnceForTheOwnerOnly(@TempDir Path data) throws Exception {
        String sealed = new Sealing("", data.toString()).seal("secret", "c");
        Path file = data.resolve("secret.key");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(new Sealing("", data.toString()).open(sealed, "c")).as("the same key next start").isEqualTo("secret");
    }

    @Test
    void aKeyOfTheWrongSizeIsRefusedWithTheReason() {
        assertThatThrownBy(() -> new Sealing("c2hvcnQ=", "unused")).hasMessageContaining("32 bytes");
    }
}
