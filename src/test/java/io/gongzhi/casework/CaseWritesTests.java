package io.gongzhi.casework;

import io.gongzhi.casework.internal.CaseQueries;
import io.gongzhi.casework.internal.Step;
import io.gongzhi.casework.internal.CaseWrites;

import io.gongzhi.casework.internal.GroupCommit;
import io.gongzhi.shared.Conflict;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a batch of steps a case's row is written with the batch's others just before the commit
 * ({@link CaseWrites}): a later step on the same case in the batch must see the earlier one, and
 * a case changed by someone else before the commit must refuse only the step on it.
 */
@SpringBootTest
class CaseWritesTests {

    @Autowired
    Cases cases;
    @Autowired
    CaseQueries queries;
    @Autowired
    GroupCommit groupCommit;
    @Autowired
    JdbcClient jdbc;

    Case reported(String description) {
        return cases.report(new Cases.Report("E0101", description, null, null, CaseActors.INSIDE, "", Channel.GRID, ""), CaseActors.gridWorker());
    }

    @Test
    void twoStepsOnOneCaseInOneBatchFollowEachOther() {
        long id = reported("批内：先受理再派遣").id();
        Case dispatched = groupCommit.run(id, () -> {
            Case accepted = cases.act(id, Cases.Command.of(CaseAction.ACCEPT, ""), CaseActors.dispatcher());
            assertThat(accepted.state()).isEqualTo(CaseState.ACCEPTED);
            return cases.act(id, new Cases.Command(CaseAction.DISPATCH, "", "water", List.of(), null, null, null, null, null, null),
                    CaseActors.dispatcher());
        });
        assertThat(dispatched.state()).isEqualTo(CaseState.DISPATCHED);
        assertThat(dispatched.acceptedAt()).as("the dispatch saw the acceptance").isNotNull();
        assertThat(queries.require(id)).as("stored as answered").isEqualTo(dispatched);
        assertThat(queries.steps(id, CaseActors.dispatcher())).extracting(Step::action)
                .containsExactly(CaseAction.REPORT, CaseAction.ACCEPT, CaseAction.DISPATCH);
    }

    @Test
    void aCaseChangedBeforeTheBatchCommitsRefusesOnlyTheStepOnIt() {
        long changed = reported("批内：别人先改了").id();
        long other = reported("批内：同批的另一件").id();
        var results = groupCommit.runEach(List.of(
                new GroupCommit.Work<>(changed, () -> {
                    Case accepted = cases.act(changed, Cases.Command.of(CaseAction.ACCEPT, ""), CaseActors.dispatcher());
                    // someone else's transaction changes the case while this step's row waits for the commit
                    CompletableFuture.runAsync(() -> jdbc.sql("update casework_case set escalation = 1, version = version + 1 where id = :id")
                            .param("id", changed).update()).join();
                    return accepted;
                }),
                new GroupCommit.Work<>(other, () -> cases.act(other, Cases.Command.of(CaseAction.ACCEPT, ""), CaseActors.dispatcher()))));
        assertThat(results.get(0).failure()).isInstanceOf(Conflict.class).hasMessageContaining("casework.changed-meanwhile");
        assertThat(results.get(1).failure()).isNull();
        assertThat(results.get(1).value().state()).isEqualTo(CaseState.ACCEPTED);

        Case stored = queries.require(changed);
        assertThat(stored.state()).as("the refused step left nothing").isEqualTo(CaseState.REPORTED);
        assertThat(stored.escalation()).as("the other change stands").isEqualTo(1);
        assertThat(queries.steps(changed, CaseActors.dispatcher())).extracting(Step::action).containsExactly(CaseAction.REPORT);
        assertThat(queries.require(other).state()).isEqualTo(CaseState.ACCEPTED);
    }
}
