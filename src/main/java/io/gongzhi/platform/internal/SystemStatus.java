package io.gongzhi.platform.internal;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.SQLException;

/** Facts an administrator checks first: which build, which database, which schema, and events still waiting for a listener. */
@Component
public class SystemStatus {

    private final ObjectProvider<BuildProperties> build;
    private final DataSource dataSource;
    private final ObjectProvider<Flyway> flyway;
    private final JdbcClient jdbc;

    SystemStatus(ObjectProvider<BuildProperties> build, DataSource dataSource, ObjectProvider<Flyway> flyway, JdbcClient jdbc) {
        this.build = build;
        this.dataSource = dataSource;
        this.flyway = flyway;
        this.jdbc = jdbc;
    }

    public record Facts(String version, String java, String database, String schemaVersion, long pendingEvents) {
    }

    public Facts facts() {
        BuildProperties properties = build.getIfAvailable();
        Flyway migrations = flyway.getIfAvailable();
        var current = migrations == null ? null : migrations.info().current();
        return new Facts(
                properties == null ? "dev" : properties.getVersion(),
                Runtime.version().toString(),
                database(),
                current == null ? "-" : current.getVersion().getVersion() + " " + current.getDescription(),
                jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single());
    }

    private String database() {
        try (var connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            return "unavailable: " + e.getMessage();
        }
    }
}
