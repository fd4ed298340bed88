package fr.conventionent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.conventionent.support.EmbeddedPostgres;
import fr.conventionent.support.EngineTest;
import fr.conventionent.support.SqlMigrations;

/**
 * The production schema on a fresh PostgreSQL database: Flyway creates it from Camunda's own scripts before
 * the engine starts, and the engine, with {@code schema-update: false}, finds and uses it.
 */
@ActiveProfiles(value = {"postgres", "test"}, inheritProfiles = false)
class DatabaseSchemaPostgresTest extends EngineTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry, "convention_schema");
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Flyway flyway;
    @Autowired
    ConfigurableListableBeanFactory beanFactory;

    @Test
    void theTestsRunTheProductionsPostgresqlVersion() {
        assertThat(jdbc.queryForObject("select current_setting('server_version_num')::int / 10000", Integer.class))
                .as("PostgreSQL 16, comme docker-compose.yml").isEqualTo(16);
    }

    @Test
    void theEngineDoesNotTouchTheSchema() {
        var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        assertThat(configuration.getDatabaseSchemaUpdate()).isEqualTo("false");
        assertThat(configuration.getDatabaseType()).isEqualTo("postgres");
    }

    @Test
    void camundaTablesComeFromTheScriptsOfTheEngineJar() {
        assertThat(jdbc.queryForList("select version_ from act_ge_schema_log", String.class)).containsExactly("7.24.0");
        assertThat(managementService.createSchemaLogQuery().list())
                .extracting(entry -> entry.getVersion()).containsExactly("7.24.0");
        // engine, history, CMMN, DMN and identity parts
        assertThat(jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'public'",
                String.class)).contains("act_ge_property", "act_ru_execution", "act_ru_job", "act_hi_procinst",
                "act_re_case_def", "act_hi_caseinst", "act_re_decision_def", "act_hi_decinst", "act_id_user",
                "act_id_membership", "act_ru_authorization");
        assertThat(managementService.getTableCount()).containsKeys("ACT_RU_EXECUTION", "ACT_ID_USER");
        // the admin user and the demo users of the test profile are in PostgreSQL
        assertThat(processEngine.getIdentityService().createUserQuery().userId("admin").count()).isEqualTo(1);
    }

    @Test
    void flywayHistoryHasCamundaThenTheApplicationsTablesApplied() {
        assertThat(jdbc.queryForList(
                "select version || ' ' || type || ' ' || success from flyway_schema_history order by installed_rank",
                String.class)).startsWith("1 JDBC true", "2 SQL true", "3 SQL true", "4 SQL true", "5 SQL true",
                        "6 SQL true", "7 SQL true", "8 SQL true", "9 SQL true")
                .containsExactly(SqlMigrations.historyAfter("1 JDBC true"));
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables where table_name in"
                + " ('registre_calendrier', 'registre_campagne', 'registre_campagne_ligne',"
                + " 'journal_modification', 'convention_representant', 'convention', 'convention_version', 'convention_ecole',"
                + " 'convention_correspondant')", Integer.class)).isEqualTo(9);
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables"
                + " where table_name = 'registre_convention'", Integer.class))
                .as("the registry is a query over the convention table, no longer a copy").isZero();
        assertThat(jdbc.queryForObject("select count(*) from pg_indexes where tablename = 'act_ru_job'"
                + " and indexname = 'convention_idx_job_duedate'", Integer.class))
                .as("the job executor's acquisition reads ACT_RU_JOB by due date").isEqualTo(1);
        var current = flyway.info().current();
        assertThat(current.getVersion().getVersion()).isEqualTo(String.valueOf(lastOf(SqlMigrations.versions())));
        assertThat(current.getState()).isEqualTo(MigrationState.SUCCESS);
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void theEngineStartsAfterFlyway() {
        String[] engineBeans = beanFactory.getBeanNamesForType(ProcessEngineConfigurationImpl.class, true, false);
        assertThat(engineBeans).isNotEmpty();
        for (String bean : engineBeans) {
            String[] dependsOn = beanFactory.getBeanDefinition(bean).getDependsOn();
            assertThat(dependsOn == null ? new String[0] : dependsOn).as("depends-on de %s", bean)
                    .contains("flywayInitializer");
        }
        assertThat(Arrays.stream(beanFactory.getBeanDefinitionNames())
                .filter(name -> name.equals("processEngineFactoryBean"))
                .map(name -> beanFactory.getBeanDefinition(name).getDependsOn()))
                .allSatisfy(dependsOn -> assertThat(dependsOn).contains("flywayInitializer"));
    }

    @Test
    void aConventionCanBeStarted() {
        ProcessInstance convention = startConvention("78646");
        assertThat(convention.isEnded()).isFalse();
        assertThat(openTask(convention)).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from act_ru_execution where proc_inst_id_ = ?", Integer.class,
                convention.getId())).isPositive();
    }

    private static int lastOf(java.util.List<Integer> versions) {
        return versions.get(versions.size() - 1);
    }
}
