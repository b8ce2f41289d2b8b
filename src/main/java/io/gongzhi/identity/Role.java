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
    /** Receives directives for a residential compound: property-company staff, a building leader, a volunteer. */
    COMPOUND_CONTACT,
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

    /** The three roles MLPS keeps apart: an account holding one of them holds no other role. */
    public boolean administrative() {
        return this == AUDITOR || this == SECURITY_ADMIN || this == SYSTEM_ADMIN;
    }

    /** Roles that must be bound to at least one place in the hierarchy. */
    public boolean needsJurisdiction() {
        return this != RESIDENT && !administrative();
    }

    /** Roles for which the security policy can demand a second factor. */
    public boolean privileged() {
        return administrative() || this == CITY_COMMITTEE || this == DISTRICT_COMMITTEE;
    }

    public static Optional<Role> parse(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
    }
}
