package fr.conventionent.config;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After a new release is deployed, the instances still running on an earlier definition of a process move to the
 * newest one, activity by activity (same ids), in a background batch. They then run the new release's code: the
 * listeners and delegates an earlier definition names may no longer exist. An instance waiting in an activity the
 * new definition no longer has cannot move: its batch job fails and shows as an incident in Cockpit, where an
 * administrator migrates it by hand; nothing is lost, the instance stays where it was.
 */
@Component
public class RunningInstancesMigration {

    private static final Logger LOG = LoggerFactory.getLogger(RunningInstancesMigration.class);

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;

    public RunningInstancesMigration(RepositoryService repositoryService, RuntimeService runtimeService,
                                     ManagementService managementService) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
    }

    /** @return how many instances were handed to migration batches */
    public int toNewestDefinitions() {
        Map<String, ProcessDefinition> newest = repositoryService.createProcessDefinitionQuery().latestVersion().list()
                .stream().collect(Collectors.toMap(ProcessDefinition::getKey, Function.identity(), (a, b) -> a));
        int moved = 0;
        for (ProcessDefinitionStatistics older : managementService.createProcessDefinitionStatisticsQuery().list()) {
            ProcessDefinition target = newest.get(older.getKey());
            if (older.getInstances() == 0 || target == null || target.getId().equals(older.getId())) {
                continue;
            }
            try {
                // no updateEventTriggers: a timer keeps the due date computed when it was created (renewal, notice)
                MigrationPlan plan = runtimeService.createMigrationPlan(older.getId(), target.getId())
                        .mapEqualActivities().build();
                runtimeService.newMigration(plan)
                        .processInstanceQuery(runtimeService.createProcessInstanceQuery().processDefinitionId(older.getId()))
                        .skipCustomListeners().skipIoMappings().executeAsync();
                moved += older.getInstances();
                LOG.info("{} instance(s) de « {} » passent de la version {} à la version {}", older.getInstances(),
                        older.getKey(), older.getVersion(), target.getVersion());
            } catch (ProcessEngineException refused) {
                LOG.warn("{} instance(s) de « {} » restent en version {} : {}", older.getInstances(), older.getKey(),
                        older.getVersion(), refused.getMessage());
            }
        }
        return moved;
    }
}
