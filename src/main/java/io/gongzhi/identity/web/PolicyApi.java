package io.gongzhi.identity.web;

import io.gongzhi.identity.internal.LoginPolicies;
import io.gongzhi.identity.internal.LoginPolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The login policy, for the security administrator. */
@RestController
@RequestMapping("/api/identity/policy")
@PreAuthorize("hasAuthority('policy.manage')")
@Tag(name = "identity")
class PolicyApi {

    private final LoginPolicies policies;

    PolicyApi(LoginPolicies policies) {
        this.policies = policies;
    }

    @GetMapping
    @Operation(summary = "The current login policy")
    LoginPolicy current() {
        return policies.current();
    }

    @PutMapping
    @Operation(summary = "Set the login policy: lock after N failures for M minutes, idle and absolute session limits, second factor for privileged roles")
    LoginPolicy update(@RequestBody LoginPolicy policy) {
        return policies.update(policy);
    }
}
