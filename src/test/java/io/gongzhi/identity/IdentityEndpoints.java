package io.gongzhi.identity;

import io.gongzhi.identity.internal.AccountForm;
import io.gongzhi.identity.internal.Permission;

import io.gongzhi.support.ScopedEndpoints;

import java.util.List;
import java.util.Set;

/** The identity module's endpoints in the authorisation matrix; a staff member of the outside community is the data that must not leak. */
public class IdentityEndpoints implements ScopedEndpoints {

    @Override
    public List<Endpoint> endpoints(Fixture f) {
        Accounts accounts = f.context().getBean(Accounts.class);
        String outsider = "mxout" + (System.nanoTime() % 10_000_000);
        accounts.create(new AccountForm(outsider, "邻居社区工作者", Set.of(Role.COMMUNITY_WORKER), Set.of(f.outsideCode()), Set.of()),
                "Tianfu-Square#2026");
        return List.of(
                Endpoint.list("team", Permission.TEAM_READ, "/api/identity/team", f.insideCode(), outsider),
                Endpoint.list("team page", Permission.TEAM_READ, "/team", "id=\"team\"", "邻居社区工作者"),
                Endpoint.unscoped("accounts", Permission.ACCOUNTS_MANAGE, "/api/identity/accounts?q=" + outsider, outsider),
                Endpoint.unscoped("accounts page", Permission.ACCOUNTS_MANAGE, "/admin/accounts", "account-list"),
                Endpoint.unscoped("policy", Permission.POLICY_MANAGE, "/api/identity/policy", "maxFailures"),
                Endpoint.unscoped("policy page", Permission.POLICY_MANAGE, "/admin/policy", "absoluteHours"));
    }
}
