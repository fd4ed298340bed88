package fr.conventionent.config.guard;

import static fr.conventionent.support.EngineRest.json;
import static fr.conventionent.support.EngineRest.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.demo.SampleConventions;
import fr.conventionent.kernel.Contact;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.support.EngineApiDoor;
import fr.conventionent.support.EngineRest;
import fr.conventionent.support.EngineTest;
import fr.conventionent.support.WebSession;

/**
 * A curious commune agent or IEN with curl: every variable door of the engine, through the REST API and through the
 * API behind Tasklist, is closed to them (the data is the same afterwards), and a form carries only its own fields.
 * An administrator may still correct data, and every such change is journaled and shown in the registry.
 */
class VariableDoorsTest extends EngineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NANTERRE = "92050";

    @Autowired
    TestRestTemplate restTemplate;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    private ProcessInstance convention;
    private String numero;

    @BeforeEach
    void conventionOfNanterre() {
        convention = startConvention(NANTERRE);
        numero = runtimeService.createProcessInstanceQuery().processInstanceId(convention.getId()).singleResult()
                .getBusinessKey();
    }

    @ParameterizedTest(name = "{0} par {1}")
    @CsvSource({"rest, mairie.nanterre", "tasklist, mairie.nanterre", "rest, ien.nanterre", "tasklist, ien.nanterre"})
    void noVariableDoorOpensToACommuneAgentOrAnIen(String doorName, String user) throws Exception {
        if (user.startsWith("ien.")) {
            bringToTheIen();
        }
        Task task = openTask(convention);
        Snapshot before = snapshot(task);
        EngineApiDoor door = "rest".equals(doorName) ? EngineApiDoor.rest(port, user)
                : EngineApiDoor.tasklist(port, user);
        assertThat(door.send("GET", "/task/" + task.getId(), null).statusCode())
                .as("%s voit sa tâche", user).isEqualTo(200);

        String t = "/task/" + task.getId();
        String e = "/execution/" + task.getExecutionId();
        String p = "/process-instance/" + convention.getId();
        String rewrite = "{\"value\": \"78646\", \"type\": \"String\"}";
        String signed = "{\"value\": \"en-vigueur\", \"type\": \"String\"}";
        List<String> problems = new ArrayList<>();
        for (String[] call : new String[][] {
                {"PUT", t + "/variables/communeInsee", rewrite, "403"},
                {"PUT", t + "/localVariables/communeInsee", rewrite, "403"},
                {"POST", t + "/variables", "{\"modifications\": {\"communeInsee\": " + rewrite + "}}", "403"},
                {"POST", t + "/localVariables", "{\"modifications\": {\"statut\": " + signed + "}}", "403"},
                {"POST", t + "/variables", "{\"deletions\": [\"communeInsee\"]}", "403"},
                {"DELETE", t + "/variables/communeInsee", null, "403"},
                {"DELETE", t + "/localVariables/communeInsee", null, "403"},
                {"PUT", e + "/localVariables/statut", signed, "403"},
                {"POST", e + "/localVariables", "{\"modifications\": {\"statut\": " + signed + "}}", "403"},
                {"DELETE", e + "/localVariables/statut", null, "403"},
                {"PUT", p + "/variables/statut", signed, "403"},
                {"PUT", p + "/variables/dateSignature", "{\"value\": \"hier\", \"type\": \"String\"}", "403"},
                {"POST", p + "/variables", "{\"modifications\": {\"statut\": " + signed + "},"
                        + " \"deletions\": [\"communeInsee\"]}", "403"},
                {"DELETE", p + "/variables/communeInsee", null, "403"},
                {"PUT", "/case-execution/" + convention.getId() + "/variables/statut", signed, "403"},
                {"POST", "/case-instance/" + convention.getId() + "/variables",
                        "{\"modifications\": {\"statut\": " + signed + "}}", "403"},
                {"POST", t + "/submit-form", "{\"variables\": {\"statut\": " + signed + "}}", "400"},
                {"POST", t + "/complete", "{\"variables\": {\"communeInsee\": " + rewrite + "}}", "400"},
                {"POST", "/message", "{\"messageName\": \"FinDeConvention\", \"businessKey\": \"" + numero
                        + "\", \"processVariables\": {\"statut\": " + signed + "}}", "403"},
                {"POST", "/signal", "{\"name\": \"FinDeConvention\", \"variables\": {\"statut\": " + signed + "}}",
                        "403"},
                {"POST", "/process-definition/key/convention/start", "{\"variables\": {\"communeInsee\":"
                        + " {\"value\": \"" + NANTERRE + "\"}, \"statut\": " + signed + "}}", "400"},
                {"POST", "/process-definition/key/convention/submit-form", "{\"variables\": {\"communeInsee\":"
                        + " {\"value\": \"" + NANTERRE + "\"}, \"version\": {\"value\": 7}}}", "400"},
                {"POST", "/process-definition/key/convention/start", "{\"startInstructions\": [{\"type\":"
                        + " \"startBeforeActivity\", \"activityId\": \"CallActivity_SignatureCircuit\"}]}", "403"},
        }) {
            HttpResponse<String> answer = door.send(call[0], call[1], call[2]);
            if (user.startsWith("ien.") && call[1].startsWith("/process-definition/") && answer.statusCode() == 404) {
                continue; // an IEN does not even see the convention process: nothing to start
            }
            String expected = "400".equals(call[3]) ? "Saisie refusée : " : "Modification refusée : ";
            String message = message(answer.body());
            if (answer.statusCode() != Integer.parseInt(call[3]) || !message.startsWith(expected)
                    || answer.body().contains("Exception") || answer.body().contains("java.")) {
                problems.add(door + " " + call[0] + " " + call[1] + " → " + answer.statusCode() + " " + answer.body());
            }
        }
        assertThat(problems).as("portes restées ouvertes ou réponses mal formées").isEmpty();
        assertThat(snapshot(task)).as("rien n'a changé").isEqualTo(before);
    }

    @Test
    void aCommuneAgentMayWorkOnItsTaskButNotEditItAndIsToldSoInFrench() throws Exception {
        Task task = openTask(convention);
        EngineApiDoor mairie = EngineApiDoor.tasklist(port, "mairie.nanterre");

        HttpResponse<String> followUp = mairie.send("PUT", "/task/" + task.getId(), "{\"name\": \"Autre nom\","
                + " \"followUp\": \"2030-01-01T00:00:00.000+0100\"}");
        HttpResponse<String> delegated = mairie.send("POST", "/task/" + task.getId() + "/assignee",
                "{\"userId\": \"mairie.versailles\"}");
        HttpResponse<String> claimed = mairie.send("POST", "/task/" + task.getId() + "/claim",
                "{\"userId\": \"mairie.nanterre\"}");

        for (HttpResponse<String> refused : List.of(followUp, delegated)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(message(refused.body())).startsWith("Action refusée : sur une tâche, vous pouvez la prendre");
            assertThat(refused.body()).doesNotContain("Exception", "permission");
        }
        assertThat(claimed.statusCode()).as("prendre la tâche reste permis").isEqualTo(204);
        Task after = taskService.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(after.getName()).isEqualTo(task.getName());
        assertThat(after.getFollowUpDate()).isNull();
        assertThat(after.getAssignee()).isEqualTo("mairie.nanterre");
    }

    @Test
    void aRefusalNamesTheFieldAndTheForm() throws Exception {
        Task task = openTask(convention);
        HttpResponse<String> answer = EngineApiDoor.rest(port, "mairie.nanterre").send("POST",
                "/task/" + task.getId() + "/submit-form", "{\"variables\": {\"statut\": {\"value\": \"en-vigueur\"},"
                        + " \"maireNom\": {\"value\": {\"prenom\": \"Patrick\"}}}}");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(message(answer.body())).startsWith("Saisie refusée : ").contains("« statut » n'est pas un champ du"
                + " formulaire « Compléter la convention » : seuls ses champs peuvent être enregistrés.", "« Représentée"
                + " par (M./Mme, prénom et nom du maire) » attend du texte : un objet n'en est pas.");
    }

    @Test
    void aListWhosePartsHaveTheWrongTypeIsRefusedInFrench() throws Exception {
        Task task = openTask(convention);
        Map<String, Object> completion = completion();
        completion.put("ecoles", json(List.of(Map.of("uai", Map.of("code", "0921234A"), "nom", "École A",
                "adresse", "1, rue de Paris, 92000 Nanterre"))));

        var answer = new EngineRest(restTemplate, "mairie.nanterre").submitForm(task.getId(), completion);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(answer.getBody())).startsWith("Saisie refusée : Une liste ou un objet envoyé n'a pas la"
                + " forme attendue (ligne 1, champ « uai »)");
        assertThat(answer.getBody()).doesNotContain("java.", "Exception");
        assertThat(runtimeService.getVariable(convention.getId(), ConventionVariables.ECOLES)).isNull();
    }

    @Test
    void theFormsOwnFieldsStillGoThrough() {
        Task task = openTask(convention);
        EngineRest mairie = new EngineRest(restTemplate, "mairie.nanterre");
        assertThat(mairie.submitForm(task.getId(), completion()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(runtimeService.getVariable(convention.getId(), ConventionVariables.MAIRE_NOM))
                .isEqualTo("M. Patrick Jarry");
    }

    @Test
    void anAdministratorsChangeIsJournaledAndShownInTheRegistry() throws Exception {
        runtimeService.setVariable(convention.getId(), ConventionVariables.MAIRE_NOM, "M. Ancien Maire");
        EngineApiDoor admin = EngineApiDoor.tasklist(port, "admin");

        HttpResponse<String> answer = admin.send("PUT", "/process-instance/" + convention.getId()
                + "/variables/maireNom", "{\"value\": \"M. Patrick Jarry\", \"type\": \"String\"}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
        assertThat(runtimeService.getVariable(convention.getId(), ConventionVariables.MAIRE_NOM))
                .isEqualTo("M. Patrick Jarry");
        assertThat(jdbc.queryForList("select auteur || ' ' || operation || ' ' || valeur_avant || ' → ' || valeur_apres"
                + " from journal_modification where numero = ? and variable = 'maireNom'", String.class, numero))
                .containsExactly("admin modifiee M. Ancien Maire → M. Patrick Jarry");
        JsonNode detail = JSON.readTree(WebSession.loggedIn(port, "daces").get("/registre/api/conventions/" + numero)
                .body());
        List<String> timeline = new ArrayList<>();
        detail.get("chronologie").forEach(event -> timeline.add(event.path("etape").asText() + " | "
                + event.path("acteur").asText() + " | " + event.path("motif").asText()));
        assertThat(timeline).anySatisfy(line -> assertThat(line).contains("Donnée « maireNom » modifiée hors formulaire",
                "(admin)", "avant : « M. Ancien Maire » ; après : « M. Patrick Jarry »"));
    }

    @Test
    void anAdministratorCannotChangeAVariablesType() throws Exception {
        Date signature = new Date();
        runtimeService.setVariable(convention.getId(), ConventionVariables.DATE_SIGNATURE, signature);

        HttpResponse<String> answer = EngineApiDoor.rest(port, "admin").send("PUT", "/process-instance/"
                + convention.getId() + "/variables/dateSignature", "{\"value\": \"hier\", \"type\": \"String\"}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(message(answer.body())).isEqualTo("Saisie refusée : « dateSignature » est une date : la nouvelle"
                + " valeur doit l'être aussi (le texte « hier » reçu).");
        assertThat(runtimeService.getVariable(convention.getId(), ConventionVariables.DATE_SIGNATURE))
                .isEqualTo(signature);
        assertThat(jdbc.queryForObject("select count(*) from journal_modification where numero = ?", Integer.class,
                numero)).isZero();
    }

    private void bringToTheIen() {
        EngineRest mairie = new EngineRest(restTemplate, "mairie.nanterre");
        assertThat(mairie.submitForm(openTask(convention).getId(), completion()).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(mairie.submitForm(openTask(convention).getId(), Map.of("exemplairesSignes", value(true)))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(candidateGroupOf(openTask(convention))).startsWith("ien-circo-");
    }

    private static Map<String, Object> completion() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("communeNom", value("Nanterre"));
        variables.put("communeAdresse", value("88-118, rue du 8 mai 1945, 92000 Nanterre"));
        variables.put("maireNom", value("M. Patrick Jarry"));
        variables.put("ecoles", json(SampleConventions.schools(NANTERRE, "Nanterre", 2)));
        variables.put("referentEnt", json(new Contact("MARTIN Claire", "01 47 29 50 00", "ent@nanterre.example")));
        variables.put("correspondantsTechniques", json(List.of(
                new Contact("LEROY Anne", "0140000002", "anne.leroy@exploitant.example"))));
        variables.put("editeurEnt", value("Éditeur ENT Primaire"));
        variables.put("exploitantEnt", value("Exploitant Numérique SAS"));
        return variables;
    }

    /** What a refused write must leave as it was: the convention's variables, its open task, the registry row. */
    private Snapshot snapshot(Task task) {
        Map<String, String> variables = new LinkedHashMap<>(
                stringify("", runtimeService.getVariablesTyped(convention.getId(), false)));
        variables.putAll(stringify("tâche:", taskService.getVariablesLocalTyped(task.getId(), false)));
        return new Snapshot(variables, taskService.createTaskQuery().taskId(task.getId()).count(),
                runtimeService.createProcessInstanceQuery().processDefinitionKey(ConventionProcess.KEY).count(),
                jdbc.queryForList("select statut || ' ' || commune_insee from convention where numero = ?",
                        String.class, numero));
    }

    private static Map<String, String> stringify(String prefix, VariableMap values) {
        Map<String, String> strings = new LinkedHashMap<>();
        for (String name : values.keySet()) {
            TypedValue value = values.getValueTyped(name);
            strings.put(prefix + name, value instanceof FileValue file ? "fichier " + file.getFilename()
                    : value instanceof SerializableValue serializable ? serializable.getValueSerialized()
                    : String.valueOf(value.getValue()));
        }
        return strings;
    }

    private record Snapshot(Map<String, String> variables, long openTask, long conventions, List<String> registry) {
    }

    private static String message(String body) {
        try {
            return JSON.readTree(body).path("message").asText();
        } catch (Exception e) {
            return body;
        }
    }
}
