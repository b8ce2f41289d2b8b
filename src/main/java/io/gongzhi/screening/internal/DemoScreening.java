package io.gongzhi.screening.internal;

import io.gongzhi.geography.Hierarchy;
import io.gongzhi.platform.DemoMode;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.RegionPath;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * In demo mode, once, after the demo population: a health screening over the demo dispatcher's
 * sub-district with its first round running from today for four days, so the grid worker's home
 * has households to visit and the dispatcher a coverage to follow.
 */
@Component
@Order(50)
class DemoScreening implements ApplicationRunner {

    static final String SUBDISTRICT = "510107005";

    private final Environment environment;
    private final JdbcClient jdbc;
    private final Hierarchy hierarchy;
    private final Campaigns campaigns;
    private final Rounds rounds;

    DemoScreening(Environment environment, JdbcClient jdbc, Hierarchy hierarchy, Campaigns campaigns, Rounds rounds) {
        this.environment = environment;
        this.jdbc = jdbc;
        this.hierarchy = hierarchy;
        this.campaigns = campaigns;
        this.rounds = rounds;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoMode.isOn(environment) || !environment.getProperty("gongzhi.demo-screening", Boolean.class, true)
                || jdbc.sql("select count(*) from screening_campaign").query(Long.class).single() > 0) {
            return;
        }
        String path;
        try {
            path = hierarchy.unit(SUBDISTRICT).path();
        } catch (NotFound noDemoDistrict) {
            return;
        }
        var planner = new Actor(null, "demo-seed", Set.of("SUBDISTRICT_DISPATCHER"), Set.of("screening.read", "screening.plan"),
                Jurisdiction.of(RegionPath.of(path)));
        long id = campaigns.plan(new Campaigns.Plan(SUBDISTRICT, "玉林街道第一次入户健康排查", FormPresets.of("health", Locale.SIMPLIFIED_CHINESE)),
                planner).id();
        LocalDate today = campaigns.today();
        rounds.open(id, new Rounds.Schedule(today, today.plusDays(3)), planner);
    }
}
