package io.gongzhi.platform;

import org.springframework.core.env.Environment;

/**
 * Demo mode fills an empty database with one account per role and the reference city. Unless
 * {@code GONGZHI_DEMO} says otherwise it is on with the embedded database (someone
 * trying the platform) and off with an external one (a real installation).
 */
public final class DemoMode {

    private DemoMode() {
    }

    public static boolean isOn(Environment environment) {
        String explicit = environment.getProperty("gongzhi.demo", "");
        if (!explicit.isBlank()) {
            return Boolean.parseBoolean(explicit.strip());
        }
        return environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
    }
}
