package fr.conventionent.convention;

import static fr.conventionent.convention.ConventionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.InputStream;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.conventionent.cnil.CnilFormalitiesProcess;
import fr.conventionent.denonciation.DenonciationProcess;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.support.ConventionLifeTest;

/**
 * A convention lives for years: running conventions are moved to a new version of the
 * {@code convention} BPMN with the Camunda migration API, and their timers keep the due dates
 * computed when they were created (docs/cycle-de-vie.md, « Migrer les conventions en cours »).
 *
 * <p>Version 2 is derived, in the test, from bpmn/convention.bpmn as deployed (version 1): a new
 * version tag and relabelled elements, with the same element ids, which is how a long-lived BPMN
 * should evolve. The plan maps equal activities and does not update event triggers.
 */
class ConventionMigrationTest extends ConventionLifeTest {

    @Autowired
    RepositoryService repositoryService;

    @Test
    void aRunningConventionMovesToVersion2AndItsTimersKeepTheirDueDates() throws Exception {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        String v1 = convention.getProcessDefinitionId();
        Job reminder = timer(convention.getId(), TIMER_DENUNCIATION_REMINDER);
        Job comite = timer(convention.getId(), TIMER_STEERING_COMMITTEE);
        String cnil = runtimeService.createProcessInstanceQuery().processDefinitionKey(CnilFormalitiesProcess.KEY)
                .processInstanceBusinessKey(numero).singleResult().getId();

        String deployment = repositoryService.createDeployment().name("convention-v2 (test)")
                .addModelInstance("bpmn/convention.bpmn", version2()).deploy().getId();
        try {
            String v2 = repositoryService.createProcessDefinitionQuery().deploymentId(deployment).singleResult().getId();
            MigrationPlan plan = runtimeService.createMigrationPlan(v1, v2).mapEqualActivities().build();
            runtimeService.newMigration(plan).processInstanceIds(convention.getId()).execute();

            ProcessInstance migrated = runtimeService.createProcessInstanceQuery().processInstanceId(convention.getId())
                    .singleResult();
            assertThat(migrated.getProcessDefinitionId()).isEqualTo(v2);
            assertThat(repositoryService.getProcessDefinition(v2).getVersionTag()).isEqualTo("2");
            assertSameTimer(timer(convention.getId(), TIMER_DENUNCIATION_REMINDER), reminder, day("2030-05-15"));
            assertSameTimer(timer(convention.getId(), TIMER_STEERING_COMMITTEE), comite, day("2027-03-15"));
            assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(convention.getId()).list())
                    .extracting(ProcessInstance::getId).containsExactly(cnil);
            assertThat(conventionVariable(convention, ConventionVariables.STATUT)).isEqualTo(STATUT_EN_VIGUEUR);
            assertThat(conventionVariable(convention, ConventionVariables.DATE_SIGNATURE)).isEqualTo(day("2026-09-15"));

            // version 2 runs on: comité, reminder, renewal, then a dénonciation ends it
            fire(timer(convention.getId(), TIMER_STEERING_COMMITTEE));
            assertThat(task(numero, "UserTask_ConveneSteeringCommittee")).isNotNull();
            fire(timer(convention.getId(), TIMER_DENUNCIATION_REMINDER));
            assertThat(localDay(fire(timer(convention.getId(), TIMER_RENEWAL)))).hasToString("2030-09-15");
            assertThat(conventionVariable(convention, ConventionVariables.DERNIER_JOUR_PERIODE)).isEqualTo(day("2031-09-14"));
            ProcessInstance denonciation = runtimeService.startProcessInstanceByKey(DenonciationProcess.KEY,
                    Map.of(ConventionVariables.CONVENTION_NUMERO, numero));
            signLetterIfWaiting(numero);
            taskService.complete(task(numero, DenonciationProcess.TASK_NOTIFY).getId(), Map.of(
                    DenonciationProcess.DECISION_DENONCIATION, DenonciationProcess.DECISION_NOTIFIER,
                    DenonciationProcess.DATE_NOTIFICATION, "2030-09-15"));
            fire(timer(denonciation.getId(), DenonciationProcess.TIMER_NOTICE_ENDS));
            assertThat(convention).isEnded().hasPassed(TASK_CLOSE);
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    private void assertSameTimer(Job after, Job before, Date expectedDue) {
        assertThat(after.getId()).isEqualTo(before.getId());
        assertThat(after.getDuedate()).isEqualTo(before.getDuedate()).isEqualTo(expectedDue);
        assertThat(after.getProcessDefinitionId()).isNotEqualTo(before.getProcessDefinitionId());
    }

    /** bpmn/convention.bpmn with a version tag and new labels: the same ids, so mapEqualActivities maps them. */
    private static BpmnModelInstance version2() throws Exception {
        try (InputStream in = ConventionMigrationTest.class.getResourceAsStream("/bpmn/convention.bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromStream(in);
            Process process = model.getModelElementById(KEY);
            process.setCamundaVersionTag("2");
            for (String id : List.of(SUBPROCESS_IN_FORCE, TASK_RENEW, TASK_REMIND_DENUNCIATION_DEADLINE)) {
                FlowElement element = model.getModelElementById(id);
                element.setName(element.getName() + " (v2)");
            }
            return model;
        }
    }
}
