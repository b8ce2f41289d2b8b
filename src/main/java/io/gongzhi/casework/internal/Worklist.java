package io.gongzhi.casework.internal;

import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Jurisdiction;

import java.util.ArrayList;
import java.util.HashMap;

/**
 * The cases waiting for the caller's next step (待我办理), as a condition on the queue: for a
 * dispatcher those to accept or dispatch and the requests to decide; for department staff the
 * cases their departments lead that are being worked on and the call-ins they have not answered
 * (the department inbox); for a community worker those waiting for verification (the
 * verification queue). The caller's scope still applies on top.
 */
public final class Worklist {

    private Worklist() {
    }

    public static Jurisdiction.Clause of(Actor actor) {
        var parts = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        if (actor.may("case.dispatch")) {
            parts.add("c.state in ('REPORTED', 'ACCEPTED') or c.pending <> 'NONE'");
        }
        if (actor.may("case.handle")) {
            var lead = actor.jurisdiction().whereDepartment("c.lead_department");
            var called = actor.jurisdiction().whereDepartment("w.department");
            params.putAll(lead.params());
            parts.add("c.state in ('DISPATCHED', 'HANDLING') and " + lead.sql());
            parts.add("exists (select 1 from casework_case_department w where w.case_id = c.id and w.role = 'CALLED' "
                    + "and w.answered_at is null and " + called.sql() + ")");
        }
        if (actor.may("case.verify")) {
            parts.add("c.state = 'FED_BACK'");
        }
        return new Jurisdiction.Clause(parts.isEmpty() ? "1 = 0" : "((" + String.join(") or (", parts) + "))", params);
    }
}
