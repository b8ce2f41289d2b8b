package io.gongzhi.identity.internal;

import io.gongzhi.identity.Role;

import java.util.EnumSet;
import java.util.Set;

import static io.gongzhi.identity.Role.AUDITOR;
import static io.gongzhi.identity.Role.CITY_COMMITTEE;
import static io.gongzhi.identity.Role.COMMUNITY_WORKER;
import static io.gongzhi.identity.Role.COMPOUND_CONTACT;
import static io.gongzhi.identity.Role.DEPARTMENT_STAFF;
import static io.gongzhi.identity.Role.DISTRICT_COMMITTEE;
import static io.gongzhi.identity.Role.GRID_WORKER;
import static io.gongzhi.identity.Role.RESIDENT;
import static io.gongzhi.identity.Role.SECURITY_ADMIN;
import static io.gongzhi.identity.Role.SOCIAL_ORGANISATION;
import static io.gongzhi.identity.Role.SUBDISTRICT_DISPATCHER;
import static io.gongzhi.identity.Role.SYSTEM_ADMIN;

/**
 * What a role may do, one permission per action. This table is the policy: the server
 * checks the permission (its {@link #authority()}) on every page and API call, and the
 * authorisation matrix test checks the server against this table. The three
 * administrative roles share nothing, and none of them reads personal information.
 */
public enum Permission {
    GEOGRAPHY_READ("geography.read", CITY_COMMITTEE, DISTRICT_COMMITTEE, SUBDISTRICT_DISPATCHER, COMMUNITY_WORKER,
            GRID_WORKER, DEPARTMENT_STAFF, SOCIAL_ORGANISATION, SYSTEM_ADMIN),
    GEOGRAPHY_IMPORT("geography.import", SYSTEM_ADMIN),
    ACCOUNTS_MANAGE("accounts.manage", SYSTEM_ADMIN),
    /** See the SMS and e-mails that could not be sent and the reactions that did not complete, and send or run them again. */
    DELIVERIES_MANAGE("deliveries.manage", SYSTEM_ADMIN),
    /** The running system: its facts on the home page, the management endpoints beyond health, the API documentation's link. */
    SYSTEM_OPERATE("system.operate", SYSTEM_ADMIN),
    /** See the staff accounts working inside one's own jurisdiction (names, roles, areas). */
    TEAM_READ("team.read", CITY_COMMITTEE, DISTRICT_COMMITTEE, SUBDISTRICT_DISPATCHER, COMMUNITY_WORKER),
    POLICY_MANAGE("policy.manage", SECURITY_ADMIN),
    AUDIT_READ("audit.read", AUDITOR),
    AUDIT_EXPORT("audit.export", AUDITOR),
    /**
     * Own API tokens for machine clients acting as this account (a resident's token is also how
     * an Open311 app reports in residents' name: its {@code api_key}).
     */
    TOKENS_OWN("tokens.own", CITY_COMMITTEE, DISTRICT_COMMITTEE, SUBDISTRICT_DISPATCHER, COMMUNITY_WORKER,
            GRID_WORKER, COMPOUND_CONTACT, DEPARTMENT_STAFF, SOCIAL_ORGANISATION, RESIDENT),
    /** Residents' records, masked. */
    PERSON_READ("person.read", CITY_COMMITTEE, DISTRICT_COMMITTEE, SUBDISTRICT_DISPATCHER, COMMUNITY_WORKER, GRID_WORKER),
    PERSON_WRITE("person.write", COMMUNITY_WORKER, GRID_WORKER),
    /** Show an ID or phone number in full, with a reason. */
    PERSON_UNMASK("person.unmask", COMMUNITY_WORKER, GRID_WORKER),
    PERSON_EXPORT("person.export", COMMUNITY_WORKER),
    /** Counts only, never a person. */
    PERSON_STATISTICS("person.statistics", CITY_COMMITTEE, DISTRICT_COMMITTEE, SUBDISTRICT_DISPATCHER, COMMUNITY_WORKER),
    CASE_REPORT("case.report", GRID_WORKER, COMMUNITY_WORKER, SUBDISTRICT_DISPATCHER, RESIDENT),
    /** The responsibility catalogue and the working-day calendar, read. */
    CATALOGUE_READ("catalogue.read", CITY_COMMITTEE, DISTRICT_COMMITTEE, SUBDISTRICT_DISPATCHER, COMMUNITY_WORKER, GRID_WORKER,
            DEPARTMENT_STAFF, RESIDENT),
    /** Edit the responsibility catalogue and the working-day calendar (the city's governance committee). */
    CATALOGUE_MANAGE("catalogue.manage", CITY_COMMITTEE),
    CASE_READ("case.read", CITY_COMMITTEE, DISTRICT_COMMITTEE, SUBDISTRICT_DISPATCHER, COMMUNITY_WORKER, GRID_WORKER,
            DEPARTMENT_STAFF),
    CASE_DISPATCH("case.dispatch", SUBDISTRICT_DISPATCHER, DISTRICT_COMMITTEE),
    CASE_HANDLE("case.handle", DEPARTMENT_STAFF),
    CASE_VERIFY("case.verify", COMMUNITY_WORKER),
    /** Evaluation figures of departments and places (counts and rates, never a person). */
    CASE_EVALUATE("case.evaluate", CITY_COMMITTEE, DISTRICT_COMMITTEE, SUBDISTRICT_DISPATCHER),
    /** Which emergency responses hold over one's places and below them, and their history. */
    EMERGENCY_READ("emergency.read", CITY_COMMITTEE, DISTRICT_COMMITTEE, SUBDISTRICT_DISPATCHER, COMMUNITY_WORKER, GRID_WORKER,
            COMPOUND_CONTACT, DEPARTMENT_STAFF, SOCIAL_ORGANISATION),
    /** Declare an emergency response for one's own city or district, change its level, stand it down (the committee of that level). */
    EMERGENCY_DECLARE("emergency.declare", CITY_COMMITTEE, DISTRICT_COMMITTEE),
    /** Issue a directive from one's own place to every unit below it (the command chain: city, district, sub-district, community). */
    DIRECTIVE_ISSUE("directive.issue", CITY_COMMITTEE, DISTRICT_COMMITTEE, SUBDISTRICT_DISPATCHER, COMMUNITY_WORKER),
    /** Acknowledge and report a directive for the units one looks after. */
    DIRECTIVE_ACKNOWLEDGE("directive.acknowledge", DISTRICT_COMMITTEE, SUBDISTRICT_DISPATCHER, COMMUNITY_WORKER, GRID_WORKER,
            COMPOUND_CONTACT),
    /** Keep the duty rosters of one's places (who receives for each unit) and the property companies serving its compounds. */
    ROSTER_MANAGE("roster.manage", DISTRICT_COMMITTEE, SUBDISTRICT_DISPATCHER, COMMUNITY_WORKER),
    /** Show a duty contact's phone number in full, with a reason, to call a unit that is silent. */
    ROSTER_UNMASK("roster.unmask", CITY_COMMITTEE, DISTRICT_COMMITTEE, SUBDISTRICT_DISPATCHER, COMMUNITY_WORKER, GRID_WORKER),
    /** Screening campaigns over or inside one's places and their coverage (counts of households by state, never a person). */
    SCREENING_READ("screening.read", CITY_COMMITTEE, DISTRICT_COMMITTEE, SUBDISTRICT_DISPATCHER, COMMUNITY_WORKER, GRID_WORKER, COMPOUND_CONTACT),
    /** Plan a screening campaign over one's own place with its visit form, and open its rounds. */
    SCREENING_PLAN("screening.plan", CITY_COMMITTEE, DISTRICT_COMMITTEE, SUBDISTRICT_DISPATCHER),
    /** Visit households door to door: read the list of one's grid or compound and send visits from a phone. */
    SCREENING_VISIT("screening.visit", COMMUNITY_WORKER, GRID_WORKER, COMPOUND_CONTACT);

    private final String authority;
    private final Set<Role> roles;

    Permission(String authority, Role... roles) {
        this.authority = authority;
        this.roles = roles.length == 0 ? Set.of() : Set.copyOf(EnumSet.of(roles[0], roles));
    }

    /** The authority string pages and APIs check, e.g. {@code hasAuthority('geography.import')}. */
    public String authority() {
        return authority;
    }

    public Set<Role> roles() {
        return roles;
    }

    /** The permission whose authority string this is. */
    public static java.util.Optional<Permission> byAuthority(String authority) {
        return java.util.Arrays.stream(values()).filter(p -> p.authority.equals(authority)).findFirst();
    }

    public static Set<Permission> of(Set<Role> roles) {
        var granted = EnumSet.noneOf(Permission.class);
        for (Permission p : values()) {
            if (p.roles.stream().anyMatch(roles::contains)) {
                granted.add(p);
            }
        }
        return granted;
    }
}
