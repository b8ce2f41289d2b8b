package io.gongzhi.population.internal;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;

/**
 * Migration 32: seals the birth dates that V33 takes out of the clear columns, for residents whose
 * document does not carry it (passports); a national ID's birth date is eight digits of the sealed
 * number. A Java migration because the key lives outside the database. Runs between V31 (which
 * adds the birth year and the sealed column) and V33 (which drops the clear date).
 */
@Component
class BirthDateSealing implements JavaMigration {

    private final PersonalDataVault vault;

    BirthDateSealing(PersonalDataVault vault) {
        this.vault = vault;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("32");
    }

    @Override
    public String getDescription() {
        return "population seal birth dates";
    }

    @Override
    public Integer getChecksum() {
        return 32;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        try (PreparedStatement read = connection.prepareStatement(
                "select id, birth_date from population_resident where id_kind <> 'NATIONAL_ID' and birth_sealed is null");
             PreparedStatement write = connection.prepareStatement("update population_resident set birth_sealed = ? where id = ?");
             ResultSet rs = read.executeQuery()) {
            int pending = 0;
            while (rs.next()) {
                write.setString(1, vault.protect(PersonalDataVault.Kind.BIRTH_DATE, rs.getObject(2, LocalDate.class).toString()).sealed());
                write.setLong(2, rs.getLong(1));
                write.addBatch();
                if (++pending == 1_000) {
                    write.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
    }
}
