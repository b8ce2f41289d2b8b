package io.gongzhi.screening;

import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.identity.internal.Permission;
import io.gongzhi.screening.internal.Campaigns;
import io.gongzhi.screening.internal.Rounds;
import io.gongzhi.screening.internal.VisitForm;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.RegionPath;
import io.gongzhi.support.ScopedEndpoints;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The screening API in the authorisation matrix: a campaign over the inside community and one over
 * the outside community, each with a round open. The callers, bound to the inside community (a
 * compound contact to its first compound), read the first's campaign, form, coverage and list of
 * households, and never the second's.
 */
public class ScreeningEndpoints implements ScopedEndpoints {

    static final String INSIDE_MARK = "矩阵内排查";
    static final String OUTSIDE_MARK = "矩阵外排查";

    @Override
    public List<Endpoint> endpoints(Fixture f) {
        var hierarchy = f.context().getBean(Hierarchy.class);
        var campaigns = f.context().getBean(Campaigns.class);
        var rounds = f.context().getBean(Rounds.class);
        var planner = new Actor(null, "matrix-screening", Set.of("SUBDISTRICT_DISPATCHER"), Set.of("screening.read", "screening.plan"),
                Jurisdiction.of(RegionPath.of(RegionPath.of(hierarchy.unit(f.insideCode()).path()).ancestor(3))));
        var form = new VisitForm.Definition(List.of(new VisitForm.GivenField("temperature", "体温", "NUMBER", true, null, null)), List.of());
        LocalDate today = LocalDate.now(f.context().getBean(Clock.class).withZone(ZoneId.of("Asia/Shanghai")));
        long in = campaigns.plan(new Campaigns.Plan(f.insideCode(), INSIDE_MARK, form), planner).id();
        long out = campaigns.plan(new Campaigns.Plan(f.outsideCode(), OUTSIDE_MARK, form), planner).id();
        long inRound = rounds.open(in, new Rounds.Schedule(today, today.plusDays(1)), planner).id();
        long outRound = rounds.open(out, new Rounds.Schedule(today, today.plusDays(1)), planner).id();
        String inCompound = hierarchy.under(f.insideCode(), Level.COMPOUND).get(0).code();
        String outCompound = hierarchy.under(f.outsideCode(), Level.COMPOUND).get(0).code();
        return List.of(
                Endpoint.list("screening campaigns", Permission.SCREENING_READ, "/api/screening/campaigns", INSIDE_MARK, OUTSIDE_MARK),
                Endpoint.item("screening campaign", Permission.SCREENING_READ, "/api/screening/campaigns/" + in, "/api/screening/campaigns/" + out,
                        INSIDE_MARK, OUTSIDE_MARK),
                Endpoint.item("screening form", Permission.SCREENING_READ, "/api/screening/campaigns/" + in + "/form",
                        "/api/screening/campaigns/" + out + "/form", "temperature", OUTSIDE_MARK),
                Endpoint.item("screening coverage", Permission.SCREENING_READ, "/api/screening/rounds/" + inRound + "/coverage",
                        "/api/screening/rounds/" + outRound + "/coverage", "totals", f.outsideCode()),
                Endpoint.list("screening page", Permission.SCREENING_READ, "/screening", INSIDE_MARK, OUTSIDE_MARK),
                Endpoint.item("screening campaign page", Permission.SCREENING_READ, "/screening/campaigns/" + in, "/screening/campaigns/" + out,
                        INSIDE_MARK, OUTSIDE_MARK),
                Endpoint.item("screening visit page", Permission.SCREENING_VISIT, "/screening/rounds/" + inRound + "/visit?unit=" + inCompound,
                        "/screening/rounds/" + outRound + "/visit?unit=" + outCompound, "visit-app", OUTSIDE_MARK),
                Endpoint.item("screening tasks", Permission.SCREENING_VISIT, "/api/screening/rounds/" + inRound + "/tasks?unit=" + inCompound,
                        "/api/screening/rounds/" + outRound + "/tasks?unit=" + outCompound, "[", outCompound));
    }
}
