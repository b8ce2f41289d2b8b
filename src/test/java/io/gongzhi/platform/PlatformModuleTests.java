package io.gongzhi.platform;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import io.gongzhi.support.ModuleDatabase;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The platform on its own: a sealed value opens only for the context it was sealed for, and no reaction waits. */
@ApplicationModuleTest
@TestPropertySource(properties = {ModuleDatabase.URL + "platform" + ModuleDatabase.OPTIONS, ModuleDatabase.USER, ModuleDatabase.PASSWORD,
        ModuleDatabase.NO_OWNER})
class PlatformModuleTests {

    @Autowired
    Sealing sealing;
    @Autowired
    Reactions reactions;

    @Test
    void aSealedValueOpensOnlyWhereItWasSealedFor() {
        String sealed = sealing.seal("13912345678", "identity.notify-phone:7");
        assertThat(sealed).doesNotContain("13912345678");
        assertThat(sealing.open(sealed, "identity.notify-phone:7")).isEqualTo("13912345678");
        assertThatThrownBy(() -> sealing.open(sealed, "identity.notify-phone:8")).as("moved to another account").isNotNull();
        assertThat(reactions.waiting(10)).isEmpty();
    }
}
