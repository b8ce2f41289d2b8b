package io.gongzhi.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import io.gongzhi.support.ModuleDatabase;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log on its own: what is recorded is found again, and the chain over it checks out. */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(properties = {ModuleDatabase.URL + "audit" + ModuleDatabase.OPTIONS, ModuleDatabase.USER, ModuleDatabase.PASSWORD,
        ModuleDatabase.NO_OWNER})
class AuditModuleTests {

    @Autowired
    Audit audit;
    @Autowired
    AuditLog log;

    @Test
    void aRecordedActionIsFoundAndTheChainIsIntact() {
        var recorded = audit.record("module.test", "thing:42", Outcome.SUCCESS, "模块测试");
        var found = log.search(new AuditQuery(null, "module.test", "thing:42", null, null), 0).records();
        assertThat(found).extracting(AuditRecord::id).contains(recorded.id());
        assertThat(log.verify().intact()).isTrue();
    }
}
