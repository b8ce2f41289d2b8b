package io.gongzhi.geography;

import io.gongzhi.identity.internal.Permission;
import io.gongzhi.support.ScopedEndpoints;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The geography module's endpoints in the authorisation matrix. */
public class GeographyEndpoints implements ScopedEndpoints {

    @Override
    public List<Endpoint> endpoints(Fixture f) {
        String in = f.insideCode();
        String out = f.outsideCode();
        String both = URLEncoder.encode(in.substring(0, in.length() - 3), StandardCharsets.UTF_8);
        return List.of(
                Endpoint.item("unit", Permission.GEOGRAPHY_READ, "/api/geo/units/" + in, "/api/geo/units/" + out, in, out),
                Endpoint.item("chain", Permission.GEOGRAPHY_READ, "/api/geo/units/" + in + "/chain", "/api/geo/units/" + out + "/chain", in, out),
                Endpoint.item("boundaries", Permission.GEOGRAPHY_READ, "/api/geo/units/" + in + "/children/boundaries",
                        "/api/geo/units/" + out + "/children/boundaries", "FeatureCollection", out),
                Endpoint.list("search", Permission.GEOGRAPHY_READ, "/api/geo/search?q=" + both, in, out),
                Endpoint.list("roots", Permission.GEOGRAPHY_READ, "/api/geo/units", in, out),
                Endpoint.item("tree page", Permission.GEOGRAPHY_READ, "/geo?unit=" + in, "/geo?unit=" + out, "data-focus=\"" + in + "\"", out));
    }
}
