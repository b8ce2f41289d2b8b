package io.gongzhi.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address users reach the site at, for links that leave it (SMS, e-mail):
 * {@code gongzhi.public-url} ({@code GONGZHI_PUBLIC_URL}) when it is set, as it must be behind a
 * proxy or a domain name; otherwise this node on the port its server really listens on, which is
 * known only once the server has started ({@code GONGZHI_PORT} may be taken, or 0 for any free
 * port), so it is looked up each time rather than fixed at start.
 */
@Component
public class PublicUrl {

    private final String configured;
    private final Environment environment;

    PublicUrl(@Value("${gongzhi.public-url:}") String configured, Environment environment) {
        this.configured = withoutTrailingSlash(configured == null ? "" : configured.strip());
        this.environment = environment;
    }

    /** The site's address, without a trailing slash. */
    public String base() {
        if (!configured.isEmpty()) {
            return configured;
        }
        // local.server.port is the port the server bound (Spring Boot sets it when the server starts)
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return (secure() ? "https" : "http") + "://localhost:" + port;
    }

    /** The full address of {@code path} (which begins with a slash), e.g. {@code /r/…} for an SMS. */
    public String of(String path) {
        return base() + path;
    }

    /** Whether the server itself speaks HTTPS (Spring Boot's {@code server.ssl.*} with a key). */
    private boolean secure() {
        boolean hasKey = environment.containsProperty("server.ssl.bundle") || environment.containsProperty("server.ssl.key-store")
                || environment.containsProperty("server.ssl.certificate");
        return hasKey && environment.getProperty("server.ssl.enabled", Boolean.class, true);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
