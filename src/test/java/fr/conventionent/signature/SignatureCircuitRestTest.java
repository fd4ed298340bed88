package fr.conventionent.signature;

import static fr.conventionent.support.EngineRest.file;
import static fr.conventionent.support.EngineRest.json;
import static fr.conventionent.support.EngineRest.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import fr.conventionent.convention.ConventionRecords;
import fr.conventionent.demo.MinimalPdf;
import fr.conventionent.demo.SampleConventions;
import fr.conventionent.kernel.Contact;
import fr.conventionent.kernel.Ecole;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.support.DocxText;
import fr.conventionent.support.EngineRest;
import fr.conventionent.support.EngineTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * A whole convention driven through the REST API by the demo users themselves, as Tasklist would:
 * the order of the groups, the generated DOCX, the mails, and what a commune may not see.
 * Runs on H2 here and on PostgreSQL in {@link SignatureCircuitRestPostgresTest}.
 */
class SignatureCircuitRestTest extends EngineTest {

    private static final List<Ecole> SCHOOLS = SampleConventions.schools("78646", "Versailles", 3);

    @Autowired
    TestRestTemplate restTemplate;

    @Autowired
    ConventionRecords records;

    private EngineRest as(String user) {
        return new EngineRest(restTemplate, user);
    }

    @Test
    void unauthenticatedCallsAreRefused() {
        assertThat(as(null).get("/task").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(new EngineRest(restTemplate.withBasicAuth("rssi", "mauvais"), null).get("/task")
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void demoUsersTakeAConventionThroughTheWholeCircuit() throws Exception {
        EngineRest mairie = as("mairie.versailles");
        ResponseEntity<String> started = mairie.post("/process-definition/key/convention/submit-form",
                Map.of("variables", Map.of("communeInsee", value("78646"))));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        String conventionId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(started.getBody()).get("id").asText();

        List<String> groups = new ArrayList<>();
        JsonNode complete = mairie.singleTask();
        groups.add(mairie.candidateGroup(complete.get("id").asText()));
        assertThat(complete.get("name").asText()).isEqualTo("Compléter la convention");

        ResponseEntity<String> refused = mairie.submitForm(complete.get("id").asText(), completion(List.of()));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("Saisie refusée : L'annexe 1 doit comporter au moins une école.");
        assertThat(mairie.getJson("/process-instance/" + conventionId + "/variables").has("communeNom")).isFalse();

        Map<String, Object> badDpo = completion(SCHOOLS);
        badDpo.put("dpoCommune", json(new Contact("", null, "dpo.versailles")));
        ResponseEntity<String> dpoRefused = mairie.submitForm(complete.get("id").asText(), badDpo);
        assertThat(dpoRefused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(dpoRefused.getBody()).contains("Le nom et prénom sont obligatoires pour le délégué à la protection"
                + " des données de la commune.", "L'adresse de messagerie « dpo.versailles » du délégué à la protection"
                + " des données de la commune n'est pas valide.").doesNotContain("Exception");
        assertThat(mairie.getJson("/process-instance/" + conventionId + "/variables").has("dpoCommune")).isFalse();

        Map<String, Object> withDpo = completion(SCHOOLS);
        withDpo.put("dpoCommune", json(new Contact(" BERNARD Lucie ", null, "DPO@Versailles.example")));
        assertThat(mairie.submitForm(complete.get("id").asText(), withDpo).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        String numero = mairie.getJson("/process-instance/" + conventionId).get("businessKey").asText();
        assertThat(records.latest(numero).orElseThrow().dpoCommune())
                .isEqualTo(new Contact("BERNARD Lucie", null, "dpo@versailles.example"));

        JsonNode signCopies = mairie.singleTask();
        groups.add(mairie.candidateGroup(signCopies.get("id").asText()));
        String docx = DocxText.of(mairie.getBytes("/task/" + signCopies.get("id").asText()
                + "/variables/conventionDocx/data").getBody());
        assertThat(docx).contains("La commune de Versailles", "DURAND Paul");
        for (Ecole ecole : SCHOOLS) {
            assertThat(docx).contains(ecole.uai(), ecole.nom());
        }

        assertCommuneCannotSeeVersailles("mairie.nanterre", conventionId, signCopies.get("id").asText());

        mairie.submitForm(signCopies.get("id").asText(), Map.of("exemplairesSignes", value(true)));
        for (String reviewer : List.of("ien.versailles", "tice.78", "dasen.78", "daces")) {
            JsonNode task = as(reviewer).singleTask();
            groups.add(as(reviewer).candidateGroup(task.get("id").asText()));
            assertThat(as(reviewer).submitForm(task.get("id").asText(), approval(task))
                    .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }
        JsonNode sign = as("recteur").singleTask();
        groups.add(as("recteur").candidateGroup(sign.get("id").asText()));
        String today = FrenchFormats.toLocalDate(ClockUtil.getCurrentTime()).toString();
        as("recteur").submitForm(sign.get("id").asText(),
                Map.of("decision", value("valider"), "dateSignature", value(today)));

        JsonNode upload = as("daces").singleTask();
        groups.add(as("daces").candidateGroup(upload.get("id").asText()));
        ResponseEntity<String> notPdf = as("daces").submitForm(upload.get("id").asText(), Map.of(
                "conventionSigneeScan", file("scan.pdf", "application/pdf", "pas un pdf".getBytes())));
        assertThat(notPdf.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notPdf.getBody()).contains("n'est pas un PDF");
        assertThat(as("daces").submitForm(upload.get("id").asText(), Map.of("conventionSigneeScan",
                file("scan.pdf", "application/pdf", MinimalPdf.withText("Convention signee")))).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        executeDueJobs();

        assertThat(groups).containsExactly("commune-78646", "commune-78646", "ien-circo-versailles", "ien-tice-78",
                "dasen-78", "daces", "recteur", "daces");
        JsonNode variables = mairie.getJson("/process-instance/" + conventionId + "/variables");
        assertThat(variables.at("/statut/value").asText()).isEqualTo("en-vigueur");
        assertThat(variables.at("/historiqueCircuit/type").asText()).isEqualTo("Json");

        assertMailsSent();
    }

    @Test
    void aReviewerWhoLeavesAPointOfTheChecklistUntickedIsRefusedAndNothingChanges() throws Exception {
        EngineRest mairie = as("mairie.versailles");
        mairie.post("/process-definition/key/convention/submit-form",
                Map.of("variables", Map.of("communeInsee", value("78646"))));
        mairie.submitForm(mairie.singleTask().get("id").asText(), completion(SCHOOLS));
        mairie.submitForm(mairie.singleTask().get("id").asText(), Map.of("exemplairesSignes", value(true)));
        EngineRest ien = as("ien.versailles");
        JsonNode task = ien.singleTask();
        Map<String, Object> incomplete = new LinkedHashMap<>(approval(task));
        ReviewChecklist.Item unticked = ReviewChecklist.of(SignatureCircuitProcess.TASK_TRANSMIT_BY_IEN).get(1);
        incomplete.put(unticked.key(), value(false));

        ResponseEntity<String> refused = ien.submitForm(task.get("id").asText(), incomplete);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("Cochez chaque point de la liste de contrôle", unticked.label())
                .doesNotContain("Exception");
        assertThat(ien.singleTask().get("id").asText()).isEqualTo(task.get("id").asText());
        // the IEN step runs once per circonscription: its decision variable exists from the start, empty
        JsonNode decision = ien.getJson("/task/" + task.get("id").asText() + "/variables").path("decision")
                .path("value");
        assertThat(decision.isMissingNode() || decision.isNull()).as("aucune décision enregistrée").isTrue();

        ResponseEntity<String> rejected = ien.submitForm(task.get("id").asText(),
                Map.of("decision", value("rejeter"), "motif", value("Il manque la page des coordonnées.")));
        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** What a review step's form sends to pass the document on: the decision and every point of its checklist. */
    private static Map<String, Object> approval(JsonNode task) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("decision", value("valider"));
        ReviewChecklist.of(task.get("taskDefinitionKey").asText()).forEach(item -> variables.put(item.key(), value(true)));
        return variables;
    }

    private void assertCommuneCannotSeeVersailles(String other, String conventionId, String taskId) {
        EngineRest nanterre = as(other);
        assertThat(nanterre.tasks()).isEmpty();
        assertThat(nanterre.getJson("/process-instance")).isEmpty();
        assertThat(nanterre.getJson("/variable-instance?processInstanceIdIn=" + conventionId)).isEmpty();
        assertThat(nanterre.getJson("/history/process-instance?processInstanceId=" + conventionId)).isEmpty();
        assertThat(nanterre.getBytes("/task/" + taskId + "/variables/conventionDocx/data").getStatusCode().value())
                .isIn(403, 404);
        assertThat(nanterre.get("/process-instance/" + conventionId + "/variables").getStatusCode().value())
                .isIn(403, 404);

        EngineRest versailles = as("mairie.versailles");
        assertThat(versailles.getJson("/process-instance")).isNotEmpty();
        assertThat(versailles.getJson("/variable-instance?processInstanceIdIn=" + conventionId)).isNotEmpty();
    }

    private void assertMailsSent() throws Exception {
        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        List<String> assigned = new ArrayList<>();
        List<String> followUp = new ArrayList<>();
        MimeMessage toDsiAndDpo = null;
        for (MimeMessage message : received) {
            String recipients = Arrays.toString(message.getRecipients(Message.RecipientType.TO));
            if (message.getSubject().startsWith("[Convention ENT] À faire\u00a0: ")) {
                if (FOLLOW_UP_TASKS.stream().anyMatch(message.getSubject()::contains)) {
                    followUp.add(message.getSubject());
                } else {
                    assigned.add(recipients);
                }
            }
            if (message.getSubject().startsWith("[Convention ENT] Convention signée ")) {
                toDsiAndDpo = message;
            }
        }
        // 8 steps of the convention and its circuit, then the DSI asked to set up the AAF deliveries (livraison-aaf)
        assertThat(assigned).hasSize(9);
        // once signed, the convention in force asks for the CNIL formalities and the users' charter
        assertThat(followUp).hasSize(FOLLOW_UP_TASKS.size());
        assertThat(String.join(" ", assigned)).contains("mairie.versailles@demo.example", "ien.versailles@demo.example",
                "tice.78@demo.example", "dasen.78@demo.example", "daces@demo.example", "recteur@demo.example",
                "dsi@demo.example");
        assertThat(toDsiAndDpo).isNotNull();
        assertThat(Arrays.toString(toDsiAndDpo.getAllRecipients())).contains("dsi@demo.example", "dpo@demo.example");
        MimeMultipart parts = (MimeMultipart) toDsiAndDpo.getContent();
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("application/pdf");
        assertThat(parts.getBodyPart(1).getInputStream().readAllBytes()).startsWith("%PDF-".getBytes());
    }

    /**
     * Tasks created at once once signed: the posting of the commune's copy, then those of the convention in force
     * (docs/cycle-de-vie.md).
     */
    private static final List<String> FOLLOW_UP_TASKS = List.of("Envoyer l'exemplaire de la commune",
            "Confirmer les formalités CNIL de la commune",
            "Confirmer les formalités CNIL de l’académie", "Enregistrer l’adoption de la charte en conseil d’école");

    private static Map<String, Object> completion(List<Ecole> schools) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("communeNom", value("Versailles"));
        variables.put("communeAdresse", value("4, avenue de Paris, 78000 Versailles"));
        variables.put("maireNom", value("M. François de Mazières"));
        variables.put("ecoles", json(schools));
        variables.put("referentEnt", json(new Contact("DURAND Paul", "01 30 97 28 00", "referent.ent@versailles.example")));
        variables.put("correspondantsTechniques", json(List.of(
                new Contact("LEROY Anne", "0140000002", "anne.leroy@exploitant.example"))));
        variables.put("editeurEnt", value("Éditeur ENT Primaire"));
        variables.put("exploitantEnt", value("Exploitant Numérique SAS"));
        return variables;
    }
}
