package fr.conventionent.denonciation;

import static fr.conventionent.denonciation.DenonciationProcess.*;
import static fr.conventionent.notice.RegisteredLetter.ISSUE_NON_RECLAMEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.conventionent.charter.UsersCharterProcess;
import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.support.ConventionLifeTest;
import fr.conventionent.support.PdfText;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** Article 11: either party denounces; the convention ends 3 months after the notification. */
class DenonciationProcessTest extends ConventionLifeTest {

    @Autowired
    HistoryService historyService;
    @Autowired
    RepositoryService repositoryService;

    private ProcessInstance denounce(String numero) {
        return denounce(numero, "La commune rejoint l'ENT départemental.");
    }

    private ProcessInstance denounce(String numero, String motif) {
        Map<String, Object> start = new HashMap<>();
        start.put(ConventionVariables.CONVENTION_NUMERO, numero);
        start.put(MOTIF_DENONCIATION, motif);
        return runtimeService.startProcessInstanceByKey(KEY, start);
    }

    private void notify(String numero, String date) {
        signLetterIfWaiting(numero);
        Task task = task(numero, TASK_NOTIFY);
        taskService.complete(task.getId(), Map.of(DECISION_DENONCIATION, DECISION_NOTIFIER, DATE_NOTIFICATION, date));
    }

    @Test
    void communeDenouncesDuringTheInitialTermAndTheConventionEndsThreeMonthsLater() throws Exception {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        moveClockTo("2027-06-08", 10);

        actAsVersailles();
        ProcessInstance denonciation = denounce(numero);
        actAsNobody();
        assertThat(denonciation).isWaitingAt(TASK_NOTIFY);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(denonciation.getId()).singleResult()
                .getBusinessKey()).isEqualTo(numero);
        Task notifyTask = task(numero, TASK_NOTIFY);
        assertThat(candidateGroupOf(notifyTask)).isEqualTo("commune-78646");
        assertThat(runtimeService.getVariable(denonciation.getId(), LETTRE)).isNotNull();

        notify(numero, "2027-06-08");
        assertThat(conventionVariable(convention, ConventionVariables.STATUT))
                .isEqualTo(ConventionProcess.STATUT_EN_PREAVIS);
        assertThat(conventionVariable(convention, ConventionVariables.DATE_FIN_EXCLUSIVE)).isEqualTo(day("2027-09-08"));
        assertThat(timer(denonciation.getId(), TIMER_NOTICE_ENDS).getDuedate()).isEqualTo(day("2027-09-08"));
        executeDueJobs();
        MimeMessage notified = mailsAbout("Convention " + numero + " dénoncée\u00a0: en vigueur jusqu'au 7 septembre 2027 inclus").get(0);
        assertThat(recipients(notified)).contains("mairie.versailles@demo.example",
                "referent.ent@versailles.example", "daces@demo.example");
        assertThat(body(notified)).contains("La commune de Versailles a dénoncé", "notifiée le 8 juin 2027");
        var sentLetter = ((MimeMultipart) notified.getContent()).getBodyPart(1);
        assertThat(sentLetter.getFileName()).as("the letter as sent, not the editable DOCX")
                .isEqualTo("Denonciation-" + numero + ".pdf");
        assertThat(PdfText.of(sentLetter.getInputStream().readAllBytes()).flat())
                .contains("Dénonciation de la convention", numero);

        fire(timer(denonciation.getId(), TIMER_NOTICE_ENDS));

        assertThat(denonciation).isEnded().hasPassed(TASK_END_CONVENTION, END_CONVENTION_ENDED);
        assertThat(convention).isEnded().hasPassed(ConventionProcess.BOUNDARY_CONVENTION_ENDS,
                ConventionProcess.TASK_CLOSE, ConventionProcess.END_CONVENTION_ENDED);
        assertThat(historicVariable(convention, ConventionVariables.STATUT)).isEqualTo(ConventionProcess.STATUT_TERMINEE);
        assertThat(historicVariable(convention, ConventionVariables.MOTIF_FIN))
                .isEqualTo(ConventionVariables.MOTIF_FIN_DENONCIATION);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(numero).list())
                .as("comité, formalités CNIL, charte : plus rien ne tourne").isEmpty();
        MimeMessage ended = mailsAbout("Convention " + numero + " terminée (jusqu'au 7 septembre 2027 inclus)").get(0);
        assertThat(recipients(ended)).contains("mairie.versailles@demo.example", "referent.ent@versailles.example",
                "daces@demo.example", "dsi@demo.example", "dpo@demo.example", "anne.leroy@exploitant.example");
        assertThat(body(ended)).contains("dénoncée le 8 juin 2027, est restée en vigueur jusqu'au 7 septembre 2027 inclus",
                "livraisons de l'annuaire fédérateur (AAF)");
        Path archive = Path.of("target/test-data/archives", numero);
        assertThat(archive.resolve("Cloture-" + numero + ".docx")).exists();
        assertThat(archive.resolve("Denonciation-" + numero + ".docx")).exists();
        assertThat(archive.resolve("Convention-ENT-" + numero + ".docx")).exists();
        assertThat(Files.readAllBytes(archive.resolve("Cloture-" + numero + ".docx"))).startsWith('P', 'K');
    }

    @Test
    void dacesDenouncesAfterARenewal() {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        fire(timer(convention.getId(), ConventionProcess.TIMER_DENUNCIATION_REMINDER));
        fire(timer(convention.getId(), ConventionProcess.TIMER_RENEWAL)); // renewed on 15 September 2030
        moveClockTo("2031-03-02", 11);

        actAsDaces();
        ProcessInstance denonciation = denounce(numero, "");
        actAsNobody();
        signLetterIfWaiting(numero);
        assertThat(candidateGroupOf(task(numero, TASK_NOTIFY))).isEqualTo("daces");
        notify(numero, "2031-03-02");
        executeDueJobs();
        assertThat(body(mailsAbout("Convention " + numero + " dénoncée\u00a0: en vigueur jusqu'au 1er juin 2031 inclus").get(0)))
                .contains("L'académie a dénoncé");

        fire(timer(denonciation.getId(), TIMER_NOTICE_ENDS));

        assertThat(convention).isEnded();
        assertThat(historicVariable(convention, ConventionVariables.DATE_FIN_EXCLUSIVE)).isEqualTo(day("2031-06-02"));
        assertThat(JsonVariables.readList(historicVariable(convention, ConventionVariables.RECONDUCTIONS), Object.class))
                .hasSize(1);
    }

    @Test
    void aDenonciationNotifiedAfterTheLastDayEndsTheConventionWithoutRenewingIt() {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        fire(timer(convention.getId(), ConventionProcess.TIMER_DENUNCIATION_REMINDER)); // last day: 15 June 2030
        moveClockTo("2030-08-01", 10);
        ProcessInstance denonciation = denounce(numero);
        notify(numero, "2030-08-01");

        fire(timer(convention.getId(), ConventionProcess.TIMER_RENEWAL)); // 15 September 2030, during the notice

        assertThat(mailsAbout("reconduite jusqu'au")).isEmpty();
        assertThat(conventionVariable(convention, ConventionVariables.STATUT))
                .isEqualTo(ConventionProcess.STATUT_EN_PREAVIS);
        assertThat(fire(timer(denonciation.getId(), TIMER_NOTICE_ENDS))).isEqualTo(day("2030-11-01"));
        assertThat(convention).isEnded();
    }

    @Test
    void aCommuneCannotDenounceAnotherCommunesConvention() {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);

        actAs("mairie.nanterre", "commune-92050");
        assertThatThrownBy(() -> denounce(numero))
                .hasMessageContaining("La convention " + numero + " n'est pas celle de votre commune");
        actAsNobody();

        assertNothingChanged(convention);
    }

    @Test
    void unknownOrUnsignedConventionsCannotBeDenounced() {
        actAsDaces();
        assertThatThrownBy(() -> denounce("CONV-78646-2026-99"))
                .hasMessageContaining("Aucune convention en cours ne porte le numéro « CONV-78646-2026-99 »");
        actAsNobody();
        ProcessInstance draft = startConvention("92050");
        String numero = (String) runtimeService.getVariable(draft.getId(), ConventionVariables.CONVENTION_NUMERO);
        actAsDaces();
        assertThatThrownBy(() -> denounce(numero))
                .hasMessageContaining("n'est pas encore en vigueur (elle n'a pas été signée) : on ne peut pas la dénoncer");
        actAsNobody();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
    }

    @Test
    void aSecondDenonciationIsRefused() {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        denounce(numero);

        actAsDaces();
        assertThatThrownBy(() -> denounce(numero))
                .hasMessageContaining("Une procédure de dénonciation est déjà en cours pour la convention " + numero);
        actAsNobody();
        notify(numero, "2026-09-15");
        actAsVersailles();
        assertThatThrownBy(() -> denounce(numero)).hasMessageContaining("a déjà été dénoncée : elle est en préavis");
        actAsNobody();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(1);
    }

    @Test
    void notificationDateIsCheckedOnTheServer() {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        moveClockTo("2027-01-10", 10);
        denounce(numero);
        signLetterIfWaiting(numero);
        Task task = task(numero, TASK_NOTIFY);

        assertThatThrownBy(() -> notify(numero, "2027-01-11"))
                .hasMessageContaining("La date de notification de la dénonciation (11 janvier 2027) ne peut pas être dans le futur");
        assertThatThrownBy(() -> notify(numero, "2027-01-09"))
                .hasMessageContaining("ne peut pas précéder l'ouverture de la dénonciation dans l'application (10 janvier 2027)");
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of(DECISION_DENONCIATION, DECISION_NOTIFIER)))
                .hasMessageContaining("Indiquez la date de notification de la dénonciation");

        assertThat(task(numero, TASK_NOTIFY).getId()).isEqualTo(task.getId());
        assertThat(conventionVariable(convention, ConventionVariables.STATUT))
                .isEqualTo(ConventionProcess.STATUT_EN_VIGUEUR);
    }

    @Test
    void anAbandonedDenonciationLeavesTheConventionInForce() {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        ProcessInstance first = denounce(numero);
        signLetterIfWaiting(numero);

        taskService.complete(task(numero, TASK_NOTIFY).getId(), Map.of(DECISION_DENONCIATION, DECISION_ABANDONNER));

        assertThat(first).isEnded().hasPassed(END_ABANDONED);
        assertNothingChanged(convention);
        assertThat(denounce(numero)).as("lettre de l'académie").isWaitingAt(TASK_SIGN_LETTER);
    }

    @Test
    void theEndOfTheConventionStopsItsAafDeliveries() {
        BpmnModelInstance stub = Bpmn.createExecutableProcess(ConventionProcess.AAF_DELIVERY_KEY)
                .camundaHistoryTimeToLive(1).startEvent()
                .intermediateCatchEvent("MessageEvent_ConventionTerminee").message(ConventionProcess.MESSAGE_TERMINATED)
                .endEvent("EndEvent_DeliveriesStopped").done();
        String deployment = repositoryService.createDeployment().addModelInstance("livraison-aaf-bouchon.bpmn", stub)
                .deploy().getId();
        try {
            ProcessInstance convention = signedConvention("2026-09-15");
            String numero = numero(convention);
            ProcessInstance deliveries = runtimeService.startProcessInstanceByKey(ConventionProcess.AAF_DELIVERY_KEY,
                    numero);
            ProcessInstance otherDeliveries = runtimeService.startProcessInstanceByKey(
                    ConventionProcess.AAF_DELIVERY_KEY, "CONV-92050-2026-01");
            ProcessInstance denonciation = denounce(numero);
            notify(numero, "2026-09-15");

            fire(timer(denonciation.getId(), TIMER_NOTICE_ENDS));

            assertThat(deliveries).isEnded().hasPassed("EndEvent_DeliveriesStopped");
            assertThat(otherDeliveries).isWaitingAt("MessageEvent_ConventionTerminee");
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    private void assertNothingChanged(ProcessInstance convention) {
        assertThat(conventionVariable(convention, ConventionVariables.STATUT))
                .isEqualTo(ConventionProcess.STATUT_EN_VIGUEUR);
        assertThat(conventionVariable(convention, ConventionVariables.PROCEDURE_FIN)).isEqualTo("");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(UsersCharterProcess.KEY)
                .processInstanceBusinessKey(numero(convention)).count()).isEqualTo(1);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).active().list()).isEmpty();
    }

    private Object historicVariable(ProcessInstance instance, String name) {
        HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(name).singleResult();
        return variable == null ? null : variable.getValue();
    }

    @Test
    void anUnclaimedDenonciationIsNotifiedOnItsFirstPresentationAndMailedToTheCommune() throws Exception {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        moveClockTo("2027-05-28", 10);
        actAsDaces();
        ProcessInstance denonciation = denounce(numero, "");
        actAsNobody();
        signLetterIfWaiting(numero);
        moveClockTo("2027-06-20", 10);
        Task task = task(numero, TASK_NOTIFY);

        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of(DECISION_DENONCIATION, DECISION_NOTIFIER,
                ISSUE_LRAR, ISSUE_NON_RECLAMEE, DATE_NOTIFICATION, "2027-05-31")))
                .hasMessageContaining("Indiquez la date d'envoi de la lettre recommandée");
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of(DECISION_DENONCIATION, DECISION_NOTIFIER,
                ISSUE_LRAR, ISSUE_NON_RECLAMEE, DATE_ENVOI_LRAR, "2027-05-29", DATE_NOTIFICATION, "2027-05-28")))
                .hasMessageContaining("La date de première présentation du pli (28 mai 2027) ne peut pas précéder"
                        + " l'envoi de la lettre recommandée (29 mai 2027)");
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of(DECISION_DENONCIATION, DECISION_NOTIFIER,
                ISSUE_LRAR, ISSUE_NON_RECLAMEE, DATE_ENVOI_LRAR, "2027-05-29", DATE_NOTIFICATION, "2027-06-21")))
                .hasMessageContaining("ne peut pas être dans le futur");
        assertThat(conventionVariable(convention, ConventionVariables.STATUT)).isEqualTo(ConventionProcess.STATUT_EN_VIGUEUR);

        taskService.complete(task.getId(), Map.of(DECISION_DENONCIATION, DECISION_NOTIFIER,
                ISSUE_LRAR, ISSUE_NON_RECLAMEE, DATE_ENVOI_LRAR, "2027-05-29", DATE_NOTIFICATION, "2027-05-31"));

        assertThat(conventionVariable(convention, ConventionVariables.DATE_FIN_EXCLUSIVE)).isEqualTo(day("2027-08-31"));
        assertThat(timer(denonciation.getId(), TIMER_NOTICE_ENDS).getDuedate()).isEqualTo(day("2027-08-31"));
        executeDueJobs();
        MimeMessage unclaimed = mailsAbout("Pli recommandé non réclamé – convention " + numero).get(0);
        assertThat(recipients(unclaimed)).contains("mairie.versailles@demo.example", "referent.ent@versailles.example")
                .doesNotContain("daces@demo.example");
        assertThat(body(unclaimed)).contains("L'académie a adressé", "une lettre de dénonciation",
                "Présenté pour la première fois le 31 mai 2027", "la convention prend fin le 31 août 2027");
        var letter = ((MimeMultipart) unclaimed.getContent()).getBodyPart(1);
        assertThat(letter.getFileName()).isEqualTo("Denonciation-" + numero + ".pdf");
        assertThat(PdfText.of(letter.getInputStream().readAllBytes()).flat()).contains("Le Recteur");
    }
}
