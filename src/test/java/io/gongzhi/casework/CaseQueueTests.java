package io.gongzhi.casework;

import io.gongzhi.casework.internal.CaseQueries;
import io.gongzhi.identity.Role;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.RegionPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue of someone who sees cases several ways (two communities and their own reports
 * elsewhere): every page holds exactly the cases a plain reading of "in my places or mine"
 * gives, newest first, none twice, none lost between pages.
 */
@SpringBootTest
class CaseQueueTests {

    static final String FIRST = "/5101/510107/510107005/510107005001";
    static final String SECOND = "/5101/510107/510107005/510107005004";
    static final long ACCOUNT = 9100;

    @Autowired
    Cases cases;
    @Autowired
    CaseQueries queries;
    @Autowired
    JdbcClient jdbc;

    Actor worker() {
        var base = CaseActors.of(ACCOUNT, Role.COMMUNITY_WORKER, FIRST);
        return new Actor(ACCOUNT, base.username(), base.roles(), base.permissions(),
                new Jurisdiction(Set.of(RegionPath.of(FIRST), RegionPath.of(SECOND)), Set.of()));
    }

    static Actor subdistrictGridWorker() {
        return CaseActors.of(9101, Role.GRID_WORKER, CaseActors.SUBDISTRICT_PATH);
    }

    Case report(String place, String description, Actor by) {
        return cases.report(new Cases.Report("E0101", description, null, null, place, "", Channel.GRID, ""), by);
    }

    @Test
    void aQueueOfSeveralPlacesAndOnesOwnReportsPagesThroughExactlyTheVisibleCasesNewestFirst() {
        var resident = CaseActors.of(ACCOUNT, Role.RESIDENT, null);
        for (int i = 0; i < 4; i++) {
            report("510107005001", "队列一 " + i, subdistrictGridWorker());
            report("510107005004", "队列二 " + i, subdistrictGridWorker());
            report("510107005002", "别处 " + i, subdistrictGridWorker());
            report("510107009001", "本人在别的街道 " + i, resident);
        }
        Case ownInside = report("510107005001", "本人在本社区", resident);

        List<Long> expected = jdbc.sql("select id from casework_case where path like :a or path like :b or reporter_account = :me order by id desc")
                .param("a", FIRST + "%").param("b", SECOND + "%").param("me", ACCOUNT).query(Long.class).list();
        var seen = new ArrayList<Long>();
        int page = 0;
        CaseQueries.CasePage got;
        do {
            got = queries.list(CaseQueries.Filter.ALL, worker(), page++, 3);
            assertThat(got.cases()).hasSizeLessThanOrEqualTo(3);
            got.cases().forEach(c -> seen.add(c.id()));
        } while (got.more());
        assertThat(seen).as("in my places or mine, newest first, each once").containsExactlyElementsOf(expected);
        assertThat(seen).filteredOn(id -> id == ownInside.id()).hasSize(1);

        var accepted = cases.act(ownInside.id(), Cases.Command.of(CaseAction.ACCEPT, ""), CaseActors.dispatcher());
        assertThat(queries.list(new CaseQueries.Filter(CaseState.ACCEPTED, null, null, null, null, null), worker(), 0, 50).cases())
                .extracting(Case::id).contains(accepted.id()).allSatisfy(id -> assertThat(expected).contains(id));
        assertThat(queries.list(CaseQueries.Filter.ALL, CaseQueries.asReporter(worker()), 0, 200).cases())
                .as("as the reporter only: my own reports, wherever they are")
                .extracting(Case::description).contains("本人在别的街道 0", "本人在本社区").doesNotContain("队列一 0");
    }

    @Test
    void aCaseKeepsTheAreasItLiesIn() {
        Case c = report("510107005004", "路灯不亮", subdistrictGridWorker());
        var areas = jdbc.sql("select district_path, subdistrict_path, community_path from casework_case where id = :id").param("id", c.id())
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).single();
        assertThat(areas).containsExactly("/5101/510107", "/5101/510107/510107005", SECOND);
    }
}
