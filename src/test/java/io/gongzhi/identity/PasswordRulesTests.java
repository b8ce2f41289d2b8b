package io.gongzhi.identity;

import io.gongzhi.identity.internal.PasswordRules;
import io.gongzhi.shared.Violation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The password rules a person meets when choosing a password. */
class PasswordRulesTests {

    @ParameterizedTest
    @CsvSource({
            "Short1!,                 account.password-too-short",
            "alllowercaseletters,     account.password-classes",
            "Password1234!,           account.password-common",
            "Qwerty123456!,           account.password-common",
            "P@ssw0rd2026!,           account.password-common",
            "Abc123456789!,           account.password-common",
            "Woaini1314520!,          account.password-common",
            "Zhangwei-2026-x9,        account.password-personal",
    })
    void weakPasswordsAreRefusedWithTheReason(String password, String reason) {
        assertThat(PasswordRules.check("password", password, "zhangwei", "张伟")).extracting(Violation::code).contains(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tianfu-Square#2026", "correct horse battery Staple 9", "Gz7!mQ2#vR9$kL4"})
    void strongPasswordsPass(String password) {
        assertThat(PasswordRules.check("password", password, "zhangwei", "张伟")).isEmpty();
    }
}
