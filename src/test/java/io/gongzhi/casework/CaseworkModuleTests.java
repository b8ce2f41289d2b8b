package io.gongzhi.casework;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import io.gongzhi.support.ModuleDatabase;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Casework with only the modules it uses: its steps publish what their listeners need, and its
 * notices are reactions to its own events, raised once per event.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(properties = {ModuleDatabase.URL + "casework" + ModuleDatabase.OPTIONS, ModuleDatabase.USER, ModuleDatabase.PASSWORD,
        ModuleDatabase.NO_OWNER})
class CaseworkModuleTests {

    @Autowired
    Cases cases;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aDispatchPublishesTheDepartmentsTheReporterAndTheJurisdiction(Scenario scenario) {
        Case c = cases.report(new Cases.Report("E0302", "模块测试：路灯不亮", null, null, CaseActors.INSIDE, "玉林北路 8 号", Channel.GRID, ""),
                CaseActors.gridWorker());
        cases.act(c.id(), Cases.Command.of(CaseAction.ACCEPT, ""), CaseActors.dispatcher());

        scenario.stimulate(() -> cases.act(c.id(), CaseLoopTests.dispatch("water", "ecology"), CaseActors.dispatcher()))
                .andWaitForEventOfType(CaseStepTaken.class)
                .matching(e -> e.caseId() == c.id() && e.action() == CaseAction.DISPATCH)
                .toArriveAndVerify(e -> {
                    assertThat(e.schema()).isEqualTo(CaseStepTaken.SCHEMA);
                    assertThat(e.facts().path()).isEqualTo(CaseActors.INSIDE_PATH);
                    assertThat(e.facts().leadDepartment()).isEqualTo("water");
                    assertThat(e.facts().departments()).containsExactlyInAnyOrder("water", "ecology");
                    assertThat(e.facts().reporterAccount()).isEqualTo(CaseActors.gridWorker().accountId());
                    assertThat(e.actorAccount()).isEqualTo(CaseActors.dispatcher().accountId());
                    assertThat(e.facts().about()).isEqualTo("模块测试：路灯不亮");
                });
    }

    @Test
    void aStepThatTellsSomeoneIsToldOnceHoweverOftenItIsDelivered(Scenario scenario) {
        long department = jdbc.sql("select id from identity_account where username = 'department'").query(Long.class).single();
        var facts = new CaseFacts(CaseActors.INSIDE_PATH, "模块测试：重复投递", "city-management", null, List.of("city-management"), List.of(),
                null, 0);
        var event = new CaseStepTaken(8101, CaseAction.DISPATCH, CaseState.ACCEPTED, CaseState.DISPATCHED, facts, null, "", Instant.now());

        scenario.publish(event)
                .andWaitForStateChange(() -> told(department, event), n -> n > 0)
                .andVerify(n -> assertThat(n).isEqualTo(1));
        // the registry delivers it again (a crash after the notice, before the listener completed)
        scenario.publish(event)
                .andWaitForStateChange(() -> waitingReactions(), n -> n == 0)
                .andVerify(n -> assertThat(told(department, event)).isEqualTo(1));
    }

    @Test
    void aStepThatTellsNobodyLeavesNoReactionToRun() {
        var facts = new CaseFacts(CaseActors.INSIDE_PATH, "模块测试：受理", null, null, List.of(), List.of(), null, 0);
        var accept = new CaseStepTaken(8102, CaseAction.ACCEPT, CaseState.REPORTED, CaseState.ACCEPTED, facts, null, "", Instant.now());
        var reject = new CaseStepTaken(8102, CaseAction.REJECT, CaseState.REPORTED, CaseState.CLOSED, facts, null, "", Instant.now());

        assertThat(keptAtCommit(accept)).as("accepting tells nobody: nothing to keep").isZero();
        assertThat(keptAtCommit(accept, reject)).as("a rejection tells the reporter: kept until told").isEqualTo(1);
    }

    /** How many more reactions are kept once the transaction publishing {@code published} has committed, before any has run. */
    private int keptAtCommit(CaseStepTaken... published) {
        var kept = new java.util.concurrent.atomic.AtomicInteger(-1);
        transactions.executeWithoutResult(tx -> {
            int before = waitingReactions();
            // registered before the listeners' own: runs first after the commit, before they are handed their events
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    kept.set(waitingReactions() - before);
                }
            });
            for (var event : published) {
                events.publishEvent(event);
            }
        });
        return kept.get();
    }

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    int told(long account, CaseStepTaken event) {
        return jdbc.sql("select count(*) from identity_notice where account_id = :a and source = :s")
                .param("a", account).param("s", event.id().toString()).query(Integer.class).single();
    }

    int waitingReactions() {
        return jdbc.sql("select count(*) from event_publication where listener_id = 'casework.notices'").query(Integer.class).single();
    }
}
