package fr.conventionent.incident;

import static fr.conventionent.incident.IncidentProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.conventionent.convention.ConventionRecords;
import fr.conventionent.demo.SampleConventions;
import fr.conventionent.kernel.Contact;
import fr.conventionent.kernel.ConventionData;
import fr.conventionent.kernel.ConventionDataMapper;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.kernel.Uai;
import fr.conventionent.support.EngineTest;
import fr.conventionent.support.SentMails;
import jakarta.mail.internet.MimeMessage;

class IncidentSecuriteProcessTest extends EngineTest {

    private static final Date NOW = paris("2026-03-02T11:00");
    private static final Date DETECTION = paris("2026-03-02T09:15");
    private static final String ALERT_MAILBOX = "alerte-ssi@ac-versailles.fr";
    private static final String UAI = Uai.withCheckLetter("0781234");

    @Autowired
    IdentityService identityService;
    @Autowired
    HistoryService historyService;
    @Autowired
    RepositoryService repositoryService;

    @BeforeEach
    void itIsMondayMorning() {
        moveClockTo(NOW);
    }

    private static Date paris(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime).atZone(FrenchFormats.PARIS).toInstant());
    }

    /** What the start form sends. */
    private static Map<String, Object> report(boolean personalData) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(TYPE_INCIDENT, "fuite-donnees");
        variables.put(DATE_DETECTION, "2026-03-02T09:15");
        variables.put(COMMUNE_INSEE, "78646");
        variables.put(ECOLES_UAI, UAI);
        variables.put(DONNEES_PERSONNELLES, personalData);
        variables.put(DESCRIPTION, "La liste des élèves de CM2 est visible par tous les parents de l'ENT.");
        variables.put(PIECES_JOINTES[0], Variables.fileValue("capture.png").file(new byte[] {1, 2, 3})
                .mimeType("image/png").create());
        variables.put(PIECES_JOINTES[1], Variables.fileValue("").file(new byte[0]).create());
        return variables;
    }

    private ProcessInstance reportIncident(boolean personalData) {
        return runtimeService.startProcessInstanceByKey(KEY, report(personalData));
    }

    private Task task(ProcessInstance incident, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(incident.getId()).taskDefinitionKey(taskKey)
                .singleResult();
    }

    private void complete(ProcessInstance incident, String taskKey, Map<String, Object> variables) {
        taskService.complete(task(incident, taskKey).getId(), variables);
    }

    private static Map<String, Object> qualification(String violation) {
        return Map.of(GRAVITE, "elevee", PERIMETRE, "ecoles", VIOLATION_DONNEES, violation,
                ANALYSE, "Droits mal paramétrés sur le groupe des parents.");
    }

    /** Reported and qualified: the alert went out, the académie decides, the DPO notifies if it is a breach. */
    private ProcessInstance qualifiedIncident(String violation) {
        ProcessInstance incident = reportIncident(true);
        executeDueJobs();
        complete(incident, TASK_QUALIFY, qualification(violation));
        executeDueJobs();
        return incident;
    }

    private static List<MimeMessage> mailsAbout(String subjectPart) {
        return Arrays.stream(GREEN_MAIL.getReceivedMessages()).filter(m -> subject(m).contains(subjectPart)).toList();
    }

    /** GreenMail keeps one copy per recipient: the distinct subjects are the mails sent. */
    private static List<String> escalationSubjects() {
        return mailsAbout("notification CNIL").stream().map(IncidentSecuriteProcessTest::subject).distinct().toList();
    }

    @Test
    void happyPathAlertsQualifiesDecidesInformsTheCommuneAndCloses() throws Exception {
        ProcessInstance incident = reportIncident(false);

        String numero = incident.getBusinessKey();
        assertThat(numero).matches("INC-78646-20260302-\\d{2}");
        assertThat(incident).isWaitingAt(TASK_ALERT).variables()
                .containsEntry(INCIDENT_NUMERO, numero)
                .containsEntry(DATE_DETECTION, DETECTION)
                .containsEntry(CIRCONSCRIPTION, "versailles")
                .containsEntry(DONNEES_PERSONNELLES, false)
                .containsEntry(DESCRIPTION, "La liste des élèves de CM2 est visible par tous les parents de l'ENT.")
                .containsKey(PIECES_JOINTES[0])
                .doesNotContainKey(PIECES_JOINTES[1]);
        assertThat(JsonVariables.readList(runtimeService.getVariable(incident.getId(), ECOLES_UAI), String.class))
                .containsExactly(UAI);

        executeDueJobs();
        List<MimeMessage> alert = mailsAbout("Incident de sécurité " + numero);
        assertThat(alert).isNotEmpty();
        assertThat(subject(alert.get(0))).isEqualTo("[Convention ENT] Incident de sécurité " + numero
                + " – Versailles\u00a0: Fuite ou divulgation de données");
        assertThat(recipients(alert.get(0))).containsExactlyInAnyOrder("ien.versailles@demo.example", ALERT_MAILBOX);
        assertThat(body(alert.get(0))).contains("Numéro\u00a0: " + numero, "Type\u00a0: Fuite ou divulgation de données",
                "Commune\u00a0: Versailles (78646)", "Écoles concernées\u00a0: " + UAI, "Détecté le\u00a0: 2 mars 2026 à 9 h 15",
                "Données personnelles potentiellement concernées\u00a0: non", "visible par tous les parents",
                "Pièces jointes\u00a0: capture.png");

        Task qualify = task(incident, TASK_QUALIFY);
        assertThat(candidateGroupOf(qualify)).isEqualTo("rssi");
        assertThat(qualify.getDescription()).isEqualTo("Incident " + numero + " – commune de Versailles");
        assertThat(qualify.getDueDate()).isEqualTo(Date.from(NOW.toInstant().plus(Duration.ofDays(1))));
        complete(incident, TASK_QUALIFY, qualification(NON));

        assertThat(candidateGroupOf(task(incident, TASK_DECIDE_MEASURES))).isEqualTo("dsi");
        complete(incident, TASK_DECIDE_MEASURES, Map.of(MESURES, "Droits du groupe des parents corrigés par l'éditeur.",
                CONSIGNES_COMMUNE, "Prévenir les directeurs d'école concernés."));
        executeDueJobs();
        List<MimeMessage> toCommune = mailsAbout("Incident " + numero + "\u00a0: mesures décidées par l'académie");
        assertThat(toCommune).hasSize(1);
        assertThat(recipients(toCommune.get(0))).containsExactly("mairie.versailles@demo.example");
        assertThat(body(toCommune.get(0))).contains("Gravité\u00a0: Élevée", "Périmètre\u00a0: Une ou plusieurs écoles",
                "Violation de données personnelles\u00a0: non", "Droits du groupe des parents corrigés",
                "Prévenir les directeurs d'école concernés.");

        assertThat(candidateGroupOf(task(incident, TASK_CLOSE))).isEqualTo("rssi");
        complete(incident, TASK_CLOSE, Map.of(RAPPORT_CLOTURE, "Paramétrage corrigé, familles informées."));

        assertThat(incident).isEnded().hasPassed(TASK_ALERT, TASK_INFORM_COMMUNE, END_CLOSED).hasNotPassed(TASK_NOTIFY_CNIL);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(incident.getId())
                .variableName(RAPPORT_CLOTURE).singleResult().getValue()).isEqualTo("Paramétrage corrigé, familles informées.");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion()
                .singleResult().getHistoryTimeToLive()).isEqualTo(3650);
    }

    @Test
    void personalDataBreachGivesTheDpoATaskDueSeventyTwoHoursAfterDetection() throws Exception {
        ProcessInstance incident = reportIncident(true);
        executeDueJobs();
        assertThat(recipients(mailsAbout("Incident de sécurité " + incident.getBusinessKey()).get(0)))
                .as("the DPO is told at once when personal data may be involved")
                .containsExactlyInAnyOrder("ien.versailles@demo.example", ALERT_MAILBOX, "dpo@demo.example");

        moveClockBy(Duration.ofHours(20)); // the RSSI qualifies the next morning: the clock still counts from detection
        complete(incident, TASK_QUALIFY, qualification(OUI));

        Task cnil = task(incident, TASK_NOTIFY_CNIL);
        assertThat(cnil.getName()).isEqualTo("Notifier la CNIL");
        assertThat(candidateGroupOf(cnil)).isEqualTo("dpo");
        assertThat(cnil.getDueDate()).isEqualTo(paris("2026-03-05T09:15"));
        assertThat(cnil.getDescription()).isEqualTo("Incident " + incident.getBusinessKey()
                + " – commune de Versailles – à notifier avant le 5 mars 2026 à 9 h 15");
        assertThat(task(incident, TASK_DECIDE_MEASURES)).as("the académie decides meanwhile").isNotNull();

        complete(incident, TASK_NOTIFY_CNIL, Map.of(NOTIFICATION_CNIL, NOTIFIEE, REFERENCE_NOTIFICATION_CNIL, " CNIL-2026-0042 "));
        assertThat(incident).variables().containsEntry(REFERENCE_NOTIFICATION_CNIL, "CNIL-2026-0042")
                .containsEntry(NOTIFICATION_HORS_DELAI, false).containsKey(DATE_NOTIFICATION_CNIL);
        assertThat(incident).isWaitingAt(TASK_DECIDE_MEASURES);
    }

    @Test
    void escalationMailsGoOutFortyEightAndSeventyTwoHoursAfterDetectionNotBefore() throws Exception {
        ProcessInstance incident = qualifiedIncident(OUI);
        String numero = incident.getBusinessKey();

        moveClockTo(paris("2026-03-04T09:14"));
        executeDueJobs();
        assertThat(escalationSubjects()).isEmpty();

        moveClockTo(paris("2026-03-04T09:16"));
        executeDueJobs();
        assertThat(escalationSubjects()).containsExactly("[Convention ENT] URGENT – Incident " + numero
                + "\u00a0: notification CNIL non faite, 48 h écoulées depuis la détection");
        MimeMessage first = mailsAbout("48 h écoulées").get(0);
        assertThat(recipients(first)).containsExactlyInAnyOrder("dpo@demo.example", "rssi@demo.example", ALERT_MAILBOX);
        assertThat(body(first)).contains("détectée le 2 mars 2026 à 9 h 15", "au plus tard le 5 mars 2026 à 9 h 15");

        moveClockTo(paris("2026-03-05T09:14"));
        executeDueJobs();
        assertThat(escalationSubjects()).hasSize(1);

        moveClockTo(paris("2026-03-05T09:16"));
        executeDueJobs();
        assertThat(escalationSubjects()).hasSize(2).contains("[Convention ENT] URGENT – Incident " + numero
                + "\u00a0: délai de 72 h dépassé, notification CNIL non faite");
        assertThat(body(mailsAbout("délai de 72 h dépassé").get(0))).contains("en indiquant les motifs du retard");
        assertThat(incident).isWaitingAt(TASK_NOTIFY_CNIL, TASK_DECIDE_MEASURES);

        complete(incident, TASK_NOTIFY_CNIL, Map.of(NOTIFICATION_CNIL, NOTIFIEE, REFERENCE_NOTIFICATION_CNIL, "CNIL-2026-0043"));
        assertThat(incident).variables().containsEntry(NOTIFICATION_HORS_DELAI, true);
    }

    @Test
    void noEscalationOnceTheCnilIsNotified() {
        ProcessInstance incident = qualifiedIncident(OUI);
        moveClockBy(Duration.ofHours(6));
        complete(incident, TASK_NOTIFY_CNIL, Map.of(REFERENCE_NOTIFICATION_CNIL, "CNIL-2026-0044"));

        assertThat(managementService.createJobQuery().processInstanceId(incident.getId())
                .activityId(TIMER_48_HOURS).count()).isZero();
        moveClockTo(paris("2026-03-06T12:00"));
        executeDueJobs();
        assertThat(escalationSubjects()).isEmpty();
        assertThat(incident).variables().containsEntry(NOTIFICATION_CNIL, NOTIFIEE);
    }

    @Test
    void notABreachCreatesNoCnilTask() {
        ProcessInstance incident = qualifiedIncident(NON);

        assertThat(incident).isWaitingAt(TASK_DECIDE_MEASURES);
        assertThat(task(incident, TASK_NOTIFY_CNIL)).isNull();
        assertThat(managementService.createJobQuery().processInstanceId(incident.getId()).timers()
                .activityId(TIMER_72_HOURS).count()).isZero();
    }

    @Test
    void cnilTaskIsRefusedWithoutReferenceNorReason() {
        ProcessInstance incident = qualifiedIncident(OUI);
        String taskId = task(incident, TASK_NOTIFY_CNIL).getId();

        assertThatThrownBy(() -> taskService.complete(taskId, Map.of()))
                .hasMessageContaining("Saisie refusée : Indiquez la référence de la notification à la CNIL, ou le motif de non-notification.");
        assertThatThrownBy(() -> taskService.complete(taskId, Map.of(NOTIFICATION_CNIL, NOTIFIEE, REFERENCE_NOTIFICATION_CNIL, " ")))
                .hasMessageContaining("Indiquez la référence de la notification faite à la CNIL.");
        assertThatThrownBy(() -> taskService.complete(taskId, Map.of(NOTIFICATION_CNIL, NON_NOTIFIEE)))
                .hasMessageContaining("Indiquez le motif de non-notification");
        assertThat(incident).isWaitingAt(TASK_NOTIFY_CNIL, TASK_DECIDE_MEASURES);
        assertThat(runtimeService.getVariable(incident.getId(), NOTIFICATION_CNIL)).isNull();

        taskService.complete(taskId, Map.of(NOTIFICATION_CNIL, NON_NOTIFIEE, REFERENCE_NOTIFICATION_CNIL, "oubliée",
                MOTIF_NON_NOTIFICATION, "Données chiffrées, clé non compromise : pas de risque pour les personnes."));
        assertThat(incident).variables().containsEntry(NOTIFICATION_CNIL, NON_NOTIFIEE)
                .doesNotContainKey(REFERENCE_NOTIFICATION_CNIL).doesNotContainKey(DATE_NOTIFICATION_CNIL);
    }

    @Test
    void qualificationAndEveryStepAreCheckedOnTheServer() {
        ProcessInstance incident = reportIncident(true);
        executeDueJobs();
        String qualify = task(incident, TASK_QUALIFY).getId();

        assertThatThrownBy(() -> taskService.complete(qualify, Map.of(GRAVITE, "enorme")))
                .hasMessageContaining("Choisissez la gravité").hasMessageContaining("Choisissez le périmètre")
                .hasMessageContaining("violation de données personnelles (oui ou non)");
        assertThatThrownBy(() -> taskService.complete(qualify, Map.of(GRAVITE, "faible", PERIMETRE, "commune",
                VIOLATION_DONNEES, NON))).hasMessageContaining("expliquez dans l'analyse pourquoi");
        complete(incident, TASK_QUALIFY, qualification(NON));

        assertThatThrownBy(() -> complete(incident, TASK_DECIDE_MEASURES, Map.of(MESURES, "  ")))
                .hasMessageContaining("Décrivez les mesures décidées par l'académie.");
        complete(incident, TASK_DECIDE_MEASURES, Map.of(MESURES, "Mot de passe réinitialisé."));
        executeDueJobs();
        assertThatThrownBy(() -> complete(incident, TASK_CLOSE, Map.of()))
                .hasMessageContaining("Rédigez le rapport de clôture");
        assertThat(incident).isWaitingAt(TASK_CLOSE);
    }

    @Test
    void badReportsAreRefusedAndCreateNoIncident() {
        long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count();
        Map<String, Object> bad = report(false);
        bad.put(DATE_DETECTION, "2026-03-02T12:00");
        bad.put(ECOLES_UAI, "0781234X");
        bad.put(DESCRIPTION, "");

        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(KEY, bad))
                .hasMessageContaining("Saisie refusée")
                .hasMessageContaining("ne peut pas être dans le futur")
                .hasMessageContaining("La lettre de contrôle de l'UAI « 0781234X » est fausse")
                .hasMessageContaining("Décrivez l'incident");

        identityService.setAuthentication("mairie.nanterre", List.of("commune-92050"));
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(KEY, report(false)))
                .hasMessageContaining("Vous ne pouvez pas signaler un incident pour la commune de Versailles (78646)");
        identityService.clearAuthentication();

        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(before);
        executeDueJobs();
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void academieRolesReportForAnyCommuneAndTheCommuneMayReadIt() {
        identityService.setAuthentication("rssi", List.of("rssi"));
        ProcessInstance incident = runtimeService.startProcessInstanceByKey(KEY, report(false));
        identityService.clearAuthentication();

        assertThat(incident).variables().containsEntry(DECLARANT, "rssi");
        assertThat(processEngine.getAuthorizationService().createAuthorizationQuery().groupIdIn("commune-78646")
                .resourceId(incident.getId()).count()).isEqualTo(1);
        ProcessInstance second = reportIncident(false);
        assertThat(second.getBusinessKey()).isNotEqualTo(incident.getBusinessKey()).startsWith("INC-78646-20260302-");
    }

    private static final String NANTERRE_DPO = "dpo@nanterre.example";

    @Autowired
    ConventionRecords records;

    /** Nanterre's convention names its own data-protection officer in Annexe 2. */
    private void nanterreNamesItsDpo() {
        ConventionData data = ConventionDataMapper.normalize(ConventionDataMapper.read(
                SampleConventions.completion("92050", "Nanterre", 1)));
        records.saveDraft("CONV-92050-2026-77", 1, new ConventionData(data.communeInsee(), data.communeNom(),
                data.communeAdresse(), data.maireNom(), data.ecoles(), data.referentEnt(),
                data.correspondantsTechniques(), data.editeurEnt(), data.exploitantEnt(),
                new Contact("BERNARD Lucie", null, NANTERRE_DPO)));
    }

    /** A personal-data incident of Nanterre in the given field, reported and alerted. */
    private ProcessInstance nanterreIncident(String competence) {
        Map<String, Object> variables = report(true);
        variables.put(COMMUNE_INSEE, "92050");
        variables.put(ECOLES_UAI, "");
        variables.put(COMPETENCE, competence);
        ProcessInstance incident = runtimeService.startProcessInstanceByKey(KEY, variables);
        executeDueJobs();
        return incident;
    }

    private List<String> candidateGroupsOf(ProcessInstance incident, String taskKey) {
        return taskService.getIdentityLinksForTask(task(incident, taskKey).getId()).stream()
                .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).toList();
    }

    @Test
    void inTheCommunesFieldTheCommuneQualifiesDecidesAndNotifiesWhileTheAcademieIsInformedAndComments()
            throws Exception {
        nanterreNamesItsDpo();
        ProcessInstance incident = nanterreIncident(COMMUNE);
        String numero = incident.getBusinessKey();
        assertThat(incident).variables().containsEntry(COMPETENCE, COMMUNE)
                .containsEntry(COMPETENCE_LIBELLE, "Champ de la commune");
        assertThat(recipients(mailsAbout("Incident de sécurité " + numero).get(0))).as("article 7 alert, as ever")
                .containsExactlyInAnyOrder("ien.nanterre@demo.example", ALERT_MAILBOX, "dpo@demo.example");

        assertThat(candidateGroupsOf(incident, TASK_QUALIFY)).containsExactly("commune-92050");
        complete(incident, TASK_QUALIFY, qualification(OUI));
        executeDueJobs();

        assertThat(candidateGroupsOf(incident, TASK_DECIDE_MEASURES)).containsExactly("commune-92050");
        assertThat(candidateGroupsOf(incident, TASK_NOTIFY_CNIL)).containsExactly("commune-92050");
        assertThat(candidateGroupsOf(incident, TASK_COMMENT))
                .containsExactlyInAnyOrder("rssi", "dpo", "ien-circo-nanterre");
        assertThat(task(incident, TASK_DECIDE_COMMUNE_MEASURES)).isNull();
        assertThat(task(incident, TASK_DESIGNATE_CNIL_NOTIFIER)).isNull();

        List<MimeMessage> toCommuneDpo = mailsAbout("la commune notifie la CNIL avant le 5 mars 2026 à 9 h 15");
        assertThat(toCommuneDpo).hasSize(1);
        assertThat(recipients(toCommuneDpo.get(0))).containsExactly(NANTERRE_DPO);
        assertThat(body(toCommuneDpo.get(0))).contains("délégué à la protection des données de la commune de Nanterre",
                "relève du champ de compétence de la commune", "Notifier la CNIL");

        complete(incident, TASK_DECIDE_MEASURES, Map.of(MESURES, "Correctif appliqué par l'hébergeur de la commune.",
                CONSIGNES_COMMUNE, "Le correctif concerne aussi d'autres communes du même prestataire."));
        executeDueJobs();
        List<MimeMessage> toAcademie = mailsAbout("Incident " + numero + "\u00a0: mesures décidées par la commune");
        assertThat(toAcademie).hasSize(3);
        assertThat(toAcademie.stream().flatMap(m -> recipientsOf(m).stream()).distinct().toList())
                .containsExactlyInAnyOrder("rssi@demo.example", "dpo@demo.example", "ien.nanterre@demo.example");
        assertThat(body(toAcademie.get(0))).contains("La commune a examiné", "Correctif appliqué par l'hébergeur",
                "la commune notifie la CNIL", "Commenter l'incident");
        assertThat(mailsAbout("mesures décidées par l'académie")).isEmpty();

        identityService.setAuthentication("ien.nanterre", List.of("ien-circo-nanterre"));
        complete(incident, TASK_COMMENT, Map.of(COMMENTAIRE_ACADEMIE, " Prévenir aussi les directeurs d'école. "));
        identityService.clearAuthentication();
        executeDueJobs();
        assertThat(incident).variables().containsEntry(COMMENTAIRE_ACADEMIE, "Prévenir aussi les directeurs d'école.")
                .containsEntry(COMMENTAIRE_PAR, "ien.nanterre");
        List<MimeMessage> comment = mailsAbout("Incident " + numero + "\u00a0: commentaire de l'académie");
        assertThat(comment).hasSize(1);
        assertThat(recipients(comment.get(0))).containsExactly("mairie.nanterre@demo.example");
        assertThat(body(comment.get(0))).contains("IEN Circonscription nanterre", "Prévenir aussi les directeurs");

        complete(incident, TASK_NOTIFY_CNIL, Map.of(REFERENCE_NOTIFICATION_CNIL, "CNIL-2026-0100"));
        assertThat(candidateGroupsOf(incident, TASK_CLOSE)).containsExactly("rssi");
        complete(incident, TASK_CLOSE, Map.of(RAPPORT_CLOTURE, "Correctif en place."));
        assertThat(incident).isEnded();
    }

    @Test
    void inTheCommunesFieldTheIncidentClosesWithoutWaitingForTheAcademiesCommentWhichEndsWithIt() throws Exception {
        nanterreNamesItsDpo();
        ProcessInstance incident = nanterreIncident(COMMUNE);
        complete(incident, TASK_QUALIFY, qualification(OUI));
        executeDueJobs();
        complete(incident, TASK_DECIDE_MEASURES, Map.of(MESURES, "Correctif appliqué par l'hébergeur de la commune."));
        executeDueJobs();
        assertThat(task(incident, TASK_CLOSE)).as("the commune's CNIL notification is still awaited").isNull();

        moveClockBy(Duration.ofDays(1));
        complete(incident, TASK_NOTIFY_CNIL, Map.of(REFERENCE_NOTIFICATION_CNIL, "CNIL-2026-0101"));
        assertThat(task(incident, TASK_CLOSE)).as("nobody commented, yet the RSSI may close").isNotNull();
        assertThat(task(incident, TASK_COMMENT)).as("the académie may still comment until then").isNotNull();

        moveClockBy(Duration.ofDays(10));
        executeDueJobs();
        complete(incident, TASK_CLOSE, Map.of(RAPPORT_CLOTURE, "Correctif en place."));

        assertThat(incident).isEnded();
        assertThat(taskService.createTaskQuery().processInstanceId(incident.getId()).count()).isZero();
        assertThat(managementService.createJobQuery().processInstanceId(incident.getId()).count())
                .as("no reminder of the comment left behind").isZero();
        var comment = historyService.createHistoricTaskInstanceQuery().processInstanceId(incident.getId())
                .taskDefinitionKey(TASK_COMMENT).singleResult();
        assertThat(comment.getEndTime()).as("ended with the closure").isNotNull();
        assertThat(comment.getDeleteReason()).isNotEqualTo("completed");
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(incident.getId())
                .activityId(END_CLOSED).finished().count()).isEqualTo(1);
    }

    @Test
    void theCommunesCnilTaskIsDueSeventyTwoHoursAfterDetectionAndItsDpoIsRemindedByMail() throws Exception {
        nanterreNamesItsDpo();
        ProcessInstance incident = nanterreIncident(COMMUNE);
        moveClockBy(Duration.ofHours(20));
        complete(incident, TASK_QUALIFY, qualification(OUI));
        executeDueJobs();
        assertThat(task(incident, TASK_NOTIFY_CNIL).getDueDate()).isEqualTo(paris("2026-03-05T09:15"));

        moveClockTo(paris("2026-03-04T09:14"));
        executeDueJobs();
        assertThat(escalationSubjects()).isEmpty();
        moveClockTo(paris("2026-03-04T09:16"));
        executeDueJobs();
        MimeMessage at48 = mailsAbout("48 h écoulées").get(0);
        assertThat(recipients(at48)).containsExactlyInAnyOrder(NANTERRE_DPO, "mairie.nanterre@demo.example",
                "dpo@demo.example", "rssi@demo.example", ALERT_MAILBOX);
        assertThat(body(at48)).contains("attend les agents de la commune");

        moveClockTo(paris("2026-03-05T09:16"));
        executeDueJobs();
        assertThat(recipients(mailsAbout("délai de 72 h dépassé").get(0))).contains(NANTERRE_DPO,
                "mairie.nanterre@demo.example");
        complete(incident, TASK_NOTIFY_CNIL, Map.of(REFERENCE_NOTIFICATION_CNIL, "CNIL-2026-0101"));
        assertThat(incident).variables().containsEntry(NOTIFICATION_HORS_DELAI, true);
    }

    @Test
    void inTheSharedFieldBothPartiesDecideAndTheAcademiesDpoDesignatesWhoNotifiesTheCnilOnce() throws Exception {
        nanterreNamesItsDpo();
        ProcessInstance incident = nanterreIncident(PARTAGE);
        assertThat(candidateGroupsOf(incident, TASK_QUALIFY)).containsExactly("rssi");
        complete(incident, TASK_QUALIFY, qualification(OUI));
        executeDueJobs();

        assertThat(candidateGroupsOf(incident, TASK_DECIDE_MEASURES)).containsExactly("dsi");
        assertThat(candidateGroupsOf(incident, TASK_DECIDE_COMMUNE_MEASURES)).containsExactly("commune-92050");
        assertThat(candidateGroupsOf(incident, TASK_DESIGNATE_CNIL_NOTIFIER)).containsExactly("dpo");
        assertThat(task(incident, TASK_NOTIFY_CNIL)).as("nobody notifies before the designation").isNull();
        assertThat(task(incident, TASK_COMMENT)).isNull();

        String designation = task(incident, TASK_DESIGNATE_CNIL_NOTIFIER).getId();
        assertThatThrownBy(() -> taskService.complete(designation, Map.of(NOTIFIANT_CNIL, "cnil")))
                .hasMessageContaining("Saisie refusée : Indiquez qui notifie la CNIL : l'académie ou la commune.");
        assertThat(task(incident, TASK_NOTIFY_CNIL)).isNull();
        taskService.complete(designation, Map.of(NOTIFIANT_CNIL, COMMUNE));
        executeDueJobs();

        assertThat(taskService.createTaskQuery().processInstanceId(incident.getId())
                .taskDefinitionKey(TASK_NOTIFY_CNIL).count()).isEqualTo(1);
        assertThat(candidateGroupsOf(incident, TASK_NOTIFY_CNIL)).containsExactly("commune-92050");
        assertThat(task(incident, TASK_NOTIFY_CNIL).getDueDate()).isEqualTo(paris("2026-03-05T09:15"));
        List<MimeMessage> toCommuneDpo = mailsAbout("la commune notifie la CNIL");
        assertThat(toCommuneDpo).hasSize(1);
        assertThat(body(toCommuneDpo.get(0))).contains("a désigné la commune pour la notifier");

        assertThatThrownBy(() -> complete(incident, TASK_DECIDE_COMMUNE_MEASURES, Map.of(MESURES_COMMUNE, " ")))
                .hasMessageContaining("Décrivez les mesures décidées par la commune.");
        complete(incident, TASK_DECIDE_COMMUNE_MEASURES, Map.of(MESURES_COMMUNE, "Comptes des parents réinitialisés."));
        complete(incident, TASK_DECIDE_MEASURES, Map.of(MESURES, "Profils corrigés dans l'annuaire."));
        complete(incident, TASK_NOTIFY_CNIL, Map.of(REFERENCE_NOTIFICATION_CNIL, "CNIL-2026-0102"));
        executeDueJobs();
        assertThat(recipients(mailsAbout("mesures décidées par l'académie").get(0)))
                .containsExactly("mairie.nanterre@demo.example");
        complete(incident, TASK_CLOSE, Map.of(RAPPORT_CLOTURE, "Clos."));
        assertThat(incident).isEnded().variables().containsEntry(NOTIFIANT_CNIL, COMMUNE)
                .containsEntry(MESURES_COMMUNE, "Comptes des parents réinitialisés.");
    }

    @Test
    void whenTheDpoDesignatesTheAcademieItsOwnDpoNotifiesAndTheCommunesIsNotAsked() {
        nanterreNamesItsDpo();
        ProcessInstance incident = nanterreIncident(PARTAGE);
        complete(incident, TASK_QUALIFY, qualification(OUI));
        complete(incident, TASK_DESIGNATE_CNIL_NOTIFIER, Map.of(NOTIFIANT_CNIL, ACADEMIE));
        executeDueJobs();

        assertThat(candidateGroupsOf(incident, TASK_NOTIFY_CNIL)).containsExactly("dpo");
        assertThat(mailsAbout("la commune notifie la CNIL")).isEmpty();
        assertThat(incident).variables().containsEntry(NOTIFIANT_CNIL_LIBELLE,
                "L'académie (son délégué à la protection des données)");
    }

    @Test
    void anIncidentWithoutFieldIsTheAcademiesAsBeforeTheFieldExisted() {
        ProcessInstance incident = reportIncident(true);
        assertThat(incident).variables().containsEntry(COMPETENCE, ACADEMIE);
        runtimeService.removeVariable(incident.getId(), COMPETENCE); // as an incident reported before the field
        executeDueJobs();
        assertThat(candidateGroupsOf(incident, TASK_QUALIFY)).containsExactly("rssi");
        complete(incident, TASK_QUALIFY, qualification(OUI));
        executeDueJobs();

        assertThat(candidateGroupsOf(incident, TASK_DECIDE_MEASURES)).containsExactly("dsi");
        assertThat(candidateGroupsOf(incident, TASK_NOTIFY_CNIL)).containsExactly("dpo");
        assertThat(task(incident, TASK_DESIGNATE_CNIL_NOTIFIER)).isNull();
        assertThat(task(incident, TASK_DECIDE_COMMUNE_MEASURES)).isNull();
        assertThat(task(incident, TASK_COMMENT)).isNull();
    }

    @Test
    void anUnknownFieldIsRefusedInFrench() {
        Map<String, Object> bad = report(false);
        bad.put(COMPETENCE, "prestataire");
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(KEY, bad))
                .hasMessageContaining("Saisie refusée : Le domaine de compétence « prestataire » est inconnu");
    }

    private static List<String> recipientsOf(MimeMessage message) {
        try {
            return recipients(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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

    private static String body(MimeMessage message) {
        return SentMails.text(message);
    }
}
