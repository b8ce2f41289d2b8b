package io.gongzhi.identity;

import io.gongzhi.identity.internal.Passwords;
import org.junit.jupiter.api.RepeatedTest;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordsTests {

    @RepeatedTest(50)
    void generatedPasswordsMeetTheComplexityRulesAndAvoidLookAlikes() {
        String password = Passwords.generate();
        assertThat(password).hasSize(16)
                .containsPattern("[A-Z]").containsPattern("[a-z]").containsPattern("[0-9]").containsPattern("[#%+=@]")
                .doesNotContainPattern("[0O1lI]");
    }
}
