package fr.conventionent.incident;

import static fr.conventionent.support.EngineRest.file;
import static fr.conventionent.support.EngineRest.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.Uai;
import fr.conventionent.support.EngineRest;
import fr.conventionent.support.EngineTest;
import fr.conventionent.support.SentMails;
import jakarta.mail.internet.MimeMessage;

/**
 * Incidents reported and handled through the REST API by the demo users, as Tasklist does: the
 * alert mails GreenMail receives, what each party may see, and refused reports.
 */
class IncidentSecuriteRestTest extends EngineTest {

    private static final String START = "/process-definition/key/" + IncidentProcess.KEY + "/submit-form";
    private static final String UAI = Uai.withCheckLetter("0781234");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate restTemplate;
    @Autowired
    HistoryService historyService;

    private EngineRest as(String user) {
        return new EngineRest(restTemplate, user);
    }

    /** Two hours ago, Paris time, as the form's date-time field sends it. */
    private static LocalDateTime twoHoursAgo() {
        return LocalDateTime.now(FrenchFormats.PARIS).minusHours(2).withSecond(0).withNano(0);
    }

    /** What the start form sends. */
    private static Map<String, Object> report(String insee, LocalDateTime detection, String description) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("typeIncident", value("intrusion"));
        variables.put("dateDetection", value(detection.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)));
        variables.put("communeInsee", value(insee));
        variables.put("ecolesUai", value(insee.startsWith("78") ? UAI : ""));
        variables.put("donneesPersonnelles", value(true));
        variables.put("description", value(description));
        variables.put("pieceJointe1", file("journal-connexions.txt", "text/plain", "connexion suspecte".getBytes()));
        return variables;
    }

    private ResponseEntity<String> submitReport(String user, Map<String, Object> variables) {
        return as(user).post(START, Map.of("variables", variables));
    }

    private JsonNode reportIncident(String user, String insee) throws Exception {
        ResponseEntity<String> started = submitReport(user, report(insee, twoHoursAgo(),
                "Connexions au compte du directeur depuis l'étranger."));
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
        return JSON.readTree(started.getBody());
    }

    @Test
    void mairieReportsAnIncidentAndTheAlertReachesTheIenAndTheSecurityMailbox() throws Exception {
        LocalDateTime detection = twoHoursAgo();
        ResponseEntity<String> started = submitReport("mairie.versailles", report("78646", detection,
                "Connexions au compte du directeur depuis l'étranger."));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        String numero = JSON.readTree(started.getBody()).get("businessKey").asText();
        assertThat(numero).startsWith("INC-78646-");

        executeDueJobs();

        List<MimeMessage> alert = Arrays.stream(GREEN_MAIL.getReceivedMessages())
                .filter(m -> subject(m).startsWith("[Convention ENT] Incident de sécurité " + numero)).toList();
        assertThat(alert).as("one copy per recipient").hasSize(3);
        MimeMessage mail = alert.get(0);
        assertThat(subject(mail)).isEqualTo("[Convention ENT] Incident de sécurité " + numero
                + " – Versailles\u00a0: Intrusion ou compte compromis");
        assertThat(Arrays.stream(mail.getAllRecipients()).map(Object::toString))
                .containsExactlyInAnyOrder("ien.versailles@demo.example", "alerte-ssi@ac-versailles.fr", "dpo@demo.example");
        String detectedOn = BreachDeadlines.longDateTime(java.util.Date.from(detection.atZone(FrenchFormats.PARIS).toInstant()));
        assertThat(SentMails.text(mail)).contains("Numéro\u00a0: " + numero, "Type\u00a0: Intrusion ou compte compromis",
                "Commune\u00a0: Versailles (78646)", "Écoles concernées\u00a0: " + UAI, "Détecté le\u00a0: " + detectedOn,
                "Données personnelles potentiellement concernées\u00a0: oui",
                "Connexions au compte du directeur depuis l'étranger.",
                "Signalé par\u00a0: mairie.versailles (mairie.versailles@demo.example)",
                "Pièces jointes\u00a0: journal-connexions.txt");

        JsonNode qualify = as("rssi").singleTask();
        assertThat(qualify.get("name").asText()).isEqualTo("Qualifier l'incident");
        assertThat(qualify.get("description").asText()).isEqualTo("Incident " + numero + " – commune de Versailles");
        assertThat(deployedForm("rssi", qualify)).contains("\"id\": \"Form_QualifierIncident\"");
    }

    @Test
    void everyPartyFindsTheReportFormInTasklist() {
        for (String user : List.of("mairie.versailles", "mairie.cergy", "ien.evry", "dasen.95", "daces", "rssi")) {
            assertThat(as(user).getJson("/process-definition/key/" + IncidentProcess.KEY + "/startForm")
                    .get("key").asText()).as(user).isEqualTo("embedded:deployment:forms/signaler-incident.html");
            ResponseEntity<String> form = as(user).get("/process-definition/key/" + IncidentProcess.KEY
                    + "/deployed-start-form");
            assertThat(form.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            assertThat(form.getBody()).contains("Signaler un incident de sécurité", "cam-variable-type=\"File\"");
        }
    }

    private String deployedForm(String user, JsonNode task) {
        ResponseEntity<String> form = as(user).get("/task/" + task.get("id").asText() + "/deployed-form");
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        return form.getBody();
    }

    @Test
    void aCommuneSeesOnlyItsOwnIncidentsAndTheAcademieSeesThemAll() throws Exception {
        JsonNode versailles = reportIncident("mairie.versailles", "78646");
        String id = versailles.get("id").asText();
        executeDueJobs();

        EngineRest nanterre = as("mairie.nanterre");
        assertThat(nanterre.tasks()).isEmpty();
        assertThat(nanterre.getJson("/process-instance?processDefinitionKey=" + IncidentProcess.KEY)).isEmpty();
        assertThat(nanterre.getJson("/variable-instance?processInstanceIdIn=" + id)).isEmpty();
        assertThat(nanterre.getJson("/history/process-instance?processInstanceId=" + id)).isEmpty();
        assertThat(nanterre.getJson("/history/variable-instance?processInstanceId=" + id)).isEmpty();
        assertThat(nanterre.get("/process-instance/" + id + "/variables").getStatusCode().value()).isIn(403, 404);
        String evidence = as("rssi").getJson("/variable-instance?processInstanceIdIn=" + id + "&variableName=pieceJointe1")
                .get(0).get("id").asText();
        assertThat(nanterre.getBytes("/variable-instance/" + evidence + "/data").getStatusCode().value()).isIn(403, 404);

        EngineRest mairie = as("mairie.versailles");
        assertThat(ids(mairie.getJson("/process-instance?processDefinitionKey=" + IncidentProcess.KEY))).containsExactly(id);
        assertThat(mairie.getJson("/process-instance/" + id + "/variables").at("/description/value").asText())
                .isEqualTo("Connexions au compte du directeur depuis l'étranger.");
        assertThat(mairie.getBytes("/variable-instance/" + evidence + "/data").getBody()).isEqualTo("connexion suspecte".getBytes());

        String nanterreId = reportIncident("mairie.nanterre", "92050").get("id").asText();
        assertThat(ids(mairie.getJson("/process-instance?processDefinitionKey=" + IncidentProcess.KEY))).containsExactly(id);
        assertThat(ids(nanterre.getJson("/process-instance?processDefinitionKey=" + IncidentProcess.KEY)))
                .containsExactly(nanterreId);

        for (String academie : List.of("rssi", "daces", "dpo", "recteur", "ien.versailles", "tice.92")) {
            EngineRest user = as(academie);
            assertThat(ids(user.getJson("/process-instance?processDefinitionKey=" + IncidentProcess.KEY)))
                    .as(academie).contains(id, nanterreId);
            assertThat(user.getJson("/variable-instance?processInstanceIdIn=" + id)).as(academie).isNotEmpty();
            assertThat(user.getJson("/history/process-instance?processInstanceId=" + id)).as(academie).hasSize(1);
        }
    }

    @Test
    void badReportsAreRefusedInFrenchAndCreateNothing() throws Exception {
        long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(IncidentProcess.KEY).count();

        ResponseEntity<String> future = submitReport("mairie.versailles",
                report("78646", LocalDateTime.now(FrenchFormats.PARIS).plusDays(1), "Compte piraté."));
        assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(future)).startsWith("Saisie refusée : La date de détection (").endsWith(") ne peut pas être dans le futur.");

        ResponseEntity<String> otherCommune = submitReport("mairie.nanterre", report("78646", twoHoursAgo(), "Compte piraté."));
        assertThat(otherCommune.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(otherCommune)).startsWith(
                "Saisie refusée : Vous ne pouvez pas signaler un incident pour la commune de Versailles (78646)");

        ResponseEntity<String> noDescription = submitReport("mairie.versailles", report("78646", twoHoursAgo(), "  "));
        assertThat(noDescription.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(noDescription)).isEqualTo("Saisie refusée : Décrivez l'incident : ce qui s'est passé,"
                + " ce qui a été constaté, les premières mesures prises.");

        Map<String, Object> badCodes = report("78646", twoHoursAgo(), "Compte piraté.");
        badCodes.put("ecolesUai", value("0781234X"));
        badCodes.put("communeInsee", value("7864"));
        badCodes.put("competence", value("prestataire"));
        ResponseEntity<String> refused = submitReport("rssi", badCodes);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(refused)).contains("Le code INSEE « 7864 » n'est pas valide",
                "La lettre de contrôle de l'UAI « 0781234X » est fausse",
                "Le domaine de compétence « prestataire » est inconnu");

        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(IncidentProcess.KEY).count())
                .isEqualTo(before);
        assertThat(as("rssi").getJson("/process-instance?processDefinitionKey=" + IncidentProcess.KEY)).isEmpty();
        executeDueJobs();
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void theAcademieTakesABreachToClosureWhileTheCommuneIsKeptInformed() throws Exception {
        JsonNode incident = reportIncident("mairie.versailles", "78646");
        String id = incident.get("id").asText();
        String numero = incident.get("businessKey").asText();
        executeDueJobs();

        JsonNode qualify = as("rssi").singleTask();
        assertThat(as("rssi").submitForm(qualify.get("id").asText(), Map.of("gravite", value("critique"),
                "perimetre", value("commune"), "violationDonnees", value("oui"))).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode cnil = as("dpo").singleTask();
        assertThat(cnil.get("name").asText()).isEqualTo("Notifier la CNIL");
        assertThat(deployedForm("dpo", cnil)).contains("Form_NotifierCnil");
        JsonNode detection = as("dpo").getJson("/task/" + cnil.get("id").asText() + "/variables/dateDetection");
        assertThat(Duration.between(parseRestDate(detection.get("value").asText()), parseRestDate(cnil.get("due").asText())))
                .isEqualTo(Duration.ofHours(72));
        ResponseEntity<String> refused = as("dpo").submitForm(cnil.get("id").asText(), Map.of());
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(refused)).startsWith("Saisie refusée : Indiquez la référence de la notification à la CNIL,"
                + " ou le motif de non-notification.");
        assertThat(as("dpo").submitForm(cnil.get("id").asText(), Map.of("notificationCnil", value("notifiee"),
                "referenceNotificationCnil", value("CNIL-2026-0815"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode decide = as("dsi").singleTask();
        assertThat(decide.get("name").asText()).isEqualTo("Décider des mesures");
        assertThat(deployedForm("dsi", decide)).contains("Form_DeciderMesures");
        as("dsi").submitForm(decide.get("id").asText(), Map.of("mesures", value("Compte du directeur suspendu, mots de passe réinitialisés."),
                "consignesCommune", value("Informer les familles des élèves concernés.")));
        executeDueJobs();
        List<String> toCommune = new ArrayList<>();
        for (MimeMessage message : GREEN_MAIL.getReceivedMessages()) {
            if (subject(message).equals("[Convention ENT] Incident " + numero + "\u00a0: mesures décidées par l'académie")) {
                toCommune.add(Arrays.toString(message.getAllRecipients()) + " " + SentMails.text(message));
            }
        }
        assertThat(toCommune).hasSize(1);
        assertThat(toCommune.get(0)).contains("mairie.versailles@demo.example", "Gravité\u00a0: Critique",
                "Violation de données personnelles\u00a0: oui", "Compte du directeur suspendu",
                "Informer les familles des élèves concernés.");
        assertThat(as("mairie.versailles").tasks()).as("the commune has nothing to do, it is told").isEmpty();

        JsonNode close = as("rssi").singleTask();
        assertThat(close.get("name").asText()).isEqualTo("Clore l'incident");
        assertThat(deployedForm("rssi", close)).contains("Form_CloreIncident");
        assertThat(as("rssi").submitForm(close.get("id").asText(), Map.of("rapportCloture",
                value("Mot de passe faible ; MFA imposée aux directeurs."))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(as("daces").getJson("/history/process-instance?processInstanceId=" + id).get(0).get("state").asText())
                .isEqualTo("COMPLETED");
        assertThat(as("rssi").getJson("/history/variable-instance?processInstanceId=" + id
                + "&variableName=referenceNotificationCnil").get(0).get("value").asText()).isEqualTo("CNIL-2026-0815");
    }

    private static java.time.Instant parseRestDate(String text) {
        return java.time.OffsetDateTime.parse(text, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
    }

    private static List<String> ids(JsonNode instances) {
        List<String> ids = new ArrayList<>();
        instances.forEach(instance -> ids.add(instance.get("id").asText()));
        return ids;
    }

    private static String message(ResponseEntity<String> response) throws Exception {
        return JSON.readTree(response.getBody()).get("message").asText();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
