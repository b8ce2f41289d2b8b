package io.gongzhi.identity;

import io.gongzhi.identity.internal.Permission;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Separation of duties as MLPS level 3 asks, read off the permission table. */
class PermissionTests {

    @Test
    void theSystemAdministratorManagesAccountsButReadsNoPersonalInformation() {
        var admin = Permission.of(Set.of(Role.SYSTEM_ADMIN));
        assertThat(admin).contains(Permission.ACCOUNTS_MANAGE, Permission.GEOGRAPHY_IMPORT);
        assertThat(admin).noneMatch(p -> p.authority().startsWith("person.") || p.authority().startsWith("case.")
                || p.authority().startsWith("audit.") || p == Permission.POLICY_MANAGE);
    }

    @Test
    void theAuditorOnlyReadsTheLogAndTheSecurityAdministratorOnlySetsPolicy() {
        assertThat(Permission.of(Set.of(Role.AUDITOR))).containsExactlyInAnyOrder(Permission.AUDIT_READ, Permission.AUDIT_EXPORT);
        assertThat(Permission.of(Set.of(Role.SECURITY_ADMIN))).containsExactly(Permission.POLICY_MANAGE);
    }

    @Test
    void theThreeAdministratorsShareNoPermission() {
        var seen = EnumSet.noneOf(Permission.class);
        for (Role role : new Role[] {Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDITOR}) {
            var granted = Permission.of(Set.of(role));
            assertThat(granted).isNotEmpty().noneMatch(seen::contains);
            seen.addAll(granted);
        }
    }

    @Test
    void everyPermissionHasAHolderAndADistinctAuthority() {
        assertThat(Permission.values()).allSatisfy(p -> assertThat(p.roles()).isNotEmpty());
        assertThat(Arrays.stream(Permission.values()).map(Permission::authority).distinct().count()).isEqualTo(Permission.values().length);
    }
}
