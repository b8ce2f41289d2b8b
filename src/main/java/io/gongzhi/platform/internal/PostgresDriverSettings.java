package io.gongzhi.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Driver settings for PostgreSQL that the URL need not carry. A batch of inserts is sent as
 * multi-row inserts (the case loop's timeline and audit rows, imports, bulk loads), one
 * statement for the server to run instead of one per row. Opening a connection gives up after
 * the pool's connection timeout (at least a second) instead of the driver's ten seconds, so that a
 * server that does not answer at all holds no thread longer than a caller waits for it; reads
 * keep no timeout, as long exports and loads need. Settings the URL names win.
 */
@Component
class PostgresDriverSettings implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            unlessNamed(pool, "reWriteBatchedInserts", "true");
            unlessNamed(pool, "connectTimeout", String.valueOf(Math.max(1, (pool.getConnectionTimeout() + 999) / 1000)));
        }
        return bean;
    }

    private static void unlessNamed(HikariDataSource pool, String setting, String value) {
        if (!pool.getJdbcUrl().contains(setting) && !pool.getDataSourceProperties().containsKey(setting)) {
            pool.addDataSourceProperty(setting, value);
        }
    }
}
