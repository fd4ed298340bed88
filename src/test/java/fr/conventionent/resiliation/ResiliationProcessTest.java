package fr.conventionent.resiliation;

import static fr.conventionent.resiliation.ResiliationProcess.*;
import static fr.conventionent.notice.RegisteredLetter.ISSUE_NON_RECLAMEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.denonciation.DenonciationProcess;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.support.ConventionLifeTest;
import jakarta.mail.internet.MimeMessage;

/**
 * Article 12: mise en demeure by registered letter; remedied, the convention goes on; three months
 * without effect, it is résiliée de plein droit and the ENT stays accessible to the end of the
 * school year (2026-2027 ends on 3 July 2027 in application.yaml).
 */
class ResiliationProcessTest extends ConventionLifeTest {

    @Autowired
    HistoryService historyService;

    private ProcessInstance openResiliation(String numero) {
        return runtimeService.startProcessInstanceByKey(KEY, Map.of(ConventionVariables.CONVENTION_NUMERO, numero));
    }

    private static Map<String, Object> breach(String nature, String commitment, boolean notForceMajeure) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(NATURE_MANQUEMENT, nature);
        variables.put(ENGAGEMENT, commitment);
        variables.put(DESCRIPTION, "Aucune livraison des données de l'annuaire depuis le 1er décembre 2026.");
        variables.put(PAS_FORCE_MAJEURE, notForceMajeure);
        return variables;
    }

    private void sendFormalNotice(String numero, String date) {
        signLetterIfWaiting(numero);
        taskService.complete(task(numero, TASK_SEND_FORMAL_NOTICE).getId(),
                Map.of(DECISION_ENVOI, DECISION_ENVOYEE, DATE_ENVOI_LRAR, date, NUMERO_LRAR, "1A 234 567 8901 2"));
    }

    @Test
    void aRemediedBreachClosesTheProcedureAndTheConventionGoesOn() throws Exception {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        moveClockTo("2027-02-01", 9);
        actAsVersailles();
        ProcessInstance resiliation = openResiliation(numero);
        actAsNobody();
        assertThat(candidateGroupOf(task(numero, TASK_STATE_BREACH))).isEqualTo("commune-78646");

        taskService.complete(task(numero, TASK_STATE_BREACH).getId(),
                breach(NATURE_NON_RESPECT, Commitment.ACADEMIE_DONNEES.code(), true));
        assertThat(runtimeService.getVariable(resiliation.getId(), LETTRE)).isNotNull();
        sendFormalNotice(numero, "2027-02-01");
        executeDueJobs();
        MimeMessage notice = mailsAbout("Mise en demeure – convention " + numero).get(0);
        assertThat(recipients(notice)).contains("mairie.versailles@demo.example", "daces@demo.example");
        var sentLetter = ((jakarta.mail.internet.MimeMultipart) notice.getContent()).getBodyPart(1);
        assertThat(sentLetter.getFileName()).isEqualTo("Mise-en-demeure-" + numero + ".pdf");
        assertThat(fr.conventionent.support.PdfText.of(sentLetter.getInputStream().readAllBytes()).flat())
                .contains("Mise en demeure", numero);
        assertThat(body(notice)).contains("La commune de Versailles a adressé le 1er février 2027",
                "mise à disposition des données de l'annuaire fédérateur", "résiliée de plein droit le 1er mai 2027");
        assertThat(task(numero, TASK_CONFIRM_REMEDY).getDueDate()).isEqualTo(day("2027-05-01"));
        assertThat(conventionVariable(convention, ConventionVariables.DATE_ENVOI_MISE_EN_DEMEURE))
                .isEqualTo(day("2027-02-01"));

        moveClockTo("2027-02-06", 9);
        taskService.complete(task(numero, TASK_RECORD_ACKNOWLEDGEMENT).getId(),
                Map.of(DATE_ACCUSE_RECEPTION, "2027-02-04"));
        moveClockTo("2027-03-10", 9);
        taskService.complete(task(numero, TASK_CONFIRM_REMEDY).getId(), Map.of(MANQUEMENT_REPARE, true,
                DATE_REGULARISATION, "2027-03-08", COMMENTAIRE_REGULARISATION, "Livraisons rétablies."));
        executeDueJobs();

        assertThat(resiliation).isEnded().hasPassed(END_ACKNOWLEDGEMENT, TASK_CLOSE_REMEDIED, END_REMEDIED);
        assertThat(conventionVariable(convention, ConventionVariables.STATUT))
                .isEqualTo(ConventionProcess.STATUT_EN_VIGUEUR);
        assertThat(conventionVariable(convention, ConventionVariables.PROCEDURE_FIN)).isEqualTo("");
        assertThat(conventionVariable(convention, ConventionVariables.DATE_ENVOI_MISE_EN_DEMEURE)).isNull();
        assertThat(convention).isWaitingAt(ConventionProcess.TIMER_DENUNCIATION_REMINDER);
        assertThat(body(mailsAbout("Mise en demeure levée – la convention " + numero + " se poursuit").get(0)))
                .contains("réparé le 8 mars 2027", "Livraisons rétablies.");
        assertThat(openResiliation(numero)).isWaitingAt(TASK_STATE_BREACH);
    }

    @Test
    void withoutRemedyTheConventionIsResiliatedAndTheEntStaysAccessibleToTheEndOfTheSchoolYear() {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        moveClockTo("2027-01-20", 9);
        actAsDaces();
        ProcessInstance resiliation = openResiliation(numero);
        actAsNobody();
        taskService.complete(task(numero, TASK_STATE_BREACH).getId(),
                breach(NATURE_FAUTE_GRAVE, Commitment.COMMUNE_SECURITE.code(), true));
        sendFormalNotice(numero, "2027-01-20");

        assertThat(fire(timer(resiliation.getId(), TIMER_FORMAL_NOTICE_EXPIRED))).isEqualTo(day("2027-04-20"));

        assertThat(conventionVariable(convention, ConventionVariables.STATUT))
                .isEqualTo(ConventionProcess.STATUT_RESILIEE);
        assertThat(conventionVariable(convention, ConventionVariables.DATE_RESILIATION)).isEqualTo(day("2027-04-20"));
        assertThat(conventionVariable(convention, ConventionVariables.DATE_FIN_ACCES_EXCLUSIVE)).isEqualTo(day("2027-07-04"));
        assertThat(convention).isWaitingAt(ConventionProcess.EVENT_ACCESS_ENDS);
        assertThat(timer(convention.getId(), ConventionProcess.TIMER_STEERING_COMMITTEE)).as("plus de comité").isNull();
        MimeMessage resiliated = mailsAbout("Convention " + numero + " résiliée de plein droit le 20 avril 2027").get(0);
        assertThat(recipients(resiliated)).contains("mairie.versailles@demo.example", "daces@demo.example",
                "dsi@demo.example");
        assertThat(body(resiliated)).contains("une faute grave relative à l'engagement suivant\u00a0: politique de sécurité",
                "jusqu'à la fin de l'année scolaire 2026-2027, soit jusqu'au 3 juillet 2027 inclus");
        assertThat(timer(resiliation.getId(), TIMER_ACCESS_ENDS).getDuedate()).isEqualTo(day("2027-07-04"));

        fire(timer(resiliation.getId(), TIMER_ACCESS_ENDS));

        assertThat(resiliation).isEnded().hasPassed(END_RESILIATED);
        assertThat(convention).isEnded().hasPassed(ConventionProcess.EVENT_ACCESS_ENDS, ConventionProcess.TASK_CLOSE);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(convention.getId())
                .variableName(ConventionVariables.STATUT).singleResult().getValue())
                .isEqualTo(ConventionProcess.STATUT_TERMINEE);
        assertThat(body(mailsAbout("Convention " + numero + " terminée (jusqu'au 3 juillet 2027 inclus)").get(0)))
                .contains("résiliée de plein droit le 20 avril 2027 (article 12)");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(numero).count()).isZero();
    }

    @Test
    void aResiliationThatFallsInTheSummerHolidaysEndsAccessAtOnce() {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        moveClockTo("2027-04-10", 9);
        ProcessInstance resiliation = openResiliation(numero);
        taskService.complete(task(numero, TASK_STATE_BREACH).getId(),
                breach(NATURE_NON_RESPECT, Commitment.COMMUNE_COMITE.code(), true));
        sendFormalNotice(numero, "2027-04-10");

        assertThat(fire(timer(resiliation.getId(), TIMER_FORMAL_NOTICE_EXPIRED))).isEqualTo(day("2027-07-10"));

        assertThat(resiliation).isEnded();
        assertThat(convention).isEnded();
        assertThat(body(mailsAbout("Convention " + numero + " résiliée de plein droit le 10 juillet 2027").get(0)))
                .contains("L'année scolaire étant achevée, l'accès à l'ENT cesse dès cette date.");
    }

    @Test
    void theBreachIsCheckedOnTheServerAndARefusalChangesNothing() {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        actAsVersailles();
        openResiliation(numero);
        actAsNobody();
        Task task = task(numero, TASK_STATE_BREACH);

        assertThatThrownBy(() -> taskService.complete(task.getId(),
                breach(NATURE_NON_RESPECT, Commitment.ACADEMIE_DONNEES.code(), false)))
                .hasMessageContaining("ne résulte pas d'un cas de force majeure (article 12)");
        assertThatThrownBy(() -> taskService.complete(task.getId(),
                breach(NATURE_NON_RESPECT, Commitment.COMMUNE_COMITE.code(), true)))
                .hasMessageContaining("est un engagement de la commune : la résiliation sanctionne un manquement de"
                        + " l'autre partie");
        assertThatThrownBy(() -> taskService.complete(task.getId(), breach(NATURE_NON_RESPECT, "", true)))
                .hasMessageContaining("Indiquez l'engagement contractuel qui n'a pas été respecté");

        assertThat(task(numero, TASK_STATE_BREACH).getId()).isEqualTo(task.getId());
        assertThat(taskService.getVariable(task.getId(), LETTRE)).isNull();
    }

    @Test
    void sendingAndReceiptDatesMustBeInOrder() {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        moveClockTo("2027-01-20", 9);
        openResiliation(numero);
        taskService.complete(task(numero, TASK_STATE_BREACH).getId(),
                breach(NATURE_FAUTE_GRAVE, null, true));
        assertThatThrownBy(() -> sendFormalNotice(numero, "2027-01-21"))
                .hasMessageContaining("La date d'envoi de la lettre recommandée (21 janvier 2027) ne peut pas être dans le futur");
        sendFormalNotice(numero, "2027-01-20");

        Task acknowledgement = task(numero, TASK_RECORD_ACKNOWLEDGEMENT);
        assertThatThrownBy(() -> taskService.complete(acknowledgement.getId(),
                Map.of(DATE_ACCUSE_RECEPTION, "2027-01-19")))
                .hasMessageContaining("ne peut pas précéder l'envoi de la lettre recommandée (20 janvier 2027)");
        Task remedy = task(numero, TASK_CONFIRM_REMEDY);
        assertThatThrownBy(() -> taskService.complete(remedy.getId(), Map.of(DATE_REGULARISATION, "2027-01-20")))
                .hasMessageContaining("Cochez la case qui confirme que le manquement a été réparé");
        assertThat(task(numero, TASK_CONFIRM_REMEDY)).isNotNull();
    }

    @Test
    void noSecondProcedureWhileOneRuns() {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        openResiliation(numero);

        assertThatThrownBy(() -> openResiliation(numero))
                .hasMessageContaining("Une procédure de résiliation est déjà en cours pour la convention " + numero);
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(DenonciationProcess.KEY,
                Map.of(ConventionVariables.CONVENTION_NUMERO, numero)))
                .hasMessageContaining("Une procédure de résiliation est déjà en cours");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(1);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(DenonciationProcess.KEY).count())
                .isZero();
    }

    @Test
    void anUnclaimedMiseEnDemeureCountsFromItsFirstPresentationAndIsMailedToTheCommune() throws Exception {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        moveClockTo("2027-01-20", 9);
        actAsDaces();
        ProcessInstance resiliation = openResiliation(numero);
        actAsNobody();
        taskService.complete(task(numero, TASK_STATE_BREACH).getId(),
                breach(NATURE_FAUTE_GRAVE, Commitment.COMMUNE_SECURITE.code(), true));
        sendFormalNotice(numero, "2027-01-20");
        assertThat(timer(resiliation.getId(), TIMER_FORMAL_NOTICE_EXPIRED).getDuedate()).isEqualTo(day("2027-04-20"));

        moveClockTo("2027-02-10", 9);
        Task acknowledgement = task(numero, TASK_RECORD_ACKNOWLEDGEMENT);
        assertThatThrownBy(() -> taskService.complete(acknowledgement.getId(),
                Map.of(ISSUE_LRAR, ISSUE_NON_RECLAMEE, DATE_PREMIERE_PRESENTATION, "2027-02-11")))
                .hasMessageContaining("La date de première présentation du pli (11 février 2027) ne peut pas être dans le futur");
        assertThatThrownBy(() -> taskService.complete(acknowledgement.getId(),
                Map.of(ISSUE_LRAR, ISSUE_NON_RECLAMEE, DATE_PREMIERE_PRESENTATION, "2027-01-19")))
                .hasMessageContaining("ne peut pas précéder l'envoi de la lettre recommandée (20 janvier 2027)");
        assertThatThrownBy(() -> taskService.complete(acknowledgement.getId(),
                Map.of(ISSUE_LRAR, ISSUE_NON_RECLAMEE)))
                .hasMessageContaining("Indiquez la date de première présentation du pli");
        assertThat(timer(resiliation.getId(), TIMER_FORMAL_NOTICE_EXPIRED).getDuedate()).as("rien n'a changé")
                .isEqualTo(day("2027-04-20"));

        taskService.complete(acknowledgement.getId(),
                Map.of(ISSUE_LRAR, ISSUE_NON_RECLAMEE, DATE_PREMIERE_PRESENTATION, "2027-01-25"));

        assertThat(timer(resiliation.getId(), TIMER_FORMAL_NOTICE_EXPIRED).getDuedate()).isEqualTo(day("2027-04-25"));
        assertThat(task(numero, TASK_CONFIRM_REMEDY).getDueDate()).isEqualTo(day("2027-04-25"));
        executeDueJobs();
        MimeMessage unclaimed = mailsAbout("Pli recommandé non réclamé – convention " + numero).get(0);
        assertThat(recipients(unclaimed)).contains("mairie.versailles@demo.example", "referent.ent@versailles.example")
                .doesNotContain("daces@demo.example");
        assertThat(body(unclaimed)).contains("Présenté pour la première fois le 25 janvier 2027",
                "résiliée de plein droit le 25 avril 2027");
        var letter = ((jakarta.mail.internet.MimeMultipart) unclaimed.getContent()).getBodyPart(1);
        assertThat(letter.getFileName()).isEqualTo("Mise-en-demeure-" + numero + ".pdf");

        moveClockTo("2027-04-21", 9);
        executeDueJobs();
        assertThat(conventionVariable(convention, ConventionVariables.STATUT)).as("pas encore : le délai court depuis"
                + " la première présentation").isEqualTo(ConventionProcess.STATUT_EN_VIGUEUR);
        assertThat(fire(timer(resiliation.getId(), TIMER_FORMAL_NOTICE_EXPIRED))).isEqualTo(day("2027-04-25"));
        assertThat(conventionVariable(convention, ConventionVariables.DATE_RESILIATION)).isEqualTo(day("2027-04-25"));
    }
}
