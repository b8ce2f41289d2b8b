package io.gongzhi.casework.internal;

import io.gongzhi.casework.Case;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.Scoped;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who sees which case, one rule read two ways: as a condition the database applies to a query
 * (an index serves each way of seeing), and as a test of a case already in hand (the same answer).
 * Staff see the cases of their places, department staff only their departments' cases there,
 * and everyone their own reports and the case of a reporter's link.
 */
public final class Visibility {

    private Visibility() {
    }

    /** {@link #visibility} as a test of one case in hand (with its departments): the same answer as the query's. */
    public static boolean visible(Case c, Actor actor) {
        if (actor.may("case.read") && actor.jurisdiction().covers(c.path()) && (!actor.may("case.handle")
                || c.departments().stream().anyMatch(h -> actor.jurisdiction().coversDepartment(h.department())))) {
            return true;
        }
        if (actor.accountId() != null && actor.accountId().equals(c.reporterAccount())) {
            return true;
        }
        return ReporterLinks.heldCase(actor).filter(linked -> linked == c.id()).isPresent();
    }

    /** The columns holding each case's ancestor paths at the depths of a district, a sub-district and a community. */
    public static final Map<Integer, String> AREA_COLUMNS = Collections.unmodifiableSortedMap(
            new TreeMap<>(Map.of(2, "c.district_path", 3, "c.subdistrict_path", 4, "c.community_path")));

    /**
     * Who sees which case, as one bound condition: the caller's places (and, for department
     * staff, only their departments' cases), or the caller's own reports.
     */
    public static Jurisdiction.Clause visibleTo(Actor actor) {
        var branches = visibility(actor);
        var params = new HashMap<String, Object>();
        branches.forEach(b -> params.putAll(b.params()));
        return new Jurisdiction.Clause(branches.isEmpty() ? "1 = 0"
                : "(" + String.join(" or ", branches.stream().map(Jurisdiction.Clause::sql).toList()) + ")", params);
    }

    /**
     * The ways a caller may see a case, each a condition that an index serves in the case's
     * order: one per place of their jurisdiction, their own reports, the case of a reporter's link.
     */
    public static List<Jurisdiction.Clause> visibility(Actor actor) {
        var branches = new ArrayList<Jurisdiction.Clause>();
        if (actor.may("case.read")) {
            var places = actor.jurisdiction().eachPlace("c.path", AREA_COLUMNS);
            // those who handle cases for departments see their departments' cases only
            if (actor.may("case.handle")) {
                var departments = actor.jurisdiction().whereDepartment("d.department");
                // a count per case, not EXISTS: under an OR PostgreSQL turns EXISTS into a hashed
                // subplan that reads every case the department ever had, on every single-case read
                for (var place : places) {
                    var params = new HashMap<String, Object>(place.params());
                    params.putAll(departments.params());
                    branches.add(new Jurisdiction.Clause("(" + place.sql() + " and (select count(*) from casework_case_department d "
                            + "where d.case_id = c.id and " + departments.sql() + ") > 0)", params));
                }
            } else {
                branches.addAll(places);
            }
        }
        if (actor.accountId() != null) {
            branches.add(new Jurisdiction.Clause("c.reporter_account = :reporter", Map.of("reporter", actor.accountId())));
        }
        ReporterLinks.heldCase(actor).ifPresent(id -> branches.add(new Jurisdiction.Clause("c.id = :linked", Map.of("linked", id))));
        return branches;
    }

    /**
     * The condition "among the first {@code first} cases in {@code order} that the caller may see
     * and {@code where} admits": with several ways of seeing (two places, or a place and one's own
     * reports), each way's first cases are read on their own (a short index range each) and put
     * together, instead of the whole of every place being read and sorted to keep a screenful.
     */
    public static Jurisdiction.Clause firstVisible(Actor actor, String where, String order, int first) {
        var branches = visibility(actor);
        if (branches.size() <= 1) {
            return visibleTo(actor);
        }
        var params = new HashMap<String, Object>();
        var parts = new ArrayList<String>();
        for (int i = 0; i < branches.size(); i++) {
            params.putAll(branches.get(i).params());
            parts.add("select id from (select c.id from casework_case c where " + branches.get(i).sql() + " and "
                    + where.replace(Scoped.PLACEHOLDER, "1 = 1") + order + " limit " + first + ") v" + i);
        }
        return new Jurisdiction.Clause("c.id in (" + String.join(" union all ", parts) + ")", params);
    }
}
