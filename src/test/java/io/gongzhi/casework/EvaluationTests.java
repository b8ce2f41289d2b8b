package io.gongzhi.casework;

import io.gongzhi.casework.internal.Evaluation;
import io.gongzhi.casework.internal.WorkingCalendar;
import io.gongzhi.identity.Role;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Violation;
import io.gongzhi.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static io.gongzhi.casework.CaseAction.ACCEPT;
import static io.gongzhi.casework.CaseAction.CLOSE;
import static io.gongzhi.casework.CaseAction.FEEDBACK;
import static io.gongzhi.casework.CaseAction.RECEIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The evaluation's figures from cases whose every step is known: counts, the documented rates, and no rate without a denominator. */
@SpringBootTest
@Import(TestClock.Configuration.class)
class EvaluationTests {

    @Autowired
    Cases cases;
    @Autowired
    Evaluation evaluation;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Reported, accepted and dispatched to the sports bureau, which no other test dispatches to. */
    long dispatched(String what) {
        long id = cases.report(new Cases.Report("E0102", what, null, null, CaseActors.INSIDE, "", Channel.GRID, ""), CaseActors.gridWorker()).id();
        cases.act(id, Cases.Command.of(ACCEPT, ""), CaseActors.dispatcher());
        cases.act(id, new Cases.Command(CaseAction.DISPATCH, "", "sports", List.of(), null, null, null, null, null, null), CaseActors.dispatcher());
        return id;
    }

    @Test
    void aDepartmentsFiguresFollowTheFormulas() {
        var sports = CaseActors.of(9300, Role.DEPARTMENT_STAFF, "/5101", "sports");
        long fine = dispatched("好的一件");
        cases.act(fine, Cases.Command.of(RECEIVE, ""), sports);
        cases.act(fine, Cases.Command.of(FEEDBACK, "已处理"), sports);
        cases.act(fine, Cases.Command.of(CLOSE, ""), CaseActors.communityWorker());
        cases.act(fine, new Cases.Command(CaseAction.RATE, "", null, null, null, null, null, Rating.SATISFIED, null, null), CaseActors.gridWorker());
        long reworked = dispatched("返工的一件");
        cases.act(reworked, Cases.Command.of(RECEIVE, ""), sports);
        cases.act(reworked, Cases.Command.of(FEEDBACK, "处理了"), sports);
        cases.act(reworked, Cases.Command.of(CaseAction.REWORK, "没处理干净"), CaseActors.communityWorker());
        cases.act(reworked, Cases.Command.of(FEEDBACK, "再次处理"), sports);
        cases.act(reworked, Cases.Command.of(CLOSE, ""), CaseActors.communityWorker());
        cases.act(reworked, new Cases.Command(CaseAction.RATE, "", null, null, null, null, null, Rating.DISSATISFIED, null, null),
                CaseActors.gridWorker());
        dispatched("没人管的一件");
        clock.advance(Duration.ofDays(6));

        LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.CHINA));
        var city = CaseActors.of(9301, Role.CITY_COMMITTEE, "/5101");
        var row = evaluation.of(Evaluation.By.DEPARTMENT, today.minusDays(7), today, city).stream()
                .filter(f -> f.code().equals("sports")).findFirst().orElseThrow();
        assertThat(row.dispatched()).isEqualTo(3);
        assertThat(row.handled()).isEqualTo(2);
        assertThat(row.handledOnTime()).isEqualTo(2);
        assertThat(row.closed()).isEqualTo(2);
        assertThat(row.reworked()).isEqualTo(1);
        assertThat(row.responded()).isEqualTo(2);
        assertThat(row.overdueOpen()).as("the one nobody took up").isEqualTo(1);
        assertThat(row.handledRate()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(row.reworkRate()).isCloseTo(0.5, within(1e-9));
        assertThat(row.satisfactionRate()).isCloseTo(0.5, within(1e-9));
        assertThat(row.extensionRate()).isZero();
        assertThat(row.averageHandlingHours()).isNotNull().isGreaterThanOrEqualTo(0);

        var byCommunity = evaluation.of(Evaluation.By.COMMUNITY, today.minusDays(7), today, city);
        assertThat(byCommunity).extracting(Evaluation.Figures::code).contains(CaseActors.INSIDE);
        assertThat(evaluation.of(Evaluation.By.DEPARTMENT, today.minusDays(7), today, CaseActors.otherDispatcher()))
                .as("another sub-district's figures leave these cases out").noneMatch(f -> f.code().equals("sports"));
        assertThat(evaluation.of(Evaluation.By.DEPARTMENT, today.plusDays(1), today.plusDays(2), city)).as("nothing dispatched then").isEmpty();
        assertThat(new Evaluation.Figures("x", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null).handledRate()).as("no rate without cases").isNull();

        assertThatThrownBy(() -> evaluation.of(Evaluation.By.DEPARTMENT, today, today.minusDays(1), city))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting(Violation::code)
                        .containsExactly("casework.evaluation.backwards"));
    }
}
