package fr.conventionent.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.conventionent.config.schema.V1__Camunda_7_24_0;
import fr.conventionent.support.EmbeddedPostgres;
import fr.conventionent.support.SqlMigrations;

/**
 * A production database created before Flyway, by the engine itself ({@code schema-update: true}), is
 * baselined at version 1 (application-postgres.yaml): V1 is not run again and the Camunda tables are kept.
 */
class DatabaseSchemaBaselinePostgresTest {

    @Test
    void aDatabaseCreatedBySchemaUpdateIsBaselinedAtVersionOne() {
        var dataSource = EmbeddedPostgres.createDatabase("convention_baseline").getDatabase("postgres", "convention_baseline");
        var engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setProcessEngineName("baseline")
                .setDataSource(dataSource)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setJobExecutorActivate(false)
                .buildProcessEngine();
        engine.close();

        // the same settings as spring.flyway in application-postgres.yaml
        var result = Flyway.configure()
                .dataSource(dataSource)
                .table("flyway_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("1")
                .javaMigrations(new V1__Camunda_7_24_0())
                .load()
                .migrate();

        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).as("Camunda's V1 is not run again; the application's tables are added")
                .isEqualTo(SqlMigrations.versions().size());
        var jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForList(
                "select version || ' ' || type || ' ' || success from flyway_schema_history order by installed_rank",
                String.class)).containsExactly(SqlMigrations.historyAfter("1 BASELINE true"));
        assertThat(jdbc.queryForList("select version_ from act_ge_schema_log", String.class)).containsExactly("7.24.0");
    }
}
