package fr.conventionent.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.signature.CommuneCopyProcess;
import fr.conventionent.signature.SignatureCircuitProcess;
import fr.conventionent.support.EngineTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The task behaviour of {@link TaskBehaviours} reaches the deployed processes as the BPMN's own listeners did: reminder
 * jobs with their job definitions; and a deployment from before the table, which still wires its own listeners, is
 * neither mailed nor reminded twice.
 */
class TaskBehaviourDeploymentTest extends EngineTest {

    private static final String NUMERO = "CONV-78646-2026-77";
    private static final String TO_DO = "[Convention ENT] À faire\u00a0: Envoyer l'exemplaire de la commune – " + NUMERO;
    private static final String REMINDER = "[Convention ENT] Relance – tâche en retard\u00a0: Envoyer l'exemplaire de la commune – " + NUMERO;

    @Autowired
    RepositoryService repositoryService;

    @Test
    void everyReminderOfTheTableIsATimerWithItsJobDefinition() {
        for (TaskBehaviour behaviour : TaskBehaviours.ALL) {
            ProcessDefinition latest = repositoryService.createProcessDefinitionQuery()
                    .processDefinitionKey(behaviour.processKey()).latestVersion().singleResult();
            List<JobDefinition> reminders = managementService.createJobDefinitionQuery()
                    .processDefinitionId(latest.getId()).activityIdIn(behaviour.taskId())
                    .jobType(TimerTaskListenerJobHandler.TYPE).list();
            if (behaviour.reminderCycle() == null) {
                assertThat(reminders).as(behaviour.taskId()).isEmpty();
            } else {
                assertThat(reminders).as(behaviour.taskId()).singleElement()
                        .extracting(JobDefinition::getJobConfiguration).isEqualTo("CYCLE: " + behaviour.reminderCycle());
            }
        }
    }

    @Test
    void aTaskIsMailedDueAndRemindedOnceAsDeclared() throws Exception {
        Date now = new Date();
        moveClockTo(now);
        Task task = postingTask(startPosting());

        assertThat(task.getDueDate()).isEqualTo(Date.from(now.toInstant().plus(Duration.ofDays(10))));
        assertThat(reminderJobs(task)).singleElement().extracting(Job::getJobDefinitionId).isNotNull();
        assertThat(count(TO_DO)).isEqualTo(1);

        moveClockBy(Duration.ofDays(10).plusMinutes(1));
        executeDueJobs();
        assertThat(count(REMINDER)).isEqualTo(1);
    }

    @Test
    void aDeploymentFromBeforeTheTableIsNeitherMailedNorRemindedTwice() throws Exception {
        String deployment;
        try (InputStream legacy = getClass().getResourceAsStream("/ancien-deploiement/envoi-exemplaire-commune.xml")) {
            deployment = repositoryService.createDeployment().name("avant le tableau (test)")
                    .addInputStream("bpmn/envoi-exemplaire-commune.bpmn", legacy).deploy().getId();
        }
        try {
            ProcessInstance posting = startPosting();
            assertThat(repositoryService.getProcessDefinition(posting.getProcessDefinitionId()).getDeploymentId())
                    .isEqualTo(deployment);
            Task task = postingTask(posting);

            assertThat(task.getDueDate()).isNotNull();
            assertThat(reminderJobs(task)).hasSize(1);
            assertThat(count(TO_DO)).isEqualTo(1);

            moveClockBy(Duration.ofDays(10).plusMinutes(1));
            executeDueJobs();
            assertThat(count(REMINDER)).isEqualTo(1);
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    private ProcessInstance startPosting() {
        ProcessInstance posting = runtimeService.startProcessInstanceByKey(CommuneCopyProcess.KEY, NUMERO, Map.of(
                ConventionVariables.CONVENTION_NUMERO, NUMERO,
                ConventionVariables.COMMUNE_LIBELLE, "Versailles",
                SignatureCircuitProcess.TITRE_CIRCUIT, "Convention " + NUMERO,
                CommuneCopyProcess.PRECISION_AVENANT, ""));
        executeDueJobs();
        return posting;
    }

    private Task postingTask(ProcessInstance posting) {
        return taskService.createTaskQuery().processInstanceId(posting.getId()).singleResult();
    }

    private List<Job> reminderJobs(Task task) {
        return managementService.createJobQuery().processInstanceId(task.getProcessInstanceId()).timers().list();
    }

    private long count(String subjectStart) {
        return Arrays.stream(GREEN_MAIL.getReceivedMessages()).filter(m -> subject(m).startsWith(subjectStart)).count();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
