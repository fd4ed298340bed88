package fr.conventionent.config.schema;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * A Flyway migration that runs SQL scripts shipped in Camunda's engine jar, read from the classpath at
 * migration time (the scripts are never copied into this repository). Flyway runs it in one transaction
 * (PostgreSQL DDL is transactional): a failed script leaves the database as it was.
 *
 * <p>An upgrade of Camunda adds a subclass, e.g. {@code V7__Camunda_7_24_to_7_25} (next free version) running
 * {@code org/camunda/bpm/engine/db/upgrade/postgres_engine_7.24_to_7.25.sql} from the new jar,
 * declared as a bean in {@link DatabaseSchemaConfig}.
 */
public abstract class CamundaScriptMigration extends BaseJavaMigration {

    /** Where the engine jar keeps its creation scripts ({@code activiti.postgres.create.<part>.sql}). */
    public static final String CREATE = "org/camunda/bpm/engine/db/create/";
    /** Where the engine jar keeps its upgrade scripts ({@code postgres_engine_<from>_to_<to>.sql}). */
    public static final String UPGRADE = "org/camunda/bpm/engine/db/upgrade/";

    private final List<String> scripts;

    protected CamundaScriptMigration(List<String> scripts) {
        this.scripts = List.copyOf(scripts);
    }

    public List<String> scripts() {
        return scripts;
    }

    @Override
    public void migrate(Context context) throws Exception {
        for (String script : scripts) {
            ClassPathResource resource = new ClassPathResource(script, CamundaScriptMigration.class.getClassLoader());
            if (!resource.exists()) {
                throw new IllegalStateException("Script SQL de Camunda introuvable dans le classpath : " + script
                        + " (version du moteur différente de celle de la migration " + getClass().getSimpleName() + " ?)");
            }
            ScriptUtils.executeSqlScript(context.getConnection(), new EncodedResource(resource, StandardCharsets.UTF_8));
        }
    }
}
