package fr.conventionent.signature;

import static fr.conventionent.signature.SignatureCircuitProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.conventionent.demo.SampleConventions;
import fr.conventionent.document.ConventionDocument;
import fr.conventionent.document.DocumentLinksListener;
import fr.conventionent.document.PdfDocuments;
import fr.conventionent.kernel.ConventionDataMapper;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.support.Circuits;
import fr.conventionent.support.DocxText;
import fr.conventionent.support.EngineTest;

/**
 * The PDF is what circulates: each step of the circuit records the SHA-256 of the PDF it saw, its task shows it,
 * the bordereau de circuit lists it, and the signed scan is kept with the fingerprint of the version it signs.
 */
class CircuitFingerprintTest extends EngineTest {

    private static final String NUMERO = "CONV-78646-2026-43";

    @Autowired
    ConventionDocument document;
    @Autowired
    PdfDocuments pdfDocuments;

    @Test
    void eachStepRecordsThePdfItSawAndTheScanIsLinkedToTheVersionItSigns() throws Exception {
        Map<String, Object> variables = new HashMap<>(SampleConventions.completion("78646", "Versailles", 2));
        variables.put(ConventionVariables.CONVENTION_NUMERO, NUMERO);
        variables.put(ConventionVariables.COMMUNE_LIBELLE, "Versailles");
        variables.put(ConventionVariables.DEPARTEMENT, "78");
        variables.put(ConventionVariables.CIRCONSCRIPTION, "versailles");
        byte[] docx = document.generate(ConventionDataMapper.read(variables), NUMERO, 1);
        byte[] pdf = pdfDocuments.toPdf(docx);
        String v1 = PdfDocuments.sha256(pdf);
        variables.put(ConventionVariables.CONVENTION_DOCX, Variables.fileValue("convention.docx").file(docx).create());
        variables.put(ConventionVariables.CONVENTION_PDF, pdfFile(pdf));
        ProcessInstance circuit = runtimeService.startProcessInstanceByKey(KEY, NUMERO, variables);

        // Given the commune signed and the IEN transmitted the first version
        complete(circuit, Circuits.signedCopies());
        Task ien = task(circuit);
        assertThat(taskService.getVariableLocal(ien.getId(), DocumentLinksListener.EMPREINTE_CONVENTION))
                .as("la tâche montre l'empreinte du PDF").isEqualTo(v1);
        assertThat((String) taskService.getVariableLocal(ien.getId(), DocumentLinksListener.LIEN_CONVENTION_PDF))
                .endsWith("/variables/conventionPdf/data");
        complete(circuit, Circuits.approve());
        // When the PDF changes before the next step (a second version), then the circuit goes on
        byte[] secondPdf = pdfDocuments.toPdf(document.generate(ConventionDataMapper.read(variables), NUMERO, 2));
        String v2 = PdfDocuments.sha256(secondPdf);
        runtimeService.setVariable(circuit.getId(), ConventionVariables.CONVENTION_PDF, pdfFile(secondPdf));
        assertThat(taskService.getVariableLocal(task(circuit).getId(), DocumentLinksListener.EMPREINTE_CONVENTION))
                .as("créée avant le changement, la tâche montre la version qu'elle a reçue").isEqualTo(v1);
        for (Map<String, Object> submission : List.of(Circuits.approve(), Circuits.approve(), Circuits.approve(),
                Circuits.recteurSignsToday())) {
            complete(circuit, submission);
        }
        Map<String, Object> scan = Circuits.scanUploaded();
        String scanHash = PdfDocuments.sha256(((FileValue) scan.get(ConventionVariables.CONVENTION_SIGNEE_SCAN))
                .getValue().readAllBytes());
        complete(circuit, scan);
        executeDueJobs();
        assertThat(circuit).isEnded();

        // Then each step recorded the fingerprint of the PDF it saw
        List<Object> seen = JsonVariables.readList(historic(circuit, ConventionVariables.HISTORIQUE_CIRCUIT).getValue(),
                Map.class).stream().map(entry -> (Object) entry.get("empreinte")).toList();
        assertThat(seen)
                .containsExactly(v1, v1, v2, v2, v2, v2, v2);
        // and the scan is kept with the version it signs
        assertThat(historic(circuit, EMPREINTE_VERSION_SIGNEE).getValue()).isEqualTo(v2);
        assertThat(historic(circuit, EMPREINTE_SCAN).getValue()).isEqualTo(scanHash);
        // and the bordereau shows both
        String bordereau;
        try (InputStream in = ((FileValue) historic(circuit, BORDEREAU_CIRCUIT)).getValue()) {
            bordereau = DocxText.of(in.readAllBytes());
        }
        assertThat(bordereau).contains("PDF vu", "V1 : " + v1, "V2 : " + v2, "Empreinte SHA-256 du scan : " + scanHash,
                "Version signée : V2, empreinte SHA-256 " + v2)
                .containsSubsequence("Transmettre la convention (IEN de circonscription)", "V1",
                        "Vérifier la convention (IEN TICE)", "V2");
    }

    private static FileValue pdfFile(byte[] pdf) {
        return Variables.fileValue("convention.pdf").file(pdf).mimeType(PdfDocuments.MIME_TYPE).create();
    }

    private org.camunda.bpm.engine.variable.value.TypedValue historic(ProcessInstance circuit, String name) {
        return processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(circuit.getId())
                .variableName(name).disableCustomObjectDeserialization().singleResult().getTypedValue();
    }

    private Task task(ProcessInstance circuit) {
        return taskService.createTaskQuery().processInstanceId(circuit.getId()).singleResult();
    }

    private void complete(ProcessInstance circuit, Map<String, Object> variables) {
        taskService.complete(task(circuit).getId(), variables);
    }
}
