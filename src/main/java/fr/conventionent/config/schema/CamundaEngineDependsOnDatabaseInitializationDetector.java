package fr.conventionent.config.schema;

import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Makes the Camunda engine beans depend on the database initialisers (Flyway's {@code flywayInitializer}),
 * so that the schema exists before the engine, started with {@code schema-update: false}, checks it.
 * Registered in {@code META-INF/spring.factories}.
 */
public class CamundaEngineDependsOnDatabaseInitializationDetector
        extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(ProcessEngineConfigurationImpl.class, ProcessEngineFactoryBean.class, ProcessEngine.class);
    }
}
