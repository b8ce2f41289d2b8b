package io.gongzhi.population;

import io.gongzhi.identity.internal.Permission;
import io.gongzhi.support.PopulationFixture;
import io.gongzhi.support.ScopedEndpoints;

import java.util.List;

/** The registry's endpoints in the authorisation matrix: the resident of the neighbouring community must never show. */
public class PopulationEndpoints implements ScopedEndpoints {

    @Override
    public List<Endpoint> endpoints(Fixture f) {
        var people = PopulationFixture.ensure(f.context());
        long in = people.inside().id();
        long out = people.outside().id();
        long inHome = people.inside().householdId();
        long outHome = people.outside().householdId();
        String inName = PopulationFixture.INSIDE_NAME;
        String outName = PopulationFixture.OUTSIDE_NAME;
        return List.of(
                Endpoint.list("residents", Permission.PERSON_READ, "/api/population/residents?size=200&q=" + "欧阳", inName, outName),
                Endpoint.list("residents by ID", Permission.PERSON_READ, "/api/population/residents?q=" + PopulationFixture.OUTSIDE_ID.value(), "residents", outName),
                Endpoint.item("resident", Permission.PERSON_READ, "/api/population/residents/" + in, "/api/population/residents/" + out, inName, outName),
                Endpoint.item("moves", Permission.PERSON_READ, "/api/population/residents/" + in + "/moves", "/api/population/residents/" + out + "/moves",
                        "IN", outName),
                Endpoint.item("visits", Permission.PERSON_READ, "/api/population/residents/" + in + "/visits", "/api/population/residents/" + out + "/visits",
                        "[", outName),
                Endpoint.item("household", Permission.PERSON_READ, "/api/population/households/" + inHome, "/api/population/households/" + outHome,
                        inName, outName),
                Endpoint.list("visits due", Permission.PERSON_READ, "/api/population/visits-due?limit=500", inName, outName),
                Endpoint.item("statistics", Permission.PERSON_STATISTICS, "/api/population/statistics?unit=" + f.insideCode(),
                        "/api/population/statistics?unit=" + f.outsideCode(), "pyramid", "\"code\":\"" + f.outsideCode() + "\""),
                Endpoint.list("residents page", Permission.PERSON_READ, "/population?q=" + "欧阳", inName, outName),
                Endpoint.item("resident page", Permission.PERSON_READ, "/population/residents/" + in, "/population/residents/" + out, inName, outName),
                Endpoint.item("household page", Permission.PERSON_READ, "/population/households/" + inHome, "/population/households/" + outHome,
                        inName, outName),
                Endpoint.list("grid page", Permission.PERSON_WRITE, "/grid", inName, outName),
                Endpoint.list("export", Permission.PERSON_EXPORT, "/population/export.xlsx", "PK", outName),
                Endpoint.unscoped("import page", Permission.PERSON_WRITE, "/population/import", "template.xlsx"),
                Endpoint.unscoped("care groups", Permission.PERSON_READ, "/api/population/care-groups", "elderly-alone"));
    }
}
