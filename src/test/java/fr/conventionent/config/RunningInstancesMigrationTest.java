package fr.conventionent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.conventionent.denonciation.DenonciationProcess;
import fr.conventionent.support.EngineTest;

/**
 * A release renames the code its processes call; the dénonciations opened under the previous release must still be
 * completed afterwards. They move to the new definition; one waiting where the new definition has no activity stays
 * where it was.
 */
class RunningInstancesMigrationTest extends EngineTest {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RunningInstancesMigration migration;

    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void removeReleases() {
        // a batch left by a refused migration would otherwise run in the next test, on a deleted definition
        managementService.createBatchQuery().list().forEach(batch -> managementService.deleteBatch(batch.getId(), true));
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    @Test
    void aDenonciationOfThePreviousReleaseRunsTheNewCodeAfterTheUpgrade() throws Exception {
        // the previous release: "Notifier la dénonciation" checked by a listener bean that no longer exists
        ProcessInstance opened = startOn(previousRelease(DenonciationProcess.TASK_NOTIFY));
        Task notify = taskService.createTaskQuery().processInstanceId(opened.getId()).singleResult();
        assertThatThrownBy(() -> taskService.complete(notify.getId(), Map.of()))
                .hasMessageContaining("denonciationNotificationListener");

        String newest = deployCurrentRelease();
        assertThat(migration.toNewestDefinitions()).isEqualTo(1);
        executeDueJobs();

        assertThat(definitionOf(opened)).isEqualTo(newest);
        Task moved = taskService.createTaskQuery().processInstanceId(opened.getId()).singleResult();
        assertThat(moved.getId()).isEqualTo(notify.getId());
        // the new release's check answers, in French
        assertThatThrownBy(() -> taskService.complete(moved.getId(), Map.of()))
                .hasMessageContaining("Indiquez si la dénonciation a été notifiée ou si vous l'abandonnez.");
    }

    @Test
    void anInstanceWaitingWhereTheNewReleaseHasNoActivityStaysOnItsVersion() throws Exception {
        String previous = previousRelease("UserTask_RetiredStep");
        ProcessInstance waiting = startOn(previous);

        deployCurrentRelease();
        migration.toNewestDefinitions();
        for (Job job : managementService.createJobQuery().executable().list()) {
            try {
                managementService.executeJob(job.getId());
            } catch (RuntimeException refused) {
                // the migration job of that instance fails: it shows as an incident once its retries are spent
            }
        }

        assertThat(definitionOf(waiting)).isEqualTo(previous);
        assertThat(taskService.createTaskQuery().processInstanceId(waiting.getId()).singleResult().getTaskDefinitionKey())
                .isEqualTo("UserTask_RetiredStep");
    }

    /** A dénonciation as an earlier release modelled it: one user task, checked by a bean that no longer exists. */
    private String previousRelease(String taskId) {
        BpmnModelInstance model = Bpmn.createExecutableProcess(DenonciationProcess.KEY).camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask(taskId).name("Notifier la dénonciation")
                .camundaTaskListenerDelegateExpression("complete", "${denonciationNotificationListener}")
                .endEvent()
                .done();
        var deployment = repositoryService.createDeployment().name("version-precedente")
                .addModelInstance("denonciation.bpmn", model).deployWithResult();
        deployments.add(deployment.getId());
        return deployment.getDeployedProcessDefinitions().get(0).getId();
    }

    private String deployCurrentRelease() throws Exception {
        try (InputStream bpmn = getClass().getResourceAsStream("/bpmn/denonciation.bpmn")) {
            var deployment = repositoryService.createDeployment().name("nouvelle-version")
                    .addInputStream("bpmn/denonciation.bpmn", bpmn).deployWithResult();
            deployments.add(deployment.getId());
            return deployment.getDeployedProcessDefinitions().get(0).getId();
        }
    }

    private ProcessInstance startOn(String definitionId) {
        return runtimeService.startProcessInstanceById(definitionId, "CONV-00000-2026-01");
    }

    private String definitionOf(ProcessInstance instance) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getProcessDefinitionId();
    }
}
