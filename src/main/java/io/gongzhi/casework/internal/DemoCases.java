package io.gongzhi.casework.internal;

import io.gongzhi.casework.CaseAction;
import io.gongzhi.casework.Cases;
import io.gongzhi.casework.Channel;
import io.gongzhi.casework.Rating;
import io.gongzhi.identity.Accounts;
import io.gongzhi.platform.DemoMode;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.RegionPath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/**
 * In demo mode, an installation without cases gets a dozen in the demo sub-district (Yulin),
 * reported by the demo grid worker and resident and left at every stage of the loop, so the
 * dispatcher, the department, the community and the reporter each find work waiting.
 */
@Component
@Order(40)
class DemoCases implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);
    private static final String SUBDISTRICT = "/5101/510107/510107005";

    private final Cases cases;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final Environment environment;
    private final io.gongzhi.geography.Hierarchy hierarchy;
    private final NoticesOfActedCases read;
    private final io.gongzhi.platform.StartupProgress startup;

    DemoCases(Cases cases, Accounts accounts, JdbcClient jdbc, Environment environment, io.gongzhi.geography.Hierarchy hierarchy,
              NoticesOfActedCases read, io.gongzhi.platform.StartupProgress startup) {
        this.startup = startup;
        this.read = read;
        this.cases = cases;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.environment = environment;
        this.hierarchy = hierarchy;
    }

    /** One demo case: what, where, who reported it, how far it went, and to whom. */
    private record Seed(String category, String place, String description, boolean byResident, int steps, String department) {
    }

    private static final List<Seed> SEEDS = List.of(
            new Seed("E0101", "510107005001", "玉林北路 12 号门口垃圾桶满溢，两天没人清运", false, 0, null),
            new Seed("E0203", "510107005002", "小区顶楼有住户在搭建违章阳光房，已经快封顶了", true, 0, null),
            new Seed("C0102", "510107005001", "芳草街靠近菜市场的三盏路灯不亮", false, 1, null),
            new Seed("E0104", "510107005002", "早市摊贩占用人行道，行人只能走机动车道", false, 2, "city-management"),
            new Seed("E0201", "510107005004", "工地晚上十一点以后还在打桩，居民无法休息", true, 3, "ecology"),
            new Seed("C0201", "510107005001", "玉洁东街路面塌陷一个坑，约半米宽", false, 3, "housing"),
            new Seed("E0501", "510107005002", "3 栋楼下消防通道堆满杂物", false, 4, "fire"),
            new Seed("E0601", "510107005001", "楼上漏水到楼下，两户协商不成", true, 3, "justice"),
            new Seed("E0103", "510107005001", "电线杆和单元门贴满小广告", false, 5, "city-management"),
            new Seed("E0202", "510107005004", "施工工地没有覆盖裸土，刮风扬尘", true, 5, "ecology"));

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoMode.isOn(environment) || !environment.getProperty("gongzhi.demo-cases", Boolean.class, true)
                || jdbc.sql("select count(*) from casework_case").query(Long.class).single() > 0
                || jdbc.sql("select count(*) from geography_unit where code = '510107005001'").query(Long.class).single() == 0) {
            return;
        }
        startup.stage("startup.stage.cases", 95);
        var ids = seed();
        log.info("Demo mode: {} cases reported in sub-district 510107005 at every stage of the loop", ids.size());
    }

    /** Reports the demo cases and takes each as far as its seed says; their ids, or none without the demo accounts. */
    List<Long> seed() {
        var ids = new java.util.ArrayList<Long>();
        var grid = accounts.find("grid").map(a -> new Actor(a.id(), a.username(), Set.of("GRID_WORKER"), Set.of("case.report"),
                Jurisdiction.of(RegionPath.of(SUBDISTRICT)))).orElse(null);
        var resident = accounts.find("resident").map(a -> new Actor(a.id(), a.username(), Set.of("RESIDENT"), Set.of("case.report"),
                Jurisdiction.NONE)).orElse(null);
        if (grid == null || resident == null) {
            return ids;
        }
        // the demo's own people take the steps where one of them would, so the timelines name them
        var dispatcher = demoActor("dispatcher", "SUBDISTRICT_DISPATCHER", Set.of("case.read", "case.dispatch"), Set.of());
        var community = demoActor("community", "COMMUNITY_WORKER", Set.of("case.read", "case.verify"), Set.of());
        var demoDepartment = accounts.find("department").map(a -> a.departments()).orElse(Set.of());
        var acted = new java.util.LinkedHashMap<Long, java.util.Set<Long>>();
        var random = new java.util.Random(5101);
        for (Seed s : SEEDS) {
            Actor reporter = s.byResident() ? resident : grid;
            // a point inside the community, as a phone would give it
            var at = hierarchy.pointIn(s.place(), random);
            long id = cases.report(new Cases.Report(s.category(), s.description(), at.map(c -> c.x).orElse(null), at.map(c -> c.y).orElse(null),
                    s.place(), "", s.byResident() ? Channel.RESIDENT : Channel.GRID, ""), reporter).id();
            ids.add(id);
            var department = s.department() == null ? null : demoDepartment.contains(s.department())
                    ? demoActor("department", "DEPARTMENT_STAFF", Set.of("case.read", "case.handle"), Set.of(s.department()))
                    : new Actor(null, "demo-seed", Set.of("DEPARTMENT_STAFF"), Set.of("case.read", "case.handle"),
                            new Jurisdiction(Set.of(RegionPath.of("/5101")), Set.of(s.department())));
            if (s.steps() >= 1) {
                cases.act(id, Cases.Command.of(CaseAction.ACCEPT, ""), dispatcher);
                took(acted, dispatcher, id);
            }
            if (s.steps() >= 2) {
                cases.act(id, new Cases.Command(CaseAction.DISPATCH, "", s.department(), List.of(), null, null, null, null, null, null),
                        dispatcher);
            }
            if (s.steps() >= 3) {
                cases.act(id, Cases.Command.of(CaseAction.RECEIVE, ""), department);
                took(acted, department, id);
            }
            if (s.steps() >= 4) {
                cases.act(id, Cases.Command.of(CaseAction.FEEDBACK, "已到现场处理，请社区核查"), department);
            }
            if (s.steps() >= 5) {
                cases.act(id, Cases.Command.of(CaseAction.CLOSE, "现场核实已处理"), community);
                cases.act(id, new Cases.Command(CaseAction.RATE, "", null, null, null, null, null,
                        s.byResident() ? Rating.BASICALLY_SATISFIED : Rating.SATISFIED, null, null), reporter);
                took(acted, community, id);
                took(acted, reporter, id);
            }
        }
        readWhatWasDone(acted);
        return ids;
    }

    private static void took(java.util.Map<Long, java.util.Set<Long>> acted, Actor actor, long caseId) {
        if (actor.accountId() != null) {
            acted.computeIfAbsent(actor.accountId(), a -> new java.util.LinkedHashSet<>()).add(caseId);
        }
    }

    /**
     * The demo's history happened before anyone signed in: once the notices its steps raised are
     * written (a reaction, moments after each step), those about a case the demo account has
     * since acted on are read, as they would be had the person acted on the page.
     */
    private void readWhatWasDone(java.util.Map<Long, java.util.Set<Long>> acted) {
        long until = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < until && jdbc.sql("select count(*) from event_publication where completion_date is null "
                + "and listener_id = 'casework.notices'").query(Long.class).single() > 0) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        acted.forEach(read::read);
    }

    /** The demo account {@code username} acting in the demo sub-district, or the seed itself when the account is gone. */
    private Actor demoActor(String username, String role, Set<String> permissions, Set<String> departments) {
        var where = new Jurisdiction(Set.of(RegionPath.of(departments.isEmpty() ? SUBDISTRICT : "/5101")), departments);
        return accounts.find(username).map(a -> new Actor(a.id(), a.username(), Set.of(role), permissions, where))
                .orElseGet(() -> new Actor(null, "demo-seed", Set.of(role), permissions, where));
    }
}
