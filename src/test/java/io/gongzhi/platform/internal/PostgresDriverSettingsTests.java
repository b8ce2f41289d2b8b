package io.gongzhi.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batched inserts go to PostgreSQL as multi-row inserts and a connection attempt gives up with the
 * pool's wait, unless the URL says otherwise; H2 is left alone (it refuses settings it does not know).
 */
class PostgresDriverSettingsTests {

    static HikariDataSource pool(String url) {
        var pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setConnectionTimeout(2_000);
        return (HikariDataSource) new PostgresDriverSettings().postProcessBeforeInitialization(pool, "dataSource");
    }

    @Test
    void postgresqlGetsMultiRowInsertsAndOtherDatabasesNothing() {
        assertThat(pool("jdbc:postgresql://db:5432/gongzhi").getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "true");
        assertThat(pool("jdbc:h2:mem:x;MODE=PostgreSQL").getDataSourceProperties()).doesNotContainKey("reWriteBatchedInserts");
        assertThat(pool("jdbc:postgresql://db:5432/gongzhi?reWriteBatchedInserts=false").getDataSourceProperties())
                .as("the URL's own choice stands").doesNotContainKey("reWriteBatchedInserts");
    }

    @Test
    void connectingGivesUpWithThePoolsWaitAndReadsHaveNoTimeout() {
        var settings = pool("jdbc:postgresql://db:5432/gongzhi").getDataSourceProperties();
        assertThat(settings).containsEntry("connectTimeout", "2").doesNotContainKey("socketTimeout");
        assertThat(pool("jdbc:h2:mem:x;MODE=PostgreSQL").getDataSourceProperties()).doesNotContainKey("connectTimeout");
        assertThat(pool("jdbc:postgresql://db:5432/gongzhi?connectTimeout=30").getDataSourceProperties())
                .as("the URL's own choice stands").doesNotContainKey("connectTimeout");
    }
}
