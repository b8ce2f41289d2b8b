package io.gongzhi.platform.cli;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Opens one connection with the configured URL before anything else starts, so that a
 * wrong URL or a stopped server is reported as one line naming the URL, not as a
 * cascade of bean-creation stack traces.
 */
class DatabaseProbe implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final int TIMEOUT_SECONDS = 10;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        var env = event.getEnvironment();
        String url = env.getProperty("spring.datasource.url");
        if (url == null) {
            return;
        }
        DriverManager.setLoginTimeout(TIMEOUT_SECONDS);
        try (var ignored = DriverManager.getConnection(url,
                env.getProperty("spring.datasource.username"), env.getProperty("spring.datasource.password"))) {
            // reachable
        } catch (SQLException failure) {
            throw new DatabaseUnreachable(withoutParameters(url), failure);
        }
    }

    /** Parameters can hold credentials; the address is what the operator needs. */
    static String withoutParameters(String url) {
        int cut = url.length();
        for (char c : new char[] {'?', ';'}) {
            int at = url.indexOf(c);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return url.substring(0, cut);
    }
}
