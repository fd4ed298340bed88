package fr.conventionent.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.conventionent.support.EngineTest;

class EnvoiCourrielProcessTest extends EngineTest {

    @Autowired
    MailQueue mailQueue;

    @Test
    void queuedMailIsSentByTheAsyncStep() throws Exception {
        mailQueue.enqueue("CONV-TEST", new Mail(List.of("ien.versailles@demo.example"), "Objet accentué é",
                "Corps du message"));
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();

        executeDueJobs();

        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
        assertThat(GREEN_MAIL.getReceivedMessages()[0].getSubject()).isEqualTo("Objet accentué é");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(MailProcess.KEY).count()).isZero();
    }

    @Test
    void smtpOutageDelaysTheMailRetriesThenRaisesAnIncidentAndLosesNothing() throws Exception {
        mailQueue.enqueue("CONV-TEST", new Mail(List.of("daces@demo.example"), "Retardé", "Corps"));
        ProcessInstance mail = runtimeService.createProcessInstanceQuery().processDefinitionKey(MailProcess.KEY)
                .singleResult();
        GREEN_MAIL.stop();
        try {
            for (int attempt = 1; attempt <= 5; attempt++) {
                Job job = managementService.createJobQuery().processInstanceId(mail.getId()).singleResult();
                assertThatThrownBy(() -> managementService.executeJob(job.getId()));
                moveClockBy(Duration.ofMinutes(11));
            }
            Job exhausted = managementService.createJobQuery().processInstanceId(mail.getId()).singleResult();
            assertThat(exhausted.getRetries()).isZero();
            assertThat(runtimeService.createIncidentQuery().processInstanceId(mail.getId()).count()).isEqualTo(1);
        } finally {
            GREEN_MAIL.start();
        }

        // the administrator sets retries again in Cockpit once SMTP is back
        managementService.setJobRetries(managementService.createJobQuery().processInstanceId(mail.getId())
                .singleResult().getId(), 1);
        executeDueJobs();
        assertThat(mail).isEnded();
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void mailWithoutRecipientIsNotQueued() {
        mailQueue.enqueue("CONV-TEST", new Mail(List.of(), "Personne", "Corps"));

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(MailProcess.KEY).count()).isZero();
    }
}
