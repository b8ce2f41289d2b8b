package io.gongzhi.casework;

import io.gongzhi.casework.internal.CaseQueries;
import io.gongzhi.casework.internal.ReporterLinks;

import io.gongzhi.identity.Role;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.RegionPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch of steps reads its cases in one go ({@link CaseQueries#readAhead}); each step must
 * then find its case, or not find it, exactly as its own query would have: the same case with
 * the same departments for whoever may see it, nothing for whoever may not.
 */
@SpringBootTest
class CaseReadAheadTests {

    @Autowired
    Cases cases;
    @Autowired
    CaseQueries queries;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    Case reported(String place, String description, Actor by) {
        return cases.report(new Cases.Report("E0101", description, null, null, place, "", Channel.GRID, ""), by);
    }

    Case dispatched(Case c, String lead, String... co) {
        cases.act(c.id(), Cases.Command.of(CaseAction.ACCEPT, ""), CaseActors.dispatcher());
        return cases.act(c.id(), new Cases.Command(CaseAction.DISPATCH, "", lead, List.of(co), null, null, null, null, null, null),
                CaseActors.dispatcher());
    }

    @Test
    void whoeverAsksFindsACaseReadAheadExactlyAsTheirOwnQueryFindsIt() {
        var resident = CaseActors.of(9201, Role.RESIDENT, null);
        var mine = reported(CaseActors.INSIDE, "读前：居民自己报的", resident);
        var waterLead = dispatched(reported(CaseActors.INSIDE, "读前：水务主办", CaseActors.gridWorker()), "water");
        var fireCo = dispatched(reported(CaseActors.OUTSIDE, "读前：消防协办", CaseActors.dispatcher()), "water", "fire");
        var calledIn = dispatched(reported(CaseActors.INSIDE, "读前：呼叫", CaseActors.gridWorker()), "water");
        cases.act(calledIn.id(), new Cases.Command(CaseAction.CALL_IN, "联合查看", null, null, List.of("fire"), null, 4, null, null, null),
                CaseActors.dispatcher());
        var elsewhere = reported("510107009001", "读前：别的街道", CaseActors.of(9202, Role.GRID_WORKER, CaseActors.OTHER_SUBDISTRICT_PATH));
        var ids = List.of(mine.id(), waterLead.id(), fireCo.id(), calledIn.id(), elsewhere.id());

        var twoCommunities = new Actor(9203L, "two", Set.of(Role.COMMUNITY_WORKER.name()), CaseActors.communityWorker().permissions(),
                new Jurisdiction(Set.of(RegionPath.of(CaseActors.INSIDE_PATH), RegionPath.of("/5101/510107/510107009/510107009001")), Set.of()));
        var actors = List.of(CaseActors.dispatcher(), CaseActors.otherDispatcher(), CaseActors.water(), CaseActors.fire(),
                CaseActors.of(9204, Role.DEPARTMENT_STAFF, "/5101", "ecology"), CaseActors.of(9205, Role.DEPARTMENT_STAFF, CaseActors.OTHER_SUBDISTRICT_PATH, "water"),
                CaseActors.communityWorker(), twoCommunities, CaseActors.gridWorker(), resident, CaseActors.resident(),
                CaseQueries.asReporter(CaseActors.dispatcher()), CaseQueries.asReporter(resident), ReporterLinks.holder(fireCo.id()),
                CaseActors.of(9206, Role.CITY_COMMITTEE, "/5101"), CaseActors.of(9207, Role.AUDITOR, null));

        int seen = 0;
        for (Actor actor : actors) {
            for (long id : ids) {
                Optional<Case> asked = queries.find(id, actor);
                Optional<Case> ahead = transactions.execute(status -> {
                    queries.readAhead(ids);
                    return queries.find(id, actor);
                });
                assertThat(ahead).as("%s reading case %d", actor.username(), id).isEqualTo(asked);
                seen += asked.isPresent() ? 1 : 0;
            }
        }
        assertThat(seen).as("some cases are seen, some are not").isBetween(1, actors.size() * ids.size() - 1);
        assertThat(queries.find(fireCo.id(), CaseActors.fire())).get().extracting(Case::departments).asList().hasSize(2);
        assertThat(queries.find(calledIn.id(), CaseActors.fire())).as("called in").isPresent();
        assertThat(queries.find(waterLead.id(), CaseActors.fire())).isEmpty();
    }

    @Test
    void aCaseReadAheadIsHandedOutOnceAndASecondReadSeesWhatTheTransactionChanged() {
        var c = reported(CaseActors.INSIDE, "读前：只给一次", CaseActors.gridWorker());
        var reads = transactions.execute(status -> {
            queries.readAhead(List.of(c.id()));
            Case first = queries.get(c.id(), CaseActors.dispatcher());
            jdbc.sql("update casework_case set description = '读前：改过了', version = version + 1 where id = :id").param("id", c.id()).update();
            Case second = queries.get(c.id(), CaseActors.dispatcher());
            return List.of(first, second);
        });
        assertThat(reads).extracting(Case::description).containsExactly("读前：只给一次", "读前：改过了");
        assertThat(reads).extracting(Case::version).containsExactly(c.version(), c.version() + 1);
    }
}
