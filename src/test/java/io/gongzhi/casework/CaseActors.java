package io.gongzhi.casework;

import io.gongzhi.identity.internal.Permission;
import io.gongzhi.identity.Role;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.RegionPath;

import java.util.Set;
import java.util.stream.Collectors;

/** The people of a case's life in tests, with exactly the permissions their roles give (identity's table). */
final class CaseActors {

    static final String INSIDE = "510107005001";
    static final String OUTSIDE = "510107005002";
    static final String INSIDE_PATH = "/5101/510107/510107005/510107005001";
    static final String SUBDISTRICT_PATH = "/5101/510107/510107005";
    static final String OTHER_SUBDISTRICT_PATH = "/5101/510107/510107009";

    private CaseActors() {
    }

    static Actor of(long id, Role role, String path, String... departments) {
        var permissions = Permission.of(Set.of(role)).stream().map(Permission::authority).collect(Collectors.toSet());
        return new Actor(id, role.name().toLowerCase() + id, Set.of(role.name()), permissions,
                new Jurisdiction(path == null ? Set.of() : Set.of(RegionPath.of(path)), Set.of(departments)));
    }

    static Actor dispatcher() {
        return of(9001, Role.SUBDISTRICT_DISPATCHER, SUBDISTRICT_PATH);
    }

    static Actor otherDispatcher() {
        return of(9002, Role.SUBDISTRICT_DISPATCHER, OTHER_SUBDISTRICT_PATH);
    }

    static Actor water() {
        return of(9003, Role.DEPARTMENT_STAFF, "/5101", "water");
    }

    static Actor fire() {
        return of(9004, Role.DEPARTMENT_STAFF, "/5101", "fire");
    }

    static Actor communityWorker() {
        return of(9005, Role.COMMUNITY_WORKER, INSIDE_PATH);
    }

    static Actor gridWorker() {
        return of(9006, Role.GRID_WORKER, INSIDE_PATH);
    }

    static Actor resident() {
        return of(9007, Role.RESIDENT, null);
    }
}
