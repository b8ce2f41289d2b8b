package io.gongzhi.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Driver settings for PostgreSQL that the URL need not carry: a batch of inserts is sent as
 * multi-row inserts (the case loop's timeline and audit rows, imports, bulk loads), one
 * statement for the server to run instead of one per row. Settings the URL names win.
 */
@Component
class PostgresDriverSettings implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:postgresql:")
                && !pool.getJdbcUrl().contains("reWriteBatchedInserts") && !pool.getDataSourceProperties().containsKey("reWriteBatchedInserts")) {
            pool.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return bean;
    }
}
