package io.gongzhi.emergency;

import io.gongzhi.emergency.internal.Directives;
import io.gongzhi.emergency.internal.SilenceEscalation;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.identity.Accounts;
import io.gongzhi.identity.Notices;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.RegionPath;
import io.gongzhi.support.PopulationFixture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Escalation on silence, with the sweep's clock in the test's hand: nothing before the deadline;
 * at it every silent unit is raised to its parent place once, whose staff hear how many are
 * silent; the directive's interval later, still silent, to the grandparent; a unit that answered
 * is never raised.
 */
@SpringBootTest
class EmergencyEscalationTests {

    @Autowired
    Directives directives;
    @Autowired
    io.gongzhi.emergency.internal.Answers answers;
    @Autowired
    SilenceEscalation escalation;
    @Autowired
    Hierarchy hierarchy;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Accounts accounts;
    @Autowired
    Notices notices;

    @Test
    void silentUnitsAreRaisedToTheirParentAtTheDeadlineAndToTheirGrandparentLater() {
        PopulationFixture.ensure(context);
        var yulin = new Actor(null, "escalation-test", Set.of("SUBDISTRICT_DISPATCHER"), Set.of("directive.issue"),
                Jurisdiction.of(RegionPath.of(hierarchy.unit("510107005").path())));
        var d = directives.issue(new Directives.Issue("510107005", null, "逐级上报测试：封闭出入口", "只留一个出入口", 1, null, 30), yulin);
        var grid = hierarchy.children("510107005001").stream().filter(u -> u.level() == Level.GRID).findFirst().orElseThrow();
        var worker = new Actor(null, "escalation-grid", Set.of("GRID_WORKER"), Set.of("directive.acknowledge"), Jurisdiction.of(RegionPath.of(grid.path())));
        int answered = answers.acknowledge(d.id(), List.of(), worker);
        int silent = d.recipients() - answered;

        // other tests' directives share the database: what matters is what this one's units show
        escalation.sweep(d.ackDue().minusSeconds(60));
        assertThat(raised(d.id(), 1)).as("before the deadline").isZero();
        escalation.sweep(d.ackDue().plusSeconds(60));
        assertThat(raised(d.id(), 1)).as("at the deadline, every silent unit").isEqualTo(silent);
        escalation.sweep(d.ackDue().plusSeconds(120));
        assertThat(raised(d.id(), 1) + raised(d.id(), 2)).as("each once").isEqualTo(silent);
        assertThat(jdbc.sql("select count(*) from emergency_recipient where directive_id = ? and acknowledged_at is not null and escalated > 0")
                .param(d.id()).query(Long.class).single()).as("a unit that answered is never raised").isZero();

        long dispatcher = accounts.find("dispatcher").orElseThrow().id();
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(notices.of(dispatcher, true, 50)).as("the sub-district hears of its silent communities")
                        .anySatisfy(n -> {
                            assertThat(n.code()).isEqualTo("notice.directive.silent");
                            assertThat(n.args().get(0)).isEqualTo("逐级上报测试：封闭出入口");
                            assertThat(n.link()).isEqualTo("/emergency/directives/" + d.id() + "?unit=510107005");
                        }));

        escalation.sweep(d.ackDue().plusSeconds(60L * 29));
        assertThat(raised(d.id(), 2)).as("not before the directive's interval").isZero();
        escalation.sweep(d.ackDue().plusSeconds(60L * 31));
        assertThat(raised(d.id(), 2)).as("then to the grandparent").isEqualTo(silent);
    }

    long raised(long directive, int tier) {
        return jdbc.sql("select count(*) from emergency_recipient where directive_id = ? and escalated = ?").params(directive, tier).query(Long.class).single();
    }
}
