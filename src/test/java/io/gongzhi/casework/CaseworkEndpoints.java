package io.gongzhi.casework;

import io.gongzhi.casework.internal.CaseQueries;
import io.gongzhi.identity.internal.Permission;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.support.ScopedEndpoints;

import java.util.List;
import java.util.Set;

/**
 * The case loop's endpoints in the authorisation matrix: a case in the caller's community and
 * one in the neighbouring community, both dispatched to water (the matrix's department staff
 * work for water), so place staff and water's staff see the first and never the second.
 */
public class CaseworkEndpoints implements ScopedEndpoints {

    static final String INSIDE_MARK = "矩阵内案卷";
    static final String OUTSIDE_MARK = "矩阵外案卷";

    @Override
    public List<Endpoint> endpoints(Fixture f) {
        var cases = f.context().getBean(Cases.class);
        var queries = f.context().getBean(CaseQueries.class);
        var everyone = new Actor(null, "matrix", Set.of("SUBDISTRICT_DISPATCHER"), Set.of("case.read", "case.dispatch", "case.report"),
                Jurisdiction.EVERYWHERE);
        long in = ensure(cases, queries, everyone, f.insideCode(), INSIDE_MARK);
        long out = ensure(cases, queries, everyone, f.outsideCode(), OUTSIDE_MARK);
        var hierarchy = f.context().getBean(io.gongzhi.geography.Hierarchy.class);
        String insideName = hierarchy.unit(f.insideCode()).displayName();
        String outsideName = hierarchy.unit(f.outsideCode()).displayName();
        return List.of(
                Endpoint.list("cases", Permission.CASE_READ, "/api/cases?size=200", INSIDE_MARK, OUTSIDE_MARK),
                Endpoint.list("overdue cases", Permission.CASE_READ, "/api/cases?overdue=true", "cases", OUTSIDE_MARK),
                Endpoint.item("case", Permission.CASE_READ, "/api/cases/" + in, "/api/cases/" + out, INSIDE_MARK, OUTSIDE_MARK),
                Endpoint.item("case photo", Permission.CASE_READ, "/api/cases/" + in + "/attachments/" + photo(queries, in, everyone),
                        "/api/cases/" + out + "/attachments/" + photo(queries, out, everyone), INSIDE_MARK, OUTSIDE_MARK),
                Endpoint.item("case steps", Permission.CASE_READ, "/api/cases/" + in + "/steps", "/api/cases/" + out + "/steps",
                        "DISPATCH", OUTSIDE_MARK),
                Endpoint.item("similar cases", Permission.CASE_READ, "/api/cases/" + in + "/similar", "/api/cases/" + out + "/similar", "[",
                        OUTSIDE_MARK),
                Endpoint.list("my cases", Permission.CASE_REPORT, "/api/my/cases", "cases", OUTSIDE_MARK),
                Endpoint.list("cases map", Permission.CASE_READ, "/api/cases/map", "FeatureCollection", OUTSIDE_MARK),
                Endpoint.unscoped("cases map page", Permission.CASE_READ, "/cases/map", "case-map"),
                Endpoint.list("cases page", Permission.CASE_READ, "/cases?category=E03", INSIDE_MARK, OUTSIDE_MARK),
                Endpoint.item("case page", Permission.CASE_READ, "/cases/" + in, "/cases/" + out, INSIDE_MARK, OUTSIDE_MARK),
                Endpoint.unscoped("report page", Permission.CASE_REPORT, "/cases/new", "E0302"),
                Endpoint.list("my reports page", Permission.CASE_REPORT, "/my/cases", "new-report", OUTSIDE_MARK),
                Endpoint.list("evaluation", Permission.CASE_EVALUATE, "/api/casework/evaluation?by=COMMUNITY", f.insideCode(), f.outsideCode()),
                Endpoint.list("evaluation page", Permission.CASE_EVALUATE, "/cases/evaluation?by=COMMUNITY", insideName, outsideName),
                Endpoint.list("evaluation export", Permission.CASE_EVALUATE, "/cases/evaluation.xlsx?by=COMMUNITY", "PK", OUTSIDE_MARK),
                Endpoint.unscoped("departments", Permission.CATALOGUE_READ, "/api/casework/departments", "city-management"),
                Endpoint.unscoped("categories", Permission.CATALOGUE_READ, "/api/casework/categories", "E0302"),
                Endpoint.unscoped("category revisions", Permission.CATALOGUE_READ, "/api/casework/categories/E0302/revisions", "revision"),
                Endpoint.unscoped("calendar", Permission.CATALOGUE_READ, "/api/casework/calendar/2026", "2026-10-01"));
    }

    /** The id of the photo the matrix case was reported with. */
    private static long photo(CaseQueries queries, long caseId, Actor actor) {
        return queries.steps(caseId, actor).get(0).attachments().get(0).id();
    }

    /** The matrix case of a place: reported with a photo and dispatched to water once per database. */
    private static long ensure(Cases cases, CaseQueries queries, Actor actor, String place, String mark) {
        var existing = queries.list(CaseQueries.Filter.ALL, actor, 0, 200).cases().stream().filter(c -> c.description().equals(mark)).findFirst();
        if (existing.isPresent()) {
            return existing.get().id();
        }
        // the photo's bytes carry the mark (in a private chunk, which is no metadata a phone writes and so is kept),
        // so a leak of the file shows in the matrix like a leak of the case
        byte[] picture = TestPictures.png();
        byte[] png = PhotoMetadataTests.concat(java.util.Arrays.copyOfRange(picture, 0, 33),
                PhotoMetadataTests.pngChunk("gzMk", mark.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                java.util.Arrays.copyOfRange(picture, 33, picture.length));
        long id = cases.report(new Cases.Report("E0302", mark, null, null, place, "", Channel.SYSTEM, ""), actor,
                List.of(new Upload("现场.png", png))).id();
        cases.act(id, Cases.Command.of(CaseAction.ACCEPT, ""), actor);
        cases.act(id, new Cases.Command(CaseAction.DISPATCH, "", "water", List.of(), null, null, null, null, null, null), actor);
        return id;
    }
}
