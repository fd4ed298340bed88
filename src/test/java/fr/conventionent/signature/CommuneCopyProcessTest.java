package fr.conventionent.signature;

import static fr.conventionent.signature.CommuneCopyProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.conventionent.demo.SampleConventions;
import fr.conventionent.document.ConventionDocument;
import fr.conventionent.kernel.ConventionDataMapper;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.registry.ConventionFile;
import fr.conventionent.registry.TimelineEvent;
import fr.conventionent.support.Circuits;
import fr.conventionent.support.EngineTest;
import fr.conventionent.support.SentMails;
import jakarta.mail.internet.MimeMessage;

/**
 * Annexe 2 §1: of the 2 copies the Recteur signed, one returns to the commune. Once the scan is filed, the DACES is
 * asked to post it, records the day and the registered-mail number, and the commune is told; a late posting is
 * reminded to the DACES.
 */
class CommuneCopyProcessTest extends EngineTest {

    private static final String NUMERO = "CONV-78646-2026-43";

    @Autowired
    ConventionDocument document;
    @Autowired
    ConventionFile conventionFile;

    /** A circuit taken to its end, signed by the Recteur today, and the copy to post. */
    private ProcessInstance signedCircuit(Integer avenantNumero) {
        Map<String, Object> variables = new HashMap<>(SampleConventions.completion("78646", "Versailles", 2));
        variables.put(ConventionVariables.CONVENTION_NUMERO, NUMERO);
        variables.put(ConventionVariables.COMMUNE_LIBELLE, "Versailles");
        variables.put(ConventionVariables.DEPARTEMENT, "78");
        variables.put(ConventionVariables.CIRCONSCRIPTION, "versailles");
        if (avenantNumero != null) {
            variables.put("avenantNumero", avenantNumero);
        }
        byte[] docx = document.generate(ConventionDataMapper.read(variables), NUMERO, 1);
        variables.put(ConventionVariables.CONVENTION_DOCX, Variables.fileValue("convention.docx").file(docx).create());
        ProcessInstance circuit = runtimeService.startProcessInstanceByKey(SignatureCircuitProcess.KEY, NUMERO,
                variables);
        for (Map<String, Object> submission : List.of(Circuits.signedCopies(), Circuits.approve(), Circuits.approve(),
                Circuits.approve(), Circuits.approve(), Circuits.recteurSignsToday(), Circuits.scanUploaded())) {
            taskService.complete(taskService.createTaskQuery().processInstanceId(circuit.getId()).singleResult().getId(),
                    submission);
        }
        executeDueJobs();
        return circuit;
    }

    private Task postingTask() {
        return taskService.createTaskQuery().processInstanceBusinessKey(NUMERO).taskDefinitionKey(TASK_SEND_COPY)
                .singleResult();
    }

    private static Map<String, Object> posted(Object date, String number) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(DATE_ENVOI, date);
        variables.put(NUMERO_RECOMMANDE, number);
        return variables;
    }

    @Test
    void theSignedCircuitAsksTheDacesToPostTheCommunesCopyWithoutWaitingForIt() throws Exception {
        LocalDate today = FrenchFormats.toLocalDate(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime());
        ProcessInstance circuit = signedCircuit(null);

        assertThat(circuit).isEnded().hasPassed(SignatureCircuitProcess.TASK_REQUEST_COMMUNE_COPY)
                .variables().containsEntry(SignatureCircuitProcess.RESULTAT, SignatureCircuitProcess.RESULTAT_SIGNEE);
        Task posting = postingTask();
        assertThat(posting).isNotNull();
        assertThat(posting.getName()).isEqualTo("Envoyer l'exemplaire de la commune");
        assertThat(candidateGroupOf(posting)).isEqualTo("daces");
        assertThat(FrenchFormats.toLocalDate(posting.getDueDate())).isEqualTo(today.plusDays(10));

        MimeMessage signed = mail("[Convention ENT] Votre convention " + NUMERO + " est signée");
        assertThat(SentMails.text(signed)).contains("va vous être envoyé par courrier")
                .doesNotContain("vous est retourné");
        assertThat(subjects()).contains("[Convention ENT] À faire\u00a0: Envoyer l'exemplaire de la commune – "
                + NUMERO + " (Versailles)");
    }

    @Test
    void aPostingDateBeforeTheSignatureInTheFutureOrUnreadableIsRefusedAndNothingIsStored() {
        LocalDate signature = FrenchFormats.toLocalDate(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime());
        signedCircuit(null);
        moveClockBy(Duration.ofDays(2));
        Task posting = postingTask();

        assertThatThrownBy(() -> taskService.complete(posting.getId(), posted(signature.minusDays(1).toString(), null)))
                .hasMessageContaining("La date d'envoi de l'exemplaire (" + FrenchFormats.longDate(signature.minusDays(1))
                        + ") ne peut pas précéder la signature du Recteur (" + FrenchFormats.longDate(signature) + ")");
        assertThatThrownBy(() -> taskService.complete(posting.getId(), posted(signature.plusDays(3).toString(), null)))
                .hasMessageContaining("ne peut pas être dans le futur");
        assertThatThrownBy(() -> taskService.complete(posting.getId(), posted("12/03/2027", null)))
                .hasMessageContaining("n'est pas une date valide");
        assertThatThrownBy(() -> taskService.complete(posting.getId(), posted(null, null)))
                .hasMessageContaining("Indiquez la date d'envoi de l'exemplaire");
        assertThatThrownBy(() -> taskService.complete(posting.getId(), posted(signature.toString(), "1A<script>")))
                .hasMessageContaining("ne peut contenir que des lettres, des chiffres, des espaces et des tirets");

        assertThat(postingTask()).isNotNull();
        assertThat(runtimeService.getVariable(posting.getProcessInstanceId(), DATE_ENVOI)).isNull();
        assertThat(runtimeService.getVariable(posting.getProcessInstanceId(), NUMERO_RECOMMANDE)).isNull();
    }

    @Test
    void theCommuneIsToldTheDayAndTheRegisteredNumberAndTheRegistryShowsThem() throws Exception {
        LocalDate signature = FrenchFormats.toLocalDate(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime());
        signedCircuit(null);
        moveClockBy(Duration.ofDays(1));
        GREEN_MAIL.reset();
        Task posting = postingTask();

        taskService.complete(posting.getId(), posted(signature.plusDays(1).toString(), " 1A 234 567 8901 2 "));
        executeDueJobs();

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(posting.getProcessInstanceId())
                .count()).isZero();
        MimeMessage told = mail("[Convention ENT] Votre exemplaire de la convention " + NUMERO + " vous a été envoyé");
        assertThat(recipients(told)).contains("mairie.versailles@demo.example");
        assertThat(SentMails.text(told)).contains("envoyé par courrier à la commune le "
                + FrenchFormats.longDate(signature.plusDays(1)) + ", en recommandé n° 1A 234 567 8901 2.");

        List<TimelineEvent> timeline = conventionFile.timeline(NUMERO, conventionFile.instances(NUMERO));
        // (the history also keeps the tasks other tests of this number left unfinished)
        assertThat(timeline).filteredOn(event -> "Envoyer l'exemplaire de la commune".equals(event.etape())
                && "terminée".equals(event.decision())).singleElement().extracting(TimelineEvent::motif).isEqualTo("Envoyé le "
                        + FrenchFormats.longDate(signature.plusDays(1)) + ", en recommandé n° 1A 234 567 8901 2");
    }

    @Test
    void anAvenantsCopyIsNamedAsTheAvenantAndTheNumberIsOptional() throws Exception {
        LocalDate signature = FrenchFormats.toLocalDate(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime());
        signedCircuit(2);
        Task posting = postingTask();
        assertThat(posting.getName()).isEqualTo("Envoyer l'exemplaire de la commune (avenant n° 2)");

        taskService.complete(posting.getId(), posted(signature.toString(), ""));
        executeDueJobs();

        MimeMessage told = mail("[Convention ENT] Votre exemplaire de l'avenant n° 2 à la convention " + NUMERO
                + " vous a été envoyé");
        assertThat(SentMails.text(told)).contains("le " + FrenchFormats.longDate(signature) + ".")
                .doesNotContain("recommandé");
    }

    @Test
    void aLatePostingIsRemindedToTheDaces() throws Exception {
        signedCircuit(null);
        long reminders = reminders();

        moveClockBy(Duration.ofDays(9));
        executeDueJobs();
        assertThat(reminders()).isEqualTo(reminders);

        moveClockBy(Duration.ofDays(1).plusMinutes(1));
        executeDueJobs();
        MimeMessage reminder = mail("[Convention ENT] Relance – tâche en retard\u00a0: Envoyer l'exemplaire de la commune – "
                + NUMERO + " (Versailles)");
        assertThat(recipients(reminder)).containsExactly("daces@demo.example");
        assertThat(postingTask()).isNotNull();
    }

    private long reminders() {
        return subjects().stream().filter(subject -> subject.startsWith("[Convention ENT] Relance")).count();
    }

    private MimeMessage mail(String subject) throws Exception {
        return Arrays.stream(GREEN_MAIL.getReceivedMessages()).filter(m -> subject(m).equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("Pas de courriel « " + subject + " » parmi " + subjects()));
    }

    private List<String> subjects() {
        return Arrays.stream(GREEN_MAIL.getReceivedMessages()).map(CommuneCopyProcessTest::subject).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(MimeMessage message) throws Exception {
        return Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
    }
}
