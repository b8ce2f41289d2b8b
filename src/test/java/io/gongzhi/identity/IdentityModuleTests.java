package io.gongzhi.identity;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import io.gongzhi.support.ModuleDatabase;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/** Identity with only the modules it uses: a change to an account is published for those who cache what it may do. */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(properties = {ModuleDatabase.URL + "identity" + ModuleDatabase.OPTIONS, ModuleDatabase.USER, ModuleDatabase.PASSWORD,
        ModuleDatabase.NO_OWNER})
class IdentityModuleTests {

    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void disablingAnAccountIsPublishedAndItCanNoLongerSignIn(Scenario scenario) {
        long socialorg = jdbc.sql("select id from identity_account where username = 'socialorg'").query(Long.class).single();
        scenario.stimulate(() -> accounts.setEnabled(socialorg, false))
                .andWaitForEventOfType(AccountChanged.class)
                .matching(e -> e.accountId() == socialorg)
                .toArriveAndVerify(e -> assertThat(accounts.byId(socialorg).enabled()).isFalse());
        accounts.setEnabled(socialorg, true);
    }
}
