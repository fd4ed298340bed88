package fr.conventionent.support;

import static fr.conventionent.support.EngineRest.file;
import static fr.conventionent.support.EngineRest.json;
import static fr.conventionent.support.EngineRest.value;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import fr.conventionent.demo.MinimalPdf;
import fr.conventionent.demo.SampleConventions;
import fr.conventionent.kernel.Contact;
import fr.conventionent.kernel.ConventionDates;

/**
 * A convention taken from its start to its signed scan through the REST API of whichever node, one step per call,
 * each step submitted as Tasklist would. The journey is resumable: it always acts on the convention's open task, so a
 * step refused because a node died is simply done again on the node that is up.
 */
public final class CircuitJourney {

    /** The steps, in order: "Compléter la convention", then the circuit's 7 steps. */
    public static final List<String> STEPS = List.of("UserTask_CompleteConvention", "UserTask_SignCopies",
            "UserTask_TransmitByIen", "UserTask_VerifyByTice", "UserTask_ValidateByDasen",
            "UserTask_TransmitForSignature", "UserTask_SignByRecteur", "UserTask_UploadSignedScan");

    private final String insee;
    private final String businessKey;

    private CircuitJourney(String insee, String businessKey) {
        this.insee = insee;
        this.businessKey = businessKey;
    }

    /** Opens a convention for {@code insee} as {@code user} (the commune's agent, or the DACES/admin for any). */
    public static CircuitJourney open(NodeRest user, String insee) {
        JsonNode started = user.post("/process-definition/key/convention/submit-form",
                Map.of("variables", Map.of("communeInsee", value(insee)))).json();
        String businessKey = started.path("businessKey").asText("");
        if (businessKey.isEmpty() || "null".equals(businessKey)) {
            businessKey = user.get("/process-instance/" + started.get("id").asText()).get("businessKey").asText();
        }
        return new CircuitJourney(insee, businessKey);
    }

    public String businessKey() {
        return businessKey;
    }

    /** The convention's open task (in the convention or its circuit), or null once none is left. */
    public JsonNode openTask(NodeRest user) {
        List<JsonNode> tasks = user.list("/task?processInstanceBusinessKey=" + businessKey
                + "&taskDefinitionKeyIn=" + String.join(",", STEPS));
        return tasks.isEmpty() ? null : tasks.get(0);
    }

    /**
     * Submits the open step as {@code user}.
     *
     * @return the step submitted, or null when the circuit is over
     * @throws IOException when the node does not answer (killed): the step is still open, do it again
     */
    public String advance(NodeRest user) throws IOException {
        JsonNode task = openTask(user);
        if (task == null) {
            return null;
        }
        String step = task.get("taskDefinitionKey").asText();
        NodeRest.Answer answer = user.submitForm(task.get("id").asText(), submission(step));
        if (!answer.ok()) {
            throw new IOException(step + " de " + businessKey + " refusée : " + answer.status() + " " + answer.body());
        }
        return step;
    }

    private Map<String, Object> submission(String step) {
        return switch (step) {
            case "UserTask_CompleteConvention" -> completion();
            case "UserTask_SignCopies" -> Map.of("exemplairesSignes", value(true));
            case "UserTask_SignByRecteur" -> Map.of("decision", value("valider"),
                    "dateSignature", value(LocalDate.now(ConventionDates.ZONE).toString()));
            case "UserTask_UploadSignedScan" -> Map.of("conventionSigneeScan",
                    file("scan.pdf", "application/pdf", MinimalPdf.withText("Convention signee " + businessKey)));
            default -> approval(step);
        };
    }

    /** A review step passed on, every point of its checklist ticked. */
    private static Map<String, Object> approval(String step) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("decision", value("valider"));
        Circuits.checklist(step).forEach((key, ticked) -> variables.put(key, value(ticked)));
        return variables;
    }

    private Map<String, Object> completion() {
        String commune = "Commune " + insee;
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("communeNom", value(commune));
        variables.put("communeAdresse", value("Hôtel de ville, " + commune));
        variables.put("maireNom", value("Mme Catherine Martin"));
        variables.put("ecoles", json(SampleConventions.schools(insee, commune, 2)));
        variables.put("referentEnt", json(new Contact("DURAND Paul", "01 30 97 28 00",
                "referent." + insee + "@commune.example")));
        variables.put("correspondantsTechniques", json(List.of(
                new Contact("LEROY Anne", "0140000002", "anne.leroy@exploitant.example"))));
        variables.put("editeurEnt", value("Éditeur ENT Primaire"));
        variables.put("exploitantEnt", value("Exploitant Numérique SAS"));
        return variables;
    }
}
