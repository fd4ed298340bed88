package fr.conventionent.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the BPMN, DMN, Camunda Forms and embedded HTML forms as one deployment, each resource
 * named "folder/file" (bpmn/convention.bpmn, forms/signer-exemplaires.html) whether the app runs
 * from classes or from the jar: embedded forms are looked up by that name
 * ({@code embedded:deployment:forms/…}), and formRef with binding "deployment" needs every form in
 * the same deployment as its process. Unchanged resources are not redeployed; after a new release, running instances
 * move to the new definitions ({@link RunningInstancesMigration}).
 */
@Component
@Order(0)
public class ProcessDeployment implements ApplicationRunner {

    public static final String NAME = "convention-ent";
    private static final Logger LOG = LoggerFactory.getLogger(ProcessDeployment.class);

    private final RepositoryService repositoryService;
    private final ConventionProperties properties;
    private final RunningInstancesMigration migration;

    public ProcessDeployment(RepositoryService repositoryService, ConventionProperties properties,
                             RunningInstancesMigration migration) {
        this.repositoryService = repositoryService;
        this.properties = properties;
        this.migration = migration;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        DeploymentBuilder deployment = repositoryService.createDeployment().name(NAME).source("convention-ent")
                .enableDuplicateFiltering(false);
        int count = 0;
        for (String pattern : properties.deploiement().ressources()) {
            for (Resource resource : resolver.getResources(pattern)) {
                try (InputStream in = resource.getInputStream()) {
                    deployment.addInputStream(nameOf(resource), in);
                    count++;
                }
            }
        }
        var result = deployment.deployWithResult();
        // unchanged resources (a restart, a second node): the engine keeps the existing deployment and lists nothing
        var definitions = result.getDeployedProcessDefinitions();
        LOG.info("{} ressources déployées (déploiement {}), {} définitions de processus",
                count, result.getId(), definitions == null ? 0 : definitions.size());
        if (definitions != null && !definitions.isEmpty()) {
            migration.toNewestDefinitions();
        }
    }

    /** "bpmn/convention.bpmn": the parent folder and the file name. */
    static String nameOf(Resource resource) {
        try {
            String path = URI.create(resource.getURL().toString().replace(" ", "%20")).toString();
            String[] parts = path.split("/");
            return parts[parts.length - 2] + "/" + parts[parts.length - 1];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
