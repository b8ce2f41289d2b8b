package io.gongzhi.casework;

import io.gongzhi.casework.internal.CaseQueries;
import io.gongzhi.casework.internal.Lifecycle;

import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Conflict;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.NotPermitted;
import io.gongzhi.support.TestClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random steps by random people on random cases (seeded, so a failure repeats): whatever is
 * tried, a step succeeds exactly when the caller can see the case, is the step's party and the
 * loop allows it; a refused step changes nothing; and no case is ever in an impossible state.
 * Who may see and act is restated here from the rules, independently of the code.
 */
@SpringBootTest
@Import(TestClock.Configuration.class)
class CaseLoopRandomTests {

    @Autowired
    Cases cases;
    @Autowired
    CaseQueries queries;

    static final List<String> DEPARTMENTS = List.of("water", "fire", "ecology");

    @ParameterizedTest
    @ValueSource(longs = {20261124L, 7L, 42L})
    void randomStepsNeverBreakTheLoop(long seed) {
        var random = new Random(seed);
        List<Actor> people = List.of(CaseActors.dispatcher(), CaseActors.otherDispatcher(), CaseActors.water(), CaseActors.fire(),
                CaseActors.communityWorker(), CaseActors.gridWorker(), CaseActors.resident());
        var ids = new ArrayList<Long>();
        for (int i = 0; i < 8; i++) {
            boolean byResident = i % 3 == 0;
            Case reported = cases.report(new Cases.Report("E0101", "随机案件 " + seed + "-" + i, null,
                    null, CaseActors.INSIDE, " 玉林北路 " + i + " ", byResident ? Channel.RESIDENT : Channel.GRID, ""),
                    byResident ? CaseActors.resident() : CaseActors.gridWorker());
            assertThat(reported).as("the answer is the case as stored").isEqualTo(queries.require(reported.id()));
            ids.add(reported.id());
        }
        Map<Long, Integer> steps = new HashMap<>();
        ids.forEach(id -> steps.put(id, 1));
        var actions = java.util.Arrays.stream(CaseAction.values()).filter(a -> a.party().isPresent()).toList();
        int succeeded = 0;
        for (int n = 0; n < 600; n++) {
            long id = ids.get(random.nextInt(ids.size()));
            Case current = queries.require(id);
            Actor actor = people.get(random.nextInt(people.size()));
            CaseAction action = actions.get(random.nextInt(actions.size()));
            if (random.nextInt(4) > 0) {
                // mostly a step the loop allows now, by someone of its party, so the walk goes somewhere
                var possible = actions.stream().filter(a -> Lifecycle.next(current.state(), current.pending(), a).isPresent()).toList();
                if (!possible.isEmpty()) {
                    action = possible.get(random.nextInt(possible.size()));
                    CaseAction chosen = action;
                    var parties = people.stream().filter(p -> visible(current, p) && party(chosen.party().orElseThrow(), current, p)).toList();
                    if (!parties.isEmpty()) {
                        actor = parties.get(random.nextInt(parties.size()));
                    }
                }
            }
            var command = command(action, random, ids);
            Case before = queries.require(id);
            boolean visible = visible(before, actor);
            boolean party = visible && party(action.party().orElseThrow(), before, actor);
            var next = Lifecycle.next(before.state(), before.pending(), action);
            String outcome;
            try {
                Case after = cases.act(id, command, actor);
                outcome = "done";
                assertThat(visible && party && next.isPresent()).as(n + ": " + action + " by " + actor.username() + " on " + before.state()).isTrue();
                assertThat(after.state()).isEqualTo(next.get());
                assertThat(after.version()).isEqualTo(before.version() + 1);
                assertThat(after).as(n + ": the answer is the case as stored").isEqualTo(queries.require(id));
                steps.merge(id, 1, Integer::sum);
                succeeded++;
            } catch (NotFound e) {
                outcome = "not found";
                assertThat(visible).as(n + ": hidden " + action + " by " + actor.username()).isFalse();
            } catch (NotPermitted e) {
                outcome = "not permitted";
                assertThat(visible && !party).as(n + ": " + action + " refused to " + actor.username()).isTrue();
            } catch (Conflict e) {
                outcome = "conflict";
                assertThat(party && next.isEmpty()).as(n + ": " + action + " on " + before.state() + "/" + before.pending()).isTrue();
            } catch (InvalidInput e) {
                outcome = "invalid";
                assertThat(party && next.isPresent()).as(n + ": " + action + " input " + e.violations()).isTrue();
            }
            if (!outcome.equals("done")) {
                assertThat(queries.require(id).version()).as("a refused step changes nothing").isEqualTo(before.version());
            }
            for (long each : ids) {
                invariants(queries.require(each), steps.get(each));
            }
        }
        assertThat(succeeded).as("the walk got somewhere").isGreaterThan(40);
        assertThat(ids.stream().map(queries::require).map(Case::state).distinct().count()).as("cases ended in different places").isGreaterThan(1);
    }

    private void invariants(Case c, int steps) {
        String at = "case " + c.id() + " " + c.state() + "/" + c.pending();
        Set<CaseState> working = Set.of(CaseState.DISPATCHED, CaseState.HANDLING);
        if (c.pending() != Pending.NONE) {
            assertThat(working).as(at).contains(c.state());
        }
        boolean withDepartment = working.contains(c.state()) || c.state() == CaseState.FED_BACK;
        if (withDepartment) {
            assertThat(c.leadDepartment()).as(at).isNotNull();
            assertThat(c.deadline()).as(at).isNotNull();
            assertThat(c.departments()).as(at).filteredOn(h -> h.role().equals("LEAD")).extracting(Case.Handler::department)
                    .containsExactly(c.leadDepartment());
        }
        if (c.state() == CaseState.REPORTED || c.state() == CaseState.ACCEPTED) {
            assertThat(c.leadDepartment()).as(at).isNull();
            assertThat(c.departments()).as(at).noneMatch(h -> h.role().equals("LEAD"));
        }
        assertThat(c.closedAt() != null).as(at).isEqualTo(c.state() == CaseState.CLOSED);
        if (c.rating() != null) {
            assertThat(c.state()).as(at).isEqualTo(CaseState.CLOSED);
        }
        assertThat(c.parentId() != null).as(at).isEqualTo(c.state() == CaseState.MERGED);
        assertThat(c.extensions()).as(at).isLessThanOrEqualTo(2);
        assertThat(c.returns()).as(at).isLessThanOrEqualTo(2);
        assertThat(c.reopens()).as(at).isLessThanOrEqualTo(1);
        var timeline = queries.steps(c.id(), CaseActors.dispatcher());
        assertThat(timeline).as(at).hasSize(steps);
        assertThat(timeline.get(timeline.size() - 1).to()).as(at).isEqualTo(c.state());
    }

    private static Cases.Command command(CaseAction action, Random random, List<Long> ids) {
        String note = random.nextInt(10) == 0 ? "" : "理由" + random.nextInt(100);
        String lead = DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size()));
        List<String> co = random.nextBoolean() ? List.of() : List.of(DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size())));
        List<String> called = DEPARTMENTS.subList(0, random.nextInt(DEPARTMENTS.size() + 1));
        Integer days = random.nextInt(7);
        Integer hours = random.nextInt(80);
        Rating rating = random.nextInt(5) == 0 ? null : Rating.values()[random.nextInt(Rating.values().length)];
        Long parent = ids.get(random.nextInt(ids.size()));
        return new Cases.Command(action, note, lead, co, called, days, hours, rating, parent, null);
    }

    /** Staff see their places' cases, department staff only their departments' ones there; everyone their own reports. */
    private static boolean visible(Case c, Actor actor) {
        boolean own = actor.accountId() != null && actor.accountId().equals(c.reporterAccount());
        if (!actor.may("case.read")) {
            return own;
        }
        boolean place = actor.jurisdiction().covers(c.path());
        if (actor.roles().contains("DEPARTMENT_STAFF")) {
            place = place && c.departments().stream().anyMatch(h -> actor.jurisdiction().coversDepartment(h.department()));
        }
        return place || own;
    }

    private static boolean party(Party party, Case c, Actor actor) {
        var j = actor.jurisdiction();
        return switch (party) {
            case DISPATCHER -> actor.roles().contains("SUBDISTRICT_DISPATCHER") && j.covers(c.path());
            case LEAD_DEPARTMENT -> actor.roles().contains("DEPARTMENT_STAFF") && c.leadDepartment() != null
                    && j.coversDepartment(c.leadDepartment());
            case CALLED_DEPARTMENT -> actor.roles().contains("DEPARTMENT_STAFF") && c.departments().stream()
                    .anyMatch(h -> h.role().equals("CALLED") && h.answeredAt() == null && j.coversDepartment(h.department()));
            case VERIFIER -> actor.roles().contains("COMMUNITY_WORKER") && j.covers(c.path());
            case REPORTER -> actor.accountId() != null && actor.accountId().equals(c.reporterAccount());
        };
    }
}
