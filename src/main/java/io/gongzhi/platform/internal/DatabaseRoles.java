package io.gongzhi.platform.internal;

import io.gongzhi.platform.cli.UnsafeDatabaseRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * On PostgreSQL the application must connect as a role that owns nothing and is no superuser:
 * an owner can switch off the audit log's trigger and rewrite rows. Start-up stops with one
 * line saying how to set up the two roles, unless {@code GONGZHI_DB_SINGLE_ROLE=true} accepts
 * the risk (a laptop, a benchmark), which is logged.
 */
@Component
class DatabaseRoles implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRoles.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final boolean singleRole;

    DatabaseRoles(JdbcClient jdbc, DataSource dataSource, @Value("${gongzhi.db.single-role:false}") boolean singleRole) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.singleRole = singleRole;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        try (var c = dataSource.getConnection()) {
            if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
                return;
            }
        }
        String user = jdbc.sql("select current_user").query(String.class).single();
        boolean superuser = jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single();
        long owned = jdbc.sql("select count(*) from pg_class c where c.relnamespace = current_schema()::regnamespace "
                + "and c.relowner = (select oid from pg_roles where rolname = current_user)").query(Long.class).single();
        if (!superuser && owned == 0) {
            return;
        }
        if (singleRole) {
            log.warn("The application connects to PostgreSQL as {}, which {}: it could switch off the audit log's protection "
                    + "(GONGZHI_DB_SINGLE_ROLE=true accepts that; see `gongzhi database init`)", user, superuser ? "is a superuser" : "owns the tables");
            return;
        }
        throw new UnsafeDatabaseRole(user, superuser);
    }
}
