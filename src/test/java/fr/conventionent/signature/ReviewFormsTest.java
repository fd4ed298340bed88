package fr.conventionent.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Each review step of the circuit shows its own form, whose checklist is the one the server requires
 * ({@link ReviewChecklist}): same keys, same labels, each box required once the reviewer chooses to pass the
 * document on, hidden on a rejection.
 */
class ReviewFormsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BpmnModelInstance CIRCUIT = Bpmn.readModelFromFile(Path.of("bpmn/signature-circuit.bpmn").toFile());

    private static JsonNode formOf(String step) throws Exception {
        String formId = CIRCUIT.<UserTask>getModelElementById(step).getCamundaFormRef();
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
                JsonNode json = JSON.readTree(form.toFile());
                if (formId.equals(json.path("id").asText())) {
                    return json;
                }
            }
        }
        throw new AssertionError("Formulaire " + formId + " introuvable");
    }

    @ParameterizedTest
    @ValueSource(strings = {SignatureCircuitProcess.TASK_TRANSMIT_BY_IEN, SignatureCircuitProcess.TASK_VERIFY_BY_TICE,
            SignatureCircuitProcess.TASK_VALIDATE_BY_DASEN, SignatureCircuitProcess.TASK_TRANSMIT_FOR_SIGNATURE})
    void theFormsChecklistIsTheOneTheServerRequires(String step) throws Exception {
        JsonNode form = formOf(step);
        List<ReviewChecklist.Item> boxes = new ArrayList<>();
        for (JsonNode component : form.path("components")) {
            if ("checkbox".equals(component.path("type").asText())) {
                boxes.add(new ReviewChecklist.Item(component.path("key").asText(), component.path("label").asText()));
                assertThat(component.at("/validate/required").asBoolean()).as(component.path("key").asText()).isTrue();
                assertThat(component.at("/conditional/hide").asText()).isEqualTo("=decision != \"valider\"");
            }
        }
        assertThat(boxes).isEqualTo(ReviewChecklist.of(step));
        assertThat(form.toString()).contains("{{documentCircuit}}", "{{lienConventionPdf}}", "annexe 2 §1");
    }

    @Test
    void everyReviewStepHasAFormOfItsOwn() throws Exception {
        List<String> ids = new ArrayList<>();
        for (String step : List.of(SignatureCircuitProcess.TASK_TRANSMIT_BY_IEN,
                SignatureCircuitProcess.TASK_VERIFY_BY_TICE, SignatureCircuitProcess.TASK_VALIDATE_BY_DASEN,
                SignatureCircuitProcess.TASK_TRANSMIT_FOR_SIGNATURE)) {
            ids.add(formOf(step).path("id").asText());
        }
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void theCircuitsFormsAndMailsUseOneKindOfApostrophe() throws Exception {
        for (String file : List.of("forms/transmettre-ien.form", "forms/verifier-tice.form",
                "forms/valider-dasen.form", "forms/transmettre-daces.form", "forms/signer-exemplaires.form",
                "forms/signer-convention-recteur.form", "forms/numeriser-convention.html",
                "src/main/resources/mails/convention-signee-commune.txt", "src/main/resources/mails/tache.txt")) {
            assertThat(Files.readString(Path.of(file))).as(file).doesNotContain("\u2019");
        }
    }
}
