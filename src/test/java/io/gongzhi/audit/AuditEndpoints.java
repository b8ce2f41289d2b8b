package io.gongzhi.audit;

import io.gongzhi.identity.internal.Permission;
import io.gongzhi.support.ScopedEndpoints;

import java.util.List;

/** The audit module's endpoints in the authorisation matrix: the whole log, for auditors only. */
public class AuditEndpoints implements ScopedEndpoints {

    @Override
    public List<Endpoint> endpoints(Fixture f) {
        return List.of(
                Endpoint.unscoped("records", Permission.AUDIT_READ, "/api/audit/records", "\"records\""),
                Endpoint.unscoped("search page", Permission.AUDIT_READ, "/audit", "audit-rows"),
                Endpoint.unscoped("export", Permission.AUDIT_EXPORT, "/api/audit/export?action=nothing.at.all", "time_utc"));
    }
}
