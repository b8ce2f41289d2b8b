package io.gongzhi.screening;

import io.gongzhi.screening.internal.Campaigns;
import io.gongzhi.screening.internal.Rounds;
import io.gongzhi.screening.internal.VisitForm;
import io.gongzhi.screening.internal.Visits;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.RegionPath;
import io.gongzhi.support.ModuleDatabase;
import io.gongzhi.support.PopulationFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The screening module with only the modules it uses: opening a round publishes how many
 * households it gave tasks, and a visit meeting an anomaly rule publishes what the follow-up
 * needs (the household, its compound's path, the rules by label, who and when).
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = {ModuleDatabase.URL + "screening" + ModuleDatabase.OPTIONS, ModuleDatabase.USER, ModuleDatabase.PASSWORD,
        ModuleDatabase.NO_OWNER})
class ScreeningModuleTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    Campaigns campaigns;
    @Autowired
    Rounds rounds;
    @Autowired
    Visits visits;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void aRoundOpeningAndAnAnomalyArePublished(Scenario scenario) {
        var people = PopulationFixture.ensure(context);
        PopulationFixture.households(context, people.insideCompound(), 2);
        String community = RegionPath.of(people.insideCompound().path()).ancestor(4);
        var planner = new Actor(null, "module-planner", Set.of("SUBDISTRICT_DISPATCHER"), Set.of("screening.read", "screening.plan"),
                Jurisdiction.of(RegionPath.of(RegionPath.of(community).ancestor(3))));
        var worker = new Actor(null, "module-worker", Set.of("GRID_WORKER"), Set.of("screening.read", "screening.visit"),
                Jurisdiction.of(RegionPath.of(community)));
        var form = new VisitForm.Definition(List.of(new VisitForm.GivenField("temperature", "体温", "NUMBER", true, null, null)),
                List.of(new VisitForm.GivenRule("发热", List.of(new VisitForm.GivenCondition("temperature", "GE", "37.3", null)))));
        long campaign = campaigns.plan(new Campaigns.Plan(RegionPath.of(community).code(), "模块测试排查", form), planner).id();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        long[] round = new long[1];
        scenario.stimulate(() -> round[0] = rounds.open(campaign, new Rounds.Schedule(today, today.plusDays(2)), planner).id())
                .andWaitForEventOfType(RoundOpened.class).toArriveAndVerify(e -> {
                    assertThat(e.campaignId()).isEqualTo(campaign);
                    assertThat(e.scopePath()).isEqualTo(community);
                    assertThat(e.tasks()).isGreaterThanOrEqualTo(2);
                    assertThat(e.schema()).isEqualTo(RoundOpened.SCHEMA);
                });
        long household = jdbc.sql("select household_id from screening_task where round_id = ? and path = ? fetch first 1 rows only")
                .params(round[0], people.insideCompound().path()).query(Long.class).single();
        scenario.stimulate(() -> visits.record(round[0], List.of(new Visits.Sent("module-visit-1", household, "VISITED", clock.instant().toString(),
                        Map.of("temperature", 38.4))), worker))
                .andWaitForEventOfType(AnomalyFound.class).toArriveAndVerify(e -> {
                    assertThat(e.householdId()).isEqualTo(household);
                    assertThat(e.path()).isEqualTo(people.insideCompound().path());
                    assertThat(e.rules()).containsExactly("发热");
                    assertThat(e.visitedBy()).isEqualTo("module-worker");
                });
    }
}
