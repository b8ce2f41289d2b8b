package io.gongzhi.casework;

import io.gongzhi.casework.internal.Attachment;
import io.gongzhi.casework.internal.CaseQueries;
import io.gongzhi.casework.internal.Step;
import io.gongzhi.casework.internal.Escalation;

import io.gongzhi.shared.Conflict;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.NotPermitted;
import io.gongzhi.shared.Violation;
import io.gongzhi.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;

import static io.gongzhi.casework.CaseAction.ACCEPT;
import static io.gongzhi.casework.CaseAction.CLOSE;
import static io.gongzhi.casework.CaseAction.FEEDBACK;
import static io.gongzhi.casework.CaseAction.RECEIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One case through the loop, and every way a step can be refused. */
@SpringBootTest
@Import({TestClock.Configuration.class, CaseEvents.Configuration.class})
class CaseLoopTests {

    @Autowired
    Cases cases;
    @Autowired
    CaseQueries queries;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseEvents events;
    @Autowired
    Escalation escalation;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    Case reported(String description) {
        return cases.report(new Cases.Report("E0302", description, null, null, CaseActors.INSIDE, "玉林北路 12 号", Channel.GRID, ""),
                CaseActors.gridWorker());
    }

    static Cases.Command dispatch(String lead, String... co) {
        return new Cases.Command(CaseAction.DISPATCH, "", lead, List.of(co), null, null, null, null, null, null);
    }

    @Test
    void aCaseGoesFromTheGridWorkerToTheDepartmentAndBackToBeVerifiedAndRated() {
        Case c = reported("河道有油污，气味很大");
        assertThat(c.state()).isEqualTo(CaseState.REPORTED);
        assertThat(c.path()).isEqualTo(CaseActors.INSIDE_PATH);
        assertThat(c.timeLimit()).as("from the catalogue").isEqualTo(TimeLimit.URGENT);

        cases.act(c.id(), Cases.Command.of(ACCEPT, ""), CaseActors.dispatcher());
        Case dispatched = cases.act(c.id(), dispatch("water", "ecology"), CaseActors.dispatcher());
        assertThat(dispatched.leadDepartment()).isEqualTo("water");
        assertThat(dispatched.departments()).extracting(Case.Handler::department, Case.Handler::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("water", "LEAD"), org.assertj.core.groups.Tuple.tuple("ecology", "CO"));
        assertThat(dispatched.deadline()).isEqualTo(queries.require(c.id()).deadline()).isAfter(dispatched.dispatchedAt());

        cases.act(c.id(), Cases.Command.of(RECEIVE, ""), CaseActors.water());
        cases.act(c.id(), Cases.Command.of(FEEDBACK, "已清理油污，排查上游排口"), CaseActors.water());
        Case closed = cases.act(c.id(), Cases.Command.of(CLOSE, "现场核实已清理"), CaseActors.communityWorker());
        assertThat(closed.state()).isEqualTo(CaseState.CLOSED);
        Case rated = cases.act(c.id(), new Cases.Command(CaseAction.RATE, "", null, null, null, null, null, Rating.SATISFIED, null, null),
                CaseActors.gridWorker());
        assertThat(rated.rating()).isEqualTo(Rating.SATISFIED);

        assertThat(queries.steps(c.id(), CaseActors.dispatcher())).extracting(Step::action, Step::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CaseAction.REPORT, CaseState.REPORTED),
                org.assertj.core.groups.Tuple.tuple(CaseAction.ACCEPT, CaseState.ACCEPTED),
                org.assertj.core.groups.Tuple.tuple(CaseAction.DISPATCH, CaseState.DISPATCHED),
                org.assertj.core.groups.Tuple.tuple(CaseAction.RECEIVE, CaseState.HANDLING),
                org.assertj.core.groups.Tuple.tuple(CaseAction.FEEDBACK, CaseState.FED_BACK),
                org.assertj.core.groups.Tuple.tuple(CaseAction.CLOSE, CaseState.CLOSED),
                org.assertj.core.groups.Tuple.tuple(CaseAction.RATE, CaseState.CLOSED));
        assertThat(events.stream(CaseReported.class)).extracting(CaseReported::caseId).contains(c.id());
        assertThat(events.stream(CaseDispatched.class)).filteredOn(e -> e.caseId() == c.id()).extracting(CaseDispatched::department)
                .containsExactly("water");
        assertThat(events.stream(CaseClosed.class)).filteredOn(e -> e.caseId() == c.id()).extracting(CaseClosed::onTime).containsExactly(true);
        assertThat(events.stream(CaseStepTaken.class).filter(e -> e.caseId() == c.id()).count()).isEqualTo(7);
        assertThat(jdbc.sql("select count(*) from audit_record where object = :o").param("o", "case:" + c.id()).query(Long.class).single())
                .as("every step audited").isEqualTo(7);
    }

    @Test
    void stepsOfAnotherPartyOrAtTheWrongTimeAreRefusedAndChangeNothing() {
        Case c = reported("井盖缺失");
        assertThatThrownBy(() -> cases.act(c.id(), dispatch("water"), CaseActors.communityWorker()))
                .as("a community worker does not dispatch").isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> cases.act(c.id(), dispatch("water"), CaseActors.dispatcher()))
                .as("not accepted yet").isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.code()).isEqualTo("casework.not-now"));
        assertThatThrownBy(() -> cases.act(c.id(), Cases.Command.of(ACCEPT, ""), CaseActors.otherDispatcher()))
                .as("another sub-district's dispatcher does not even see it").isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> cases.act(c.id(), Cases.Command.of(RECEIVE, ""), CaseActors.water()))
                .as("no department sees a case before it is dispatched to it").isInstanceOf(NotFound.class);
        cases.act(c.id(), Cases.Command.of(ACCEPT, ""), CaseActors.dispatcher());
        cases.act(c.id(), dispatch("water"), CaseActors.dispatcher());
        assertThatThrownBy(() -> cases.act(c.id(), Cases.Command.of(RECEIVE, ""), CaseActors.fire())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> cases.act(c.id(), Cases.Command.of(FEEDBACK, ""), CaseActors.water()))
                .as("not taken up yet").isInstanceOf(Conflict.class);
        cases.act(c.id(), Cases.Command.of(RECEIVE, ""), CaseActors.water());
        assertThatThrownBy(() -> cases.act(c.id(), Cases.Command.of(FEEDBACK, " "), CaseActors.water()))
                .as("feedback says what was done").isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting(Violation::code)
                        .containsExactly("casework.work-required"));
        Case current = queries.require(c.id());
        assertThatThrownBy(() -> cases.act(c.id(), new Cases.Command(FEEDBACK, "修好了", null, null, null, null, null, null, null,
                current.version() - 1), CaseActors.water())).as("a stale version").isInstanceOf(Conflict.class);
        assertThat(queries.require(c.id()).state()).isEqualTo(CaseState.HANDLING);
        assertThat(queries.steps(c.id(), CaseActors.dispatcher())).hasSize(4);
    }

    @Test
    void badReportsNameEveryProblem() {
        assertThatThrownBy(() -> cases.report(new Cases.Report("", "x".repeat(4001), 104.0, null, null, null, Channel.GRID, null),
                CaseActors.gridWorker()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting(Violation::where, Violation::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("category", "casework.required"),
                                org.assertj.core.groups.Tuple.tuple("description", "casework.too-long"),
                                org.assertj.core.groups.Tuple.tuple("lat", "casework.location-half")));
        assertThatThrownBy(() -> cases.report(new Cases.Report("E03", "油污", null, null, "999999", null, Channel.GRID, null),
                CaseActors.gridWorker()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting(Violation::code)
                        .containsExactly("casework.category-not-reportable", "casework.place-unknown"));
        assertThatThrownBy(() -> cases.report(new Cases.Report("E0302", "油污", 116.4, 39.9, null, null, Channel.GRID, null),
                CaseActors.gridWorker()))
                .as("Beijing").isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting(Violation::code)
                        .containsExactly("casework.outside-city"));
        assertThatThrownBy(() -> cases.report(new Cases.Report("E0302", "油污", null, null, CaseActors.OUTSIDE, null, Channel.GRID, null),
                CaseActors.gridWorker()))
                .as("a grid worker reports in their own area").isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.violations()).extracting(Violation::code).containsExactly("casework.outside-jurisdiction"));
        Case fromResident = cases.report(new Cases.Report("E0302", "油污", null, null, CaseActors.OUTSIDE, null, Channel.RESIDENT, null),
                CaseActors.resident());
        assertThat(fromResident.path()).endsWith(CaseActors.OUTSIDE);
    }

    @Test
    void extensionsMoveTheDeadlineByWorkingDaysAndAreLimited() {
        Case c = reported("扬尘");
        cases.act(c.id(), Cases.Command.of(ACCEPT, ""), CaseActors.dispatcher());
        cases.act(c.id(), dispatch("water"), CaseActors.dispatcher());
        cases.act(c.id(), Cases.Command.of(RECEIVE, ""), CaseActors.water());
        var before = queries.require(c.id()).deadline();
        var ask = new Cases.Command(CaseAction.REQUEST_EXTENSION, "需要协调施工方", null, null, null, 3, null, null, null, null);
        cases.act(c.id(), ask, CaseActors.water());
        assertThatThrownBy(() -> cases.act(c.id(), ask, CaseActors.water())).as("one request at a time").isInstanceOf(Conflict.class);
        Case extended = cases.act(c.id(), Cases.Command.of(CaseAction.APPROVE_EXTENSION, ""), CaseActors.dispatcher());
        assertThat(extended.deadline()).isEqualTo(queries.require(c.id()).deadline());
        assertThat(extended.deadline()).isAfterOrEqualTo(before.plus(Duration.ofDays(3)));
        assertThat(extended.pending()).isEqualTo(Pending.NONE);
        cases.act(c.id(), ask, CaseActors.water());
        Case denied = cases.act(c.id(), Cases.Command.of(CaseAction.DENY_EXTENSION, "时限足够"), CaseActors.dispatcher());
        assertThat(denied.deadline()).as("a refusal keeps the deadline").isEqualTo(extended.deadline());
        cases.act(c.id(), ask, CaseActors.water());
        assertThat(cases.act(c.id(), Cases.Command.of(CaseAction.APPROVE_EXTENSION, ""), CaseActors.dispatcher()).extensions()).isEqualTo(2);
        assertThatThrownBy(() -> cases.act(c.id(), ask, CaseActors.water()))
                .as("two extensions at most").isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .extracting(Violation::code).containsExactly("casework.extension-limit"));
    }

    @Test
    void aReturnedCaseIsDispatchedAgainAndReworkAndReopeningGoBackToTheDepartment() {
        Case c = reported("路灯不亮");
        cases.act(c.id(), Cases.Command.of(ACCEPT, ""), CaseActors.dispatcher());
        cases.act(c.id(), dispatch("fire"), CaseActors.dispatcher());
        cases.act(c.id(), Cases.Command.of(CaseAction.REQUEST_RETURN, "不属于本部门职责"), CaseActors.fire());
        Case back = cases.act(c.id(), Cases.Command.of(CaseAction.APPROVE_RETURN, ""), CaseActors.dispatcher());
        assertThat(back.state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(back.leadDepartment()).isNull();
        assertThat(back.returns()).isEqualTo(1);
        assertThatThrownBy(() -> queries.get(c.id(), CaseActors.fire())).as("no longer fire's").isInstanceOf(NotFound.class);
        cases.act(c.id(), dispatch("water"), CaseActors.dispatcher());
        cases.act(c.id(), Cases.Command.of(RECEIVE, ""), CaseActors.water());
        cases.act(c.id(), Cases.Command.of(FEEDBACK, "已修"), CaseActors.water());
        Case rework = cases.act(c.id(), Cases.Command.of(CaseAction.REWORK, "还是不亮"), CaseActors.communityWorker());
        assertThat(rework.state()).isEqualTo(CaseState.HANDLING);
        assertThat(rework.reworks()).isEqualTo(1);
        cases.act(c.id(), Cases.Command.of(FEEDBACK, "换了灯头"), CaseActors.water());
        cases.act(c.id(), Cases.Command.of(CLOSE, ""), CaseActors.communityWorker());
        clock.advance(Duration.ofDays(8));
        assertThatThrownBy(() -> cases.act(c.id(), Cases.Command.of(CaseAction.REOPEN, "又坏了"), CaseActors.gridWorker()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting(Violation::code)
                        .containsExactly("casework.reopen-too-late"));
        clock.reset();
        assertThatThrownBy(() -> cases.act(c.id(), Cases.Command.of(CaseAction.REOPEN, "又坏了"), CaseActors.communityWorker()))
                .as("only the reporter reopens").isInstanceOf(NotPermitted.class);
        Case reopened = cases.act(c.id(), Cases.Command.of(CaseAction.REOPEN, "又坏了"), CaseActors.gridWorker());
        assertThat(reopened.state()).isEqualTo(CaseState.HANDLING);
        assertThat(reopened.closedAt()).isNull();
    }

    @Test
    void aDispatchNamingADepartmentTwiceIsRefusedHoweverItIsSpacedAndACalledInDepartmentMadeLeadKeepsOneRow() {
        Case c = reported("井盖缺失");
        cases.act(c.id(), Cases.Command.of(ACCEPT, ""), CaseActors.dispatcher());
        assertThatThrownBy(() -> cases.act(c.id(), dispatch("water", " water"), CaseActors.dispatcher()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting(Violation::code)
                        .contains("casework.co-handler-is-lead"));
        assertThatThrownBy(() -> cases.act(c.id(), dispatch("water", "fire", "fire "), CaseActors.dispatcher()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting(Violation::code)
                        .contains("casework.department-twice"));
        cases.act(c.id(), new Cases.Command(CaseAction.CALL_IN, "联合查看", null, null, List.of("fire", "ecology"), null, 4, null, null, null),
                CaseActors.dispatcher());
        Case dispatched = cases.act(c.id(), dispatch("fire", " water"), CaseActors.dispatcher());
        assertThat(dispatched.departments()).extracting(Case.Handler::department, Case.Handler::role)
                .containsExactlyInAnyOrder(tuple("fire", "LEAD"), tuple("water", "CO"), tuple("ecology", "CALLED"));
    }

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void stepsSharingOneTransactionKeepTheirOrderOnTheTimelineWhenALaterOneBringsAPhoto() {
        Case c = reported("垃圾堆放");
        byte[] jpeg = TestPictures.jpeg();
        transactions.executeWithoutResult(status -> {
            cases.act(c.id(), Cases.Command.of(ACCEPT, "立案"), CaseActors.dispatcher());
            cases.act(c.id(), dispatch("water"), CaseActors.dispatcher());
            cases.act(c.id(), Cases.Command.of(RECEIVE, ""), CaseActors.water());
            cases.act(c.id(), Cases.Command.of(FEEDBACK, "已清运"), CaseActors.water(), List.of(new Upload("after.jpg", jpeg)));
        });
        var steps = queries.steps(c.id(), CaseActors.dispatcher());
        assertThat(steps).extracting(Step::action).containsExactly(CaseAction.REPORT, ACCEPT, CaseAction.DISPATCH, RECEIVE, FEEDBACK);
        assertThat(steps).extracting(Step::id).isSorted();
        assertThat(steps.get(4).attachments()).extracting(Attachment::name).containsExactly("after.jpg");
        assertThat(steps.get(1).note()).isEqualTo("立案");
    }

    @Test
    void overdueCasesAreEscalatedToTheDistrictThenTheCity() {
        Case c = reported("燃气味道");
        cases.act(c.id(), Cases.Command.of(ACCEPT, ""), CaseActors.dispatcher());
        Case dispatched = cases.act(c.id(), dispatch("water"), CaseActors.dispatcher());
        var limit = Duration.between(dispatched.dispatchedAt(), dispatched.deadline());
        escalation.escalateOverdue();
        assertThat(queries.require(c.id()).escalation()).isZero();
        clock.advance(limit.plusMinutes(1));
        escalation.escalateOverdue();
        assertThat(queries.require(c.id()).escalation()).isEqualTo(1);
        assertThat(queries.list(new CaseQueries.Filter(null, true, null, null, null, null), CaseActors.dispatcher(), 0, 200).cases())
                .extracting(Case::id).contains(c.id());
        clock.advance(limit);
        escalation.escalateOverdue();
        escalation.escalateOverdue();
        assertThat(queries.require(c.id()).escalation()).isEqualTo(2);
        assertThat(queries.steps(c.id(), CaseActors.dispatcher())).filteredOn(s -> s.action() == CaseAction.ESCALATE)
                .extracting(Step::note).containsExactly("district", "city");
        // the notices are a reaction to each raise, just after it commits
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(noticesOf("district"))
                .as("the district committee hears of both raises")
                .contains(tuple("notice.case.escalated-district", "/cases/" + c.id()), tuple("notice.case.escalated-city", "/cases/" + c.id())));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(noticesOf("city"))
                .contains(tuple("notice.case.escalated-city", "/cases/" + c.id())));
        assertThat(noticesOf("city")).as("the city only of the second").contains(tuple("notice.case.escalated-city", "/cases/" + c.id()))
                .doesNotContain(tuple("notice.case.escalated-district", "/cases/" + c.id()));
        assertThat(noticesOf("dispatcher")).as("the dispatcher heard of the report, not of the raises")
                .doesNotContain(tuple("notice.case.escalated-district", "/cases/" + c.id()), tuple("notice.case.escalated-city", "/cases/" + c.id()));
    }

    @Autowired
    io.gongzhi.identity.Notices notices;

    java.util.List<org.assertj.core.groups.Tuple> noticesOf(String username) {
        long account = jdbc.sql("select id from identity_account where username = :u").param("u", username).query(Long.class).single();
        return notices.of(account, false, 200).stream().map(n -> tuple(n.code(), n.link())).toList();
    }

    @Test
    void openCasesOfTheSameKindWithin50MetresAndADayAreOfferedAsDuplicates() {
        var city = CaseActors.of(9200, io.gongzhi.identity.Role.CITY_COMMITTEE, "/5101");
        double lon = 104.0431;
        double lat = 30.6402;
        Case first = cases.report(new Cases.Report("E0104", "占道摆摊", lon, lat, null, "", Channel.RESIDENT, ""), CaseActors.resident());
        Case farther = cases.report(new Cases.Report("E0104", "占道摆摊", lon, lat + 0.001, null, "", Channel.RESIDENT, ""), CaseActors.resident());
        Case otherKind = cases.report(new Cases.Report("E0101", "垃圾", lon, lat, null, "", Channel.RESIDENT, ""), CaseActors.resident());
        // 33 m north of the first: the first is offered, the one 111 m away and the other category are not
        assertThat(queries.similar("E0104", lon, lat + 0.0003, null, clock.instant(), -1, city)).extracting(Case::id)
                .contains(first.id()).doesNotContain(farther.id(), otherKind.id());
        Case second = cases.report(new Cases.Report("E0104", "又在摆摊", lon + 0.0002, lat, null, "", Channel.RESIDENT, ""), CaseActors.resident());
        assertThat(queries.similar(second.category(), second.lon(), second.lat(), second.path(), second.reportedAt(), second.id(), city))
                .extracting(Case::id).first().isEqualTo(first.id());
        assertThat(first.path()).startsWith("/5101/510107");
        var jinjiang = CaseActors.of(9201, io.gongzhi.identity.Role.SUBDISTRICT_DISPATCHER, "/5101/510104");
        assertThat(queries.similar("E0104", lon, lat, null, clock.instant(), -1, jinjiang))
                .as("only cases the caller may see").extracting(Case::id).doesNotContain(first.id());
        clock.advance(Duration.ofHours(25));
        assertThat(queries.similar("E0104", lon, lat, null, clock.instant(), -1, city)).extracting(Case::id).doesNotContain(first.id());
        assertThat(CaseQueries.metres(104.0, 30.0, 104.0, 30.001)).isBetween(110.0, 112.0);
    }

    @Test
    void duplicatesMergeIntoAnOpenCaseAndCallInsRecordWhoAnswered() {
        Case first = reported("占道经营");
        cases.act(first.id(), Cases.Command.of(ACCEPT, ""), CaseActors.dispatcher());
        Case second = reported("占道经营，同一处");
        var merge = new Cases.Command(CaseAction.MERGE, "同一事件", null, null, null, null, null, null, first.id(), null);
        Case merged = cases.act(second.id(), merge, CaseActors.dispatcher());
        assertThat(merged.state()).isEqualTo(CaseState.MERGED);
        assertThat(merged.parentId()).isEqualTo(first.id());

        var callIn = new Cases.Command(CaseAction.CALL_IN, "联合整治", null, null, List.of("water", "fire"), null, 24, null, null, null);
        Case called = cases.act(first.id(), callIn, CaseActors.dispatcher());
        assertThat(called.awaitingAnswer()).containsExactly("fire", "water");
        cases.act(first.id(), Cases.Command.of(CaseAction.ANSWER, "已到场"), CaseActors.water());
        Case answered = queries.require(first.id());
        assertThat(answered.awaitingAnswer()).containsExactly("fire");
        assertThat(answered.departments()).filteredOn(h -> h.department().equals("water")).extracting(Case.Handler::answeredBy)
                .containsExactly(CaseActors.water().username());
        assertThatThrownBy(() -> cases.act(first.id(), Cases.Command.of(CaseAction.ANSWER, ""), CaseActors.water()))
                .as("answered already").isInstanceOf(NotPermitted.class);
    }
}
