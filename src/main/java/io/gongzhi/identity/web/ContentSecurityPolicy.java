package io.gongzhi.identity.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.URI;

/**
 * The Content-Security-Policy header: scripts only from this origin (htmx, Leaflet and
 * ECharts are served from WebJars), no framing by other sites, and map tiles from the
 * configured tile server if there is one.
 */
@Component
class ContentSecurityPolicy {

    private final String directives;

    ContentSecurityPolicy(@Value("${gongzhi.map.tile-url:}") String tileUrl) {
        String tiles = tileOrigin(tileUrl);
        this.directives = String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                // Leaflet and Swagger UI set inline styles; scripts stay strict.
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data: blob:" + tiles,
                "font-src 'self' data:",
                "connect-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "frame-ancestors 'none'");
    }

    String directives() {
        return directives;
    }

    /** {@code https://tiles.example.org/{z}/{x}/{y}.png} allows {@code https://tiles.example.org}. */
    static String tileOrigin(String tileUrl) {
        if (tileUrl == null || tileUrl.isBlank()) {
            return "";
        }
        try {
            URI uri = URI.create(tileUrl.replaceAll("\\{[^}]*}", "x"));
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            return " " + uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }
}
