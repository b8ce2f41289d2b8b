package io.gongzhi;

import io.gongzhi.geography.Hierarchy;
import io.gongzhi.identity.internal.AccountForm;
import io.gongzhi.identity.Accounts;
import io.gongzhi.identity.internal.Permission;
import io.gongzhi.identity.Role;
import io.gongzhi.support.ScopedEndpoints;
import io.gongzhi.support.ScopedEndpoints.Endpoint;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every registered endpoint × every role × inside and outside the caller's jurisdiction:
 * a role without the permission gets 403; with it, inside data answers and outside data
 * answers like a missing id (404), or is absent from lists. The outside data's marker never
 * appears in any answer. Modules add endpoints by registering a {@link ScopedEndpoints}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuthorisationMatrixTests {

    /** Two neighbouring communities of Chengdu's Yulin sub-district, loaded in demo mode. */
    static final String INSIDE = "510107005001";
    static final String OUTSIDE = "510107005002";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Accounts accounts;
    @Autowired
    Hierarchy hierarchy;
    @Autowired
    UserDetailsService users;

    @TestFactory
    List<DynamicTest> everyEndpointAsEveryRoleInsideAndOutside() {
        var fixture = new ScopedEndpoints.Fixture(context, INSIDE, hierarchy.unit(INSIDE).path(), OUTSIDE, hierarchy.unit(OUTSIDE).path());
        var endpoints = new ArrayList<Endpoint>();
        ServiceLoader.load(ScopedEndpoints.class).forEach(module -> endpoints.addAll(module.endpoints(fixture)));
        assertThat(endpoints).as("modules registered their endpoints").hasSizeGreaterThanOrEqualTo(10);

        // a compound contact receives for one compound of the inside community
        io.gongzhi.support.PopulationFixture.ensure(context);
        String compound = hierarchy.under(INSIDE, io.gongzhi.geography.Level.COMPOUND).get(0).code();
        Map<Role, String> callers = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            String name = "mx" + role.name().toLowerCase().replace("_", "").substring(0, 6) + (System.nanoTime() % 1_000_000);
            accounts.create(new AccountForm(name, "矩阵" + role.ordinal(), Set.of(role), Set.of(role == Role.COMPOUND_CONTACT ? compound : INSIDE),
                    role == Role.DEPARTMENT_STAFF ? Set.of("water") : Set.of()), "Tianfu-Square#2026");
            callers.put(role, name);
        }

        var tests = new ArrayList<DynamicTest>();
        for (Endpoint e : endpoints) {
            for (Role role : Role.values()) {
                boolean allowed = e.permission().roles().contains(role);
                tests.add(DynamicTest.dynamicTest(e.name() + " as " + role + " inside", () ->
                        check(callers.get(role), e.inside(), allowed ? 200 : 403, allowed ? e.insideMarker() : null, e.outsideMarker())));
                if (e.outside() != null) {
                    int expected = !allowed ? 403 : e.outsideIsList() ? 200 : 404;
                    tests.add(DynamicTest.dynamicTest(e.name() + " as " + role + " outside", () ->
                            check(callers.get(role), e.outside(), expected, null, e.outsideMarker())));
                }
            }
        }
        return tests;
    }

    private void check(String username, String path, int status, String mustContain, String mustNotContain) throws Exception {
        var response = mvc.perform(get(path).with(user(users.loadUserByUsername(username)))).andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(path).isEqualTo(status);
        if (mustContain != null) {
            assertThat(body).contains(mustContain);
        }
        if (mustNotContain != null) {
            // an answer may name the path the caller asked for; nothing else of the outside
            String echo = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            String unechoed = body.replace(path, "").replace(path.replace("&", "&amp;"), "").replace(echo, "");
            assertThat(unechoed).as("nothing of the outside leaks").doesNotContain(mustNotContain);
        }
    }

    /** A permission no endpoint checks is a policy nobody enforces; the table and the endpoints must meet. */
    @org.junit.jupiter.api.Test
    void theMatrixCoversEveryPermissionThatHasAnEndpoint() {
        var fixture = new ScopedEndpoints.Fixture(context, INSIDE, "/", OUTSIDE, "/");
        var checked = new java.util.HashSet<Permission>();
        ServiceLoader.load(ScopedEndpoints.class).forEach(m -> m.endpoints(fixture).forEach(e -> checked.add(e.permission())));
        assertThat(checked).contains(Permission.GEOGRAPHY_READ, Permission.TEAM_READ, Permission.ACCOUNTS_MANAGE,
                Permission.POLICY_MANAGE, Permission.AUDIT_READ, Permission.AUDIT_EXPORT, Permission.PERSON_READ, Permission.PERSON_WRITE,
                Permission.PERSON_EXPORT, Permission.PERSON_STATISTICS, Permission.CASE_READ, Permission.CASE_REPORT, Permission.CATALOGUE_READ,
                Permission.EMERGENCY_READ, Permission.DIRECTIVE_ACKNOWLEDGE,
                Permission.SCREENING_READ, Permission.SCREENING_VISIT);
    }
}
