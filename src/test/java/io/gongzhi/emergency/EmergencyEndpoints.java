package io.gongzhi.emergency;

import io.gongzhi.identity.internal.Permission;
import io.gongzhi.support.ScopedEndpoints;

import java.util.List;

/**
 * The emergency pages and API in the authorisation matrix. Responses are declared for a whole
 * city or district, which holds both of the matrix's communities, so there is nothing of one to
 * hide from the other: the endpoints are checked as unscoped, for who may call them at all.
 */
public class EmergencyEndpoints implements ScopedEndpoints {

    @Override
    public List<Endpoint> endpoints(Fixture f) {
        return List.of(
                Endpoint.unscoped("emergency page", Permission.EMERGENCY_READ, "/emergency", "id=\"main\""),
                Endpoint.unscoped("emergency responses", Permission.EMERGENCY_READ, "/api/emergency/responses?past=true", "["));
    }
}
