package io.gongzhi.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles people act in. Staff roles are later bound to a jurisdiction; the three
 * administrative roles are separated as MLPS level 3 asks (the system administrator
 * manages accounts, the security administrator sets policy, the auditor reads the log).
 */
public enum Role {
    CITY_COMMITTEE,
    DISTRICT_COMMITTEE,
    SUBDISTRICT_DISPATCHER,
    COMMUNITY_WORKER,
    GRID_WORKER,
    DEPARTMENT_STAFF,
    RESIDENT,
    SOCIAL_ORGANISATION,
    AUDITOR,
    SECURITY_ADMIN,
    SYSTEM_ADMIN;

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> parse(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
    }
}
