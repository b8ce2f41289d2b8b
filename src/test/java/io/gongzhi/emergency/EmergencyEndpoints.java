package io.gongzhi.emergency;

import io.gongzhi.emergency.internal.Directives;
import io.gongzhi.emergency.internal.DutyRosters;
import io.gongzhi.emergency.internal.PropertyCompanies;
import io.gongzhi.identity.internal.Permission;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.RegionPath;
import io.gongzhi.support.ScopedEndpoints;

import java.util.List;
import java.util.Set;

/**
 * The emergency pages and API in the authorisation matrix. Responses are declared for a whole
 * city or district, which holds both of the matrix's communities, so they are checked as unscoped;
 * a directive issued from the inside community and one from the outside community are scoped:
 * the callers, bound to the inside community, read the first and never the second. So are the
 * rosters and property companies of a compound in each community.
 */
public class EmergencyEndpoints implements ScopedEndpoints {

    static final String INSIDE_MARK = "矩阵内指令";
    static final String OUTSIDE_MARK = "矩阵外指令";

    @Override
    public List<Endpoint> endpoints(Fixture f) {
        var directives = f.context().getBean(Directives.class);
        var hierarchy = f.context().getBean(io.gongzhi.geography.Hierarchy.class);
        long in = issue(directives, f.insideCode(), hierarchy.unit(f.insideCode()).path(), INSIDE_MARK);
        long out = issue(directives, f.outsideCode(), hierarchy.unit(f.outsideCode()).path(), OUTSIDE_MARK);
        var rosters = f.context().getBean(DutyRosters.class);
        var companies = f.context().getBean(PropertyCompanies.class);
        // on the first compound of each community, which the inside callers all look after (a compound contact its very compound)
        var compounds = new java.util.ArrayList<String>();
        for (String community : List.of(f.insideCode(), f.outsideCode())) {
            var compound = hierarchy.under(community, io.gongzhi.geography.Level.COMPOUND).get(0);
            compounds.add(compound.code());
            var keeper = new Actor(null, "matrix-" + community, Set.of("COMMUNITY_WORKER"), Set.of("roster.manage"),
                    Jurisdiction.of(RegionPath.of(hierarchy.unit(community).path())));
            String mark = community.equals(f.insideCode()) ? INSIDE_MARK : OUTSIDE_MARK;
            rosters.add(new DutyRosters.Entry(compound.code(), "VOLUNTEER", mark, "13800001234", null, null), keeper);
            long company = companies.register(mark + "物业", EmergencyRosterTests.creditCode(), community, keeper).id();
            companies.bind(company, List.of(compound.code()), keeper);
        }
        return List.of(
                Endpoint.item("duty roster", Permission.EMERGENCY_READ, "/api/emergency/roster?unit=" + compounds.get(0),
                        "/api/emergency/roster?unit=" + compounds.get(1), INSIDE_MARK, OUTSIDE_MARK),
                Endpoint.item("duty roster page", Permission.EMERGENCY_READ, "/emergency/roster?unit=" + compounds.get(0),
                        "/emergency/roster?unit=" + compounds.get(1), INSIDE_MARK, OUTSIDE_MARK),
                Endpoint.list("property companies", Permission.EMERGENCY_READ, "/api/emergency/companies", INSIDE_MARK, OUTSIDE_MARK),
                Endpoint.unscoped("emergency page", Permission.EMERGENCY_READ, "/emergency", "id=\"main\""),
                Endpoint.unscoped("emergency responses", Permission.EMERGENCY_READ, "/api/emergency/responses?past=true", "["),
                Endpoint.list("directives", Permission.EMERGENCY_READ, "/api/emergency/directives", INSIDE_MARK, OUTSIDE_MARK),
                Endpoint.list("directives page", Permission.EMERGENCY_READ, "/emergency/directives", "id=\"main\"", OUTSIDE_MARK),
                Endpoint.item("directive", Permission.EMERGENCY_READ, "/api/emergency/directives/" + in, "/api/emergency/directives/" + out,
                        INSIDE_MARK, OUTSIDE_MARK),
                Endpoint.item("directive progress", Permission.EMERGENCY_READ, "/api/emergency/directives/" + in + "/tree",
                        "/api/emergency/directives/" + out + "/tree", "children", OUTSIDE_MARK),
                Endpoint.item("directive page", Permission.EMERGENCY_READ, "/emergency/directives/" + in, "/emergency/directives/" + out,
                        INSIDE_MARK, OUTSIDE_MARK),
                Endpoint.item("units not acknowledged", Permission.EMERGENCY_READ, "/api/emergency/directives/" + in + "/silent",
                        "/api/emergency/directives/" + out + "/silent", "[", OUTSIDE_MARK),
                Endpoint.item("my units of a directive", Permission.DIRECTIVE_ACKNOWLEDGE, "/api/emergency/directives/" + in + "/mine",
                        "/api/emergency/directives/" + out + "/mine", "[", OUTSIDE_MARK),
                Endpoint.item("a directive's curve", Permission.EMERGENCY_READ, "/api/emergency/directives/" + in + "/curve",
                        "/api/emergency/directives/" + out + "/curve", "points", OUTSIDE_MARK),
                Endpoint.item("a directive's amendments", Permission.EMERGENCY_READ, "/api/emergency/directives/" + in + "/amendments",
                        "/api/emergency/directives/" + out + "/amendments", "[", OUTSIDE_MARK),
                Endpoint.item("a directive's files", Permission.EMERGENCY_READ, "/api/emergency/directives/" + in + "/files",
                        "/api/emergency/directives/" + out + "/files", "[", OUTSIDE_MARK),
                Endpoint.list("property companies page", Permission.EMERGENCY_READ, "/emergency/companies", INSIDE_MARK, OUTSIDE_MARK));
    }

    private static long issue(Directives directives, String code, String path, String mark) {
        var issuer = new Actor(null, "matrix-" + code, Set.of("COMMUNITY_WORKER"), Set.of("directive.issue"), Jurisdiction.of(RegionPath.of(path)));
        return directives.issue(new Directives.Issue(code, null, mark, mark + "：逐户排查", 2, null), issuer).id();
    }
}
