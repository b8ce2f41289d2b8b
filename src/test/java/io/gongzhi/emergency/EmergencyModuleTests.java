package io.gongzhi.emergency;

import io.gongzhi.emergency.internal.Responses;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.RegionPath;
import io.gongzhi.support.ModuleDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emergency module with only the modules it uses: declaring, changing and standing down a
 * response publish what listeners need (the unit, its path for everything below it, the levels).
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = {ModuleDatabase.URL + "emergency" + ModuleDatabase.OPTIONS, ModuleDatabase.USER, ModuleDatabase.PASSWORD,
        ModuleDatabase.NO_OWNER})
class EmergencyModuleTests {

    static final Actor DISTRICT = new Actor(1L, "wuhou-committee", Set.of("DISTRICT_COMMITTEE"), Set.of("emergency.read", "emergency.declare"),
            Jurisdiction.of(RegionPath.of("/5101/510107")));

    @Autowired
    Responses responses;

    @Test
    void aResponseIsPublishedWhenDeclaredChangedAndStoodDown(Scenario scenario) {
        scenario.stimulate(() -> responses.declare("510107", "III", "模块测试：聚集性疫情", DISTRICT))
                .andWaitForEventOfType(EmergencyDeclared.class).toArriveAndVerify(e -> {
                    assertThat(e.unitCode()).isEqualTo("510107");
                    assertThat(e.path()).isEqualTo("/5101/510107");
                    assertThat(e.level()).isEqualTo(ResponseLevel.III);
                    assertThat(e.schema()).isEqualTo(EmergencyDeclared.SCHEMA);
                });
        long id = responses.visibleTo(DISTRICT.jurisdiction(), false, 10).get(0).id();
        scenario.stimulate(() -> responses.change(id, "II", "病例增加", DISTRICT))
                .andWaitForEventOfType(ResponseLevelChanged.class).toArriveAndVerify(e -> {
                    assertThat(e.from()).isEqualTo(ResponseLevel.III);
                    assertThat(e.level()).isEqualTo(ResponseLevel.II);
                });
        scenario.stimulate(() -> responses.standDown(id, "疫情得到控制", DISTRICT))
                .andWaitForEventOfType(EmergencyStoodDown.class).toArriveAndVerify(e -> assertThat(e.responseId()).isEqualTo(id));
        assertThat(responses.history(id)).extracting(Responses.Change::kind).containsExactly("DECLARED", "RAISED", "STOOD_DOWN");
    }
}
