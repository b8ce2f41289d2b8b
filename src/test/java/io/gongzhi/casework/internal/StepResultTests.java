package io.gongzhi.casework.internal;

import io.gongzhi.casework.Case;
import io.gongzhi.casework.CaseAction;
import io.gongzhi.casework.CaseClosed;
import io.gongzhi.casework.CaseDispatched;
import io.gongzhi.casework.CaseReported;
import io.gongzhi.casework.CaseState;
import io.gongzhi.casework.CaseStepTaken;
import io.gongzhi.casework.Channel;
import io.gongzhi.casework.Pending;
import io.gongzhi.casework.Rating;
import io.gongzhi.casework.TimeLimit;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Jurisdiction;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A step answers the case after it and the events it raises; a case is changed field by field, never positionally. */
class StepResultTests {

    static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");
    static final Actor DISPATCHER = new Actor(7L, "dispatcher", Set.of("SUBDISTRICT_DISPATCHER"), Set.of("case.dispatch"), Jurisdiction.NONE);

    static Case accepted() {
        return Case.builder().id(42).category("E0103").categoryRevision(3).description("电线杆上贴满小广告").path("/51/5101/510107/510107005")
                .lon(104.05).lat(30.63).address("玉林北路").channel(Channel.GRID).reporterAccount(5L).reporterName("")
                .state(CaseState.ACCEPTED).timeLimit(TimeLimit.NORMAL).reportedAt(NOW.minusSeconds(600)).acceptedAt(NOW.minusSeconds(60))
                .updatedAt(NOW.minusSeconds(60)).version(1).build();
    }

    @Test
    void aCaseChangedInNothingIsTheSameCaseAndEachFieldIsSetByName() {
        Case c = accepted().with().pending(Pending.EXTENSION).pendingDays(3).rating(Rating.SATISFIED).parentId(9L).escalation(1).extensions(1)
                .returns(1).reworks(1).reopens(1).deadline(NOW).dispatchedAt(NOW).fedBackAt(NOW).closedAt(NOW)
                .departments(List.of(new Case.Handler("city-management", "LEAD", null, null, null))).build();
        assertThat(c.with().build()).as("every field copied").isEqualTo(c);
        assertThat(c.with().version(2).build()).isNotEqualTo(c).extracting(Case::version).isEqualTo(2);
        assertThat(Case.builder().build().pending()).as("a new case waits for nobody").isEqualTo(Pending.NONE);
    }

    @Test
    void aDispatchRaisesItsStepAndCaseDispatchedNamingTheLeadAndCoHandlersButNotThoseCalledIn() {
        Case before = accepted();
        Case after = before.with().state(CaseState.DISPATCHED).leadDepartment("city-management").deadline(NOW.plus(Duration.ofDays(2)))
                .departments(List.of(new Case.Handler("city-management", "LEAD", null, null, null),
                        new Case.Handler("housing", "CO", null, null, null), new Case.Handler("police", "CALLED", NOW, null, null)))
                .version(2).build();
        var result = StepResult.of(CaseAction.DISPATCH, before, after, DISPATCHER, "请处理", NOW);
        assertThat(result.after()).isSameAs(after);
        assertThat(result.events()).hasSize(2);
        var step = (CaseStepTaken) result.events().get(0);
        assertThat(step.caseId()).isEqualTo(42);
        assertThat(step.from()).isEqualTo(CaseState.ACCEPTED);
        assertThat(step.to()).isEqualTo(CaseState.DISPATCHED);
        assertThat(step.actorAccount()).isEqualTo(7L);
        assertThat(step.note()).isEqualTo("请处理");
        var dispatched = (CaseDispatched) result.events().get(1);
        assertThat(dispatched.department()).isEqualTo("city-management");
        assertThat(dispatched.departments()).containsExactly("city-management", "housing");
        assertThat(dispatched.deadline()).isEqualTo(NOW.plus(Duration.ofDays(2)));
    }

    @Test
    void aClosingRaisesCaseClosedSayingWhetherTheAnswerCameInTime() {
        Case fedBack = accepted().with().state(CaseState.FED_BACK).leadDepartment("city-management").deadline(NOW)
                .fedBackAt(NOW.minusSeconds(1)).build();
        Case closed = fedBack.with().state(CaseState.CLOSED).closedAt(NOW).build();
        var onTime = (CaseClosed) StepResult.of(CaseAction.CLOSE, fedBack, closed, DISPATCHER, "", NOW).events().get(1);
        assertThat(onTime.onTime()).isTrue();
        assertThat(onTime.reporterAccount()).isEqualTo(5L);
        Case late = closed.with().fedBackAt(NOW.plusSeconds(1)).build();
        assertThat(((CaseClosed) StepResult.of(CaseAction.CLOSE, fedBack, late, DISPATCHER, "", NOW).events().get(1)).onTime()).isFalse();
    }

    @Test
    void otherStepsRaiseOnlyTheirStepAndTheClocksHaveNoActor() {
        Case before = accepted();
        var escalated = StepResult.of(CaseAction.ESCALATE, before, before, null, "district", NOW);
        assertThat(escalated.events()).singleElement().isInstanceOfSatisfying(CaseStepTaken.class, e -> {
            assertThat(e.actorAccount()).isNull();
            assertThat(e.action()).isEqualTo(CaseAction.ESCALATE);
        });
    }

    @Test
    void aReportRaisesCaseReportedThenItsFirstStep() {
        Case reported = accepted().with().state(CaseState.REPORTED).acceptedAt(null).build();
        var events = StepResult.reported(reported, DISPATCHER).events();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(CaseReported.class, e -> {
            assertThat(e.category()).isEqualTo("E0103");
            assertThat(e.channel()).isEqualTo(Channel.GRID);
            assertThat(e.at()).isEqualTo(reported.reportedAt());
        });
        assertThat(events.get(1)).isInstanceOfSatisfying(CaseStepTaken.class, e -> {
            assertThat(e.action()).isEqualTo(CaseAction.REPORT);
            assertThat(e.from()).isNull();
            assertThat(e.to()).isEqualTo(CaseState.REPORTED);
        });
    }
}
