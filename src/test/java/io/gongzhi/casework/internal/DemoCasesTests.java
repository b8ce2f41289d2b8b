package io.gongzhi.casework.internal;

import io.gongzhi.casework.Case;
import io.gongzhi.casework.CaseState;
import io.gongzhi.identity.Accounts;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Jurisdiction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's cases: every stage of the loop has work waiting, and the demo reporters find their own reports. */
@SpringBootTest
class DemoCasesTests {

    @Autowired
    DemoCases demo;
    @Autowired
    CaseQueries queries;
    @Autowired
    Accounts accounts;

    @Test
    void tenCasesAtEveryStage() {
        List<Long> ids = demo.seed();
        var everyone = new Actor(null, "test", Set.of("CITY_COMMITTEE"), Set.of("case.read"), Jurisdiction.EVERYWHERE);
        List<Case> seeded = ids.stream().map(id -> queries.get(id, everyone)).toList();
        Map<CaseState, Long> byState = seeded.stream().collect(Collectors.groupingBy(Case::state, Collectors.counting()));
        assertThat(byState).containsOnly(Map.entry(CaseState.REPORTED, 2L), Map.entry(CaseState.ACCEPTED, 1L),
                Map.entry(CaseState.DISPATCHED, 1L), Map.entry(CaseState.HANDLING, 3L), Map.entry(CaseState.FED_BACK, 1L),
                Map.entry(CaseState.CLOSED, 2L));
        assertThat(seeded).filteredOn(c -> c.state() == CaseState.CLOSED).allMatch(c -> c.rating() != null);
        long resident = accounts.find("resident").orElseThrow().id();
        var own = queries.list(new CaseQueries.Filter(null, null, null, null, true, null),
                CaseQueries.asReporter(new Actor(resident, "resident", Set.of("RESIDENT"), Set.of("case.report"), Jurisdiction.NONE)), 0, 200);
        assertThat(own.cases()).extracting(Case::id).containsAll(seeded.stream().filter(c -> c.channel().name().equals("RESIDENT"))
                .map(Case::id).toList());
        assertThat(seeded).filteredOn(c -> c.channel().name().equals("RESIDENT")).hasSize(4)
                .allMatch(c -> c.reporterAccount() == resident);

        // the demo's steps are taken by the demo's people, who have read what those steps answered
        long dispatcher = accounts.find("dispatcher").orElseThrow().id();
        var unread = notices.of(dispatcher, true, 200).stream().map(n -> n.link()).toList();
        assertThat(unread).as("the reports still waiting on the dispatcher")
                .containsAll(seeded.stream().filter(c -> c.state() == CaseState.REPORTED).map(c -> "/cases/" + c.id()).toList())
                .doesNotContainAnyElementsOf(seeded.stream().filter(c -> c.state() != CaseState.REPORTED).map(c -> "/cases/" + c.id()).toList());
        assertThat(queries.steps(seeded.get(2).id(), everyone)).extracting(Step::actor).as("the demo dispatcher accepted it")
                .contains("grid", "dispatcher");

        // what the dispatcher has still to dispatch goes by default (the catalogue's department) to the demo department
        var demoDepartments = accounts.find("department").orElseThrow().departments();
        assertThat(seeded).filteredOn(c -> c.state() == CaseState.REPORTED || c.state() == CaseState.ACCEPTED).hasSize(3)
                .allSatisfy(c -> assertThat(demoDepartments).contains(catalogue.category(c.category()).department()));
    }

    @Autowired
    Catalogue catalogue;

    @Autowired
    io.gongzhi.identity.Notices notices;
}
