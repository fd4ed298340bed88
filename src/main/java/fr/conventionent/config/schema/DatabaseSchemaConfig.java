package fr.conventionent.config.schema;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The production schema's migrations (README, « Schéma de la base en production »). Spring Boot hands every
 * {@link org.flywaydb.core.api.migration.JavaMigration} bean to Flyway, which runs only where
 * {@code spring.flyway.enabled} is true (the {@code postgres} profile), before the Camunda engine starts
 * ({@link CamundaEngineDependsOnDatabaseInitializationDetector}).
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseSchemaConfig {

    @Bean
    V1__Camunda_7_24_0 camunda7240Schema() {
        return new V1__Camunda_7_24_0();
    }
}
