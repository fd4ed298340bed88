package fr.conventionent.config.schema;

import java.util.List;

/**
 * Version 1 of the production schema: Camunda 7.24.0's PostgreSQL tables, created by the engine jar's own
 * scripts in the order the engine itself runs them (engine, history, CMMN, DMN, then identity), which is
 * what {@code sql/create/postgres_engine_7.24.0.sql} and {@code postgres_identity_7.24.0.sql} of the
 * Camunda distribution contain.
 */
public class V1__Camunda_7_24_0 extends CamundaScriptMigration {

    public V1__Camunda_7_24_0() {
        super(List.of(
                CREATE + "activiti.postgres.create.engine.sql",
                CREATE + "activiti.postgres.create.history.sql",
                CREATE + "activiti.postgres.create.case.engine.sql",
                CREATE + "activiti.postgres.create.case.history.sql",
                CREATE + "activiti.postgres.create.decision.engine.sql",
                CREATE + "activiti.postgres.create.decision.history.sql",
                CREATE + "activiti.postgres.create.identity.sql"));
    }
}
