package io.gongzhi.casework.internal;

import io.gongzhi.casework.Case;
import io.gongzhi.casework.CaseQueries;
import io.gongzhi.casework.CaseState;
import io.gongzhi.identity.Accounts;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Jurisdiction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's cases: every stage of the loop has work waiting, and the demo reporters find their own reports. */
@SpringBootTest(properties = "gongzhi.demo-cases=true")
class DemoCasesTests {

    @Autowired
    CaseQueries queries;
    @Autowired
    Accounts accounts;

    @Test
    void aDozenCasesAtEveryStage() {
        var everyone = new Actor(null, "test", Set.of("CITY_COMMITTEE"), Set.of("case.read"), Jurisdiction.EVERYWHERE);
        var all = queries.list(CaseQueries.Filter.ALL, everyone, 0, 200).cases();
        Map<CaseState, Long> byState = all.stream().collect(Collectors.groupingBy(Case::state, Collectors.counting()));
        assertThat(byState).containsEntry(CaseState.REPORTED, 2L).containsEntry(CaseState.ACCEPTED, 1L)
                .containsEntry(CaseState.DISPATCHED, 1L).containsEntry(CaseState.HANDLING, 3L).containsEntry(CaseState.FED_BACK, 1L)
                .containsEntry(CaseState.CLOSED, 2L);
        assertThat(all).filteredOn(c -> c.state() == CaseState.CLOSED).allMatch(c -> c.rating() != null);
        long resident = accounts.find("resident").orElseThrow().id();
        var own = queries.list(new CaseQueries.Filter(null, null, null, null, true, null),
                CaseQueries.asReporter(new Actor(resident, "resident", Set.of("RESIDENT"), Set.of("case.report"), Jurisdiction.NONE)), 0, 50);
        assertThat(own.cases()).hasSize(4).allMatch(c -> c.reporterAccount() == resident);
        assertThat(all.stream().collect(Collectors.toMap(Case::id, Function.identity()))).hasSize(10);
    }
}
