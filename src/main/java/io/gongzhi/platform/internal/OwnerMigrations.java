package io.gongzhi.platform.internal;

import io.gongzhi.platform.DatabaseOwner;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/** Migrations run as the role that owns the tables when one is configured ({@link DatabaseOwner}). */
@Component
class OwnerMigrations implements FlywayConfigurationCustomizer {

    private final DatabaseOwner owner;

    OwnerMigrations(DatabaseOwner owner) {
        this.owner = owner;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        if (owner.configured()) {
            configuration.dataSource(owner.url(), owner.user(), owner.password());
        }
    }
}
