package fr.conventionent.signature;

import static fr.conventionent.signature.SignatureCircuitProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import fr.conventionent.demo.SampleConventions;
import fr.conventionent.document.ConventionDocument;
import fr.conventionent.kernel.ConventionDataMapper;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.support.Circuits;
import fr.conventionent.support.DocxText;
import fr.conventionent.support.EngineTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

class SignatureCircuitProcessTest extends EngineTest {

    private static final String NUMERO = "CONV-78646-2026-42";

    @Autowired
    ConventionDocument document;

    private ProcessInstance startCircuit() {
        return startCircuit(Map.of());
    }

    private ProcessInstance startCircuit(Map<String, Object> extra) {
        Map<String, Object> variables = new HashMap<>(SampleConventions.completion("78646", "Versailles", 2));
        variables.putAll(extra);
        variables.put(ConventionVariables.CONVENTION_NUMERO, NUMERO);
        variables.put(ConventionVariables.COMMUNE_LIBELLE, "Versailles");
        variables.put(ConventionVariables.DEPARTEMENT, "78");
        variables.put(ConventionVariables.CIRCONSCRIPTION, "versailles");
        byte[] docx = document.generate(ConventionDataMapper.read(variables), NUMERO, 1);
        variables.put(ConventionVariables.CONVENTION_DOCX, Variables.fileValue("convention.docx").file(docx).create());
        return runtimeService.startProcessInstanceByKey(KEY, NUMERO, variables);
    }

    private Task task(ProcessInstance circuit) {
        return taskService.createTaskQuery().processInstanceId(circuit.getId()).singleResult();
    }

    private void complete(ProcessInstance circuit, Map<String, Object> variables) {
        taskService.complete(task(circuit).getId(), variables);
    }

    @Test
    void happyPathFollowsAnnexe2OrderAndDistributesTheSignedScan() throws Exception {
        ProcessInstance circuit = startCircuit();
        List<String> groups = new ArrayList<>();
        List<Map<String, Object>> submissions = List.of(Circuits.signedCopies(), Circuits.approve(),
                Circuits.approve(), Circuits.approve(), Circuits.approve(), Circuits.recteurSignsToday(),
                Circuits.scanUploaded());
        for (Map<String, Object> submission : submissions) {
            groups.add(candidateGroupOf(task(circuit)));
            complete(circuit, submission);
        }
        assertThat(groups).containsExactly("commune-78646", "ien-circo-versailles", "ien-tice-78", "dasen-78",
                "daces", "recteur", "daces");

        assertThat(circuit).isWaitingAt(TASK_SEND_TO_DSI_AND_DPO);
        executeDueJobs();
        assertThat(circuit).isEnded().hasPassed(TASK_FILE_IN_SHARED_FOLDER, TASK_NOTIFY_COMMUNE, TASK_ARCHIVE)
                .variables().containsEntry(RESULTAT, RESULTAT_SIGNEE);

        MimeMessage toDsi = GREEN_MAIL.getReceivedMessagesForDomain("demo.example").length == 0 ? null
                : java.util.Arrays.stream(GREEN_MAIL.getReceivedMessages())
                        .filter(m -> subject(m).startsWith("[Convention ENT] Convention signée " + NUMERO))
                        .findFirst().orElse(null);
        assertThat(toDsi).as("courriel à la DSI et au DPO").isNotNull();
        assertThat(recipients(toDsi)).contains("dsi@demo.example", "dpo@demo.example");
        MimeMultipart parts = (MimeMultipart) toDsi.getContent();
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("Convention-ENT-" + NUMERO + "-signee.pdf");

        assertThat(Files.readAllBytes(Path.of("target/test-data/repertoire-partage", NUMERO,
                "Convention-ENT-" + NUMERO + "-signee.pdf"))).startsWith("%PDF-".getBytes());
        assertThat(Path.of("target/test-data/archives", NUMERO, "convention.docx")).exists();
        assertThat(java.util.Arrays.stream(GREEN_MAIL.getReceivedMessages()).map(m -> subject(m)))
                .contains("[Convention ENT] Votre convention " + NUMERO + " est signée");
    }

    @Test
    void signedCircuitProducesTheBordereauDeCircuitAndArchivesIt() throws Exception {
        ProcessInstance circuit = startCircuit();
        complete(circuit, Circuits.signedCopies());
        var identityService = processEngine.getIdentityService();
        identityService.setAuthentication("ien.versailles", List.of("ien-circo-versailles"));
        try {
            // a logged-in reviewer may send only their form's fields: the IEN's checklist
            Map<String, Object> ienApproval = new HashMap<>(Circuits.checklist(TASK_TRANSMIT_BY_IEN));
            ienApproval.put(ConventionVariables.DECISION, ConventionVariables.DECISION_VALIDER);
            complete(circuit, ienApproval);
        } finally {
            identityService.clearAuthentication();
        }
        for (Map<String, Object> submission : List.of(Circuits.approve(), Circuits.approve(), Circuits.approve(),
                Circuits.recteurSignsToday(), Circuits.scanUploaded())) {
            complete(circuit, submission);
        }
        executeDueJobs();
        assertThat(circuit).isEnded().hasPassed(TASK_GENERATE_CIRCUIT_EVIDENCE, TASK_ARCHIVE);

        String fileName = "Bordereau-circuit-" + NUMERO + ".docx";
        FileValue bordereau = (FileValue) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(circuit.getId()).variableName(BORDEREAU_CIRCUIT).disableCustomObjectDeserialization()
                .singleResult().getTypedValue();
        assertThat(bordereau.getFilename()).isEqualTo(fileName);
        assertThat(bordereau.getMimeType()).isEqualTo(ConventionDocument.MIME_TYPE);
        String text;
        try (InputStream in = bordereau.getValue()) {
            text = DocxText.of(in.readAllBytes());
        }
        assertThat(text).contains("Bordereau de circuit", NUMERO, "Commune : Versailles").doesNotContain("Tour")
                .containsSubsequence("Signer la convention en 2 exemplaires", "Effectuée",
                        "Transmettre la convention (IEN de circonscription)", "ien-circo-versailles",
                        "ien.versailles", "IEN Circonscription versailles", "Validée",
                        "Vérifier la convention (IEN TICE)", "Validée",
                        "Valider la convention (IA-DASEN)", "Validée",
                        "Transmettre la convention pour signature (DACES)", "Validée",
                        "Signer la convention (Recteur)", "Validée",
                        "Numériser et déposer la convention signée", "Effectuée",
                        "Document établi automatiquement le");
        assertThat(text.split("Validée|Effectuée", -1)).hasSize(8);

        Path archived = Path.of("target/test-data/archives", NUMERO, fileName);
        assertThat(archived).exists();
        assertThat(DocxText.of(Files.readAllBytes(archived))).isEqualTo(text);
    }

    @Test
    void anAvenantsCircuitNamesTheAvenantInEveryTaskAndItsForms() throws Exception {
        ProcessInstance circuit = startCircuit(Map.of("avenantNumero", 2));
        List<String> names = new ArrayList<>();
        for (Map<String, Object> submission : List.of(Circuits.signedCopies(), Circuits.approve(), Circuits.approve(),
                Circuits.approve(), Circuits.approve(), Circuits.recteurSignsToday(), Circuits.scanUploaded())) {
            Task task = task(circuit);
            names.add(task.getName());
            if (names.size() == 1) {
                assertThat(taskService.getVariables(task.getId())).containsEntry(DOCUMENT_CIRCUIT, "l'avenant n° 2")
                        .containsEntry(TITRE_CIRCUIT, "Avenant n° 2 à la convention " + NUMERO);
                assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of()))
                        .hasMessageContaining("Confirmez que les 2 exemplaires de l'avenant n° 2 ont été signés");
            }
            complete(circuit, submission);
        }
        assertThat(names).containsExactly("Signer l'avenant n° 2 en 2 exemplaires",
                "Transmettre l'avenant n° 2 (IEN de circonscription)", "Vérifier l'avenant n° 2 (IEN TICE)",
                "Valider l'avenant n° 2 (IA-DASEN)", "Transmettre l'avenant n° 2 pour signature (DACES)",
                "Signer l'avenant n° 2 (Recteur)", "Numériser et déposer l'avenant n° 2 signé");
        assertThat(names).noneMatch(name -> name.contains("convention"));

        executeDueJobs();
        assertThat(java.util.Arrays.stream(GREEN_MAIL.getReceivedMessages()).map(m -> subject(m)))
                .contains("[Convention ENT] À faire\u00a0: Signer l'avenant n° 2 en 2 exemplaires – " + NUMERO
                        + " (Versailles)");
    }

    @Test
    void aConventionsCircuitStillSaysLaConvention() {
        ProcessInstance circuit = startCircuit();
        assertThat(task(circuit).getName()).isEqualTo(NAME_SIGN_COPIES);
        complete(circuit, Circuits.signedCopies());
        assertThat(task(circuit).getName()).isEqualTo("Transmettre la convention (IEN de circonscription)");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void eachReviewStepRefusesToPassOnWithAPointOfItsChecklistUnticked(int reviewStep) {
        ProcessInstance circuit = startCircuit();
        complete(circuit, Circuits.signedCopies());
        for (int i = 0; i < reviewStep; i++) {
            complete(circuit, Circuits.approve());
        }
        String step = REVIEW_STEPS[reviewStep];
        assertThat(circuit).isWaitingAt(step);
        List<ReviewChecklist.Item> checklist = ReviewChecklist.of(step);
        assertThat(checklist).as("liste de contrôle de " + step).hasSizeGreaterThanOrEqualTo(2);

        Map<String, Object> lastUnticked = new HashMap<>(Circuits.approve());
        lastUnticked.put(checklist.get(checklist.size() - 1).key(), false);
        assertThatThrownBy(() -> complete(circuit, lastUnticked))
                .hasMessageContaining("Cochez chaque point de la liste de contrôle")
                .hasMessageContaining(checklist.get(checklist.size() - 1).label())
                .hasMessageNotContaining(checklist.get(0).label());
        Map<String, Object> noneTicked = new HashMap<>(SampleConventions.decision(ConventionVariables.DECISION_VALIDER,
                null));
        assertThatThrownBy(() -> complete(circuit, noneTicked)).hasMessageContaining(checklist.get(0).label());

        assertThat(circuit).isWaitingAt(step);
        assertThat(runtimeService.getVariable(circuit.getId(), ConventionVariables.DECISION)).isNull();
        assertThat(runtimeService.getVariable(circuit.getId(), checklist.get(0).key())).isNull();
    }

    @Test
    void theCheckedPointsOfEveryReviewerAreRecordedInTheCircuitRecord() throws Exception {
        ProcessInstance circuit = startCircuit();
        for (Map<String, Object> submission : List.of(Circuits.signedCopies(), Circuits.approve(), Circuits.approve(),
                Circuits.approve(), Circuits.approve(), Circuits.recteurSignsToday(), Circuits.scanUploaded())) {
            complete(circuit, submission);
        }
        executeDueJobs();

        var journal = CircuitEvidenceDocument.entries(fr.conventionent.kernel.JsonVariables.readList(
                historicValue(circuit, ConventionVariables.HISTORIQUE_CIRCUIT), Map.class));
        for (String step : List.of(TASK_TRANSMIT_BY_IEN, TASK_VERIFY_BY_TICE, TASK_VALIDATE_BY_DASEN,
                TASK_TRANSMIT_FOR_SIGNATURE)) {
            assertThat(journal).filteredOn(entry -> step.equals(entry.cle())).singleElement()
                    .extracting(CircuitEvidenceDocument.Entry::verifications)
                    .isEqualTo(ReviewChecklist.of(step).stream().map(ReviewChecklist.Item::label).toList());
        }
        assertThat(journal).filteredOn(entry -> TASK_SIGN_BY_RECTEUR.equals(entry.cle())).singleElement()
                .extracting(CircuitEvidenceDocument.Entry::verifications).asList().isEmpty();

        FileValue bordereau = (FileValue) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(circuit.getId()).variableName(BORDEREAU_CIRCUIT).disableCustomObjectDeserialization()
                .singleResult().getTypedValue();
        try (InputStream in = bordereau.getValue()) {
            assertThat(DocxText.of(in.readAllBytes())).contains("Points vérifiés")
                    .containsSubsequence("Vérifier la convention (IEN TICE)",
                            ReviewChecklist.of(TASK_VERIFY_BY_TICE).get(0).label());
        }
    }

    @Test
    void aCircuitStartedBeforeTheChecklistsGoesOnWithoutThem() throws Exception {
        // the circuit as deployed before: no checklist listener on its review steps
        String earlier = Files.readString(Path.of("bpmn/signature-circuit.bpmn")).replace(
                "<camunda:taskListener delegateExpression=\"${reviewChecklistListener}\" event=\"complete\" />", "");
        var repository = processEngine.getRepositoryService();
        var deployment = repository.createDeployment().name("circuit antérieur aux listes de contrôle")
                .addString("signature-circuit.bpmn", earlier).deploy();
        try {
            String definitionId = repository.createProcessDefinitionQuery().deploymentId(deployment.getId())
                    .singleResult().getId();
            Map<String, Object> variables = new HashMap<>(SampleConventions.completion("78646", "Versailles", 2));
            variables.put(ConventionVariables.CONVENTION_NUMERO, NUMERO);
            variables.put(ConventionVariables.COMMUNE_LIBELLE, "Versailles");
            variables.put(ConventionVariables.DEPARTEMENT, "78");
            variables.put(ConventionVariables.CIRCONSCRIPTION, "versailles");
            ProcessInstance circuit = runtimeService.startProcessInstanceById(definitionId, NUMERO, variables);
            complete(circuit, Circuits.signedCopies());

            complete(circuit, SampleConventions.decision(ConventionVariables.DECISION_VALIDER, null));

            assertThat(circuit).isWaitingAt(TASK_VERIFY_BY_TICE);
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void aRejectionNeedsNoChecklist() {
        ProcessInstance circuit = startCircuit();
        complete(circuit, Circuits.signedCopies());
        complete(circuit, Circuits.approve());

        complete(circuit, Circuits.reject("Le courriel du correspondant technique est erroné."));

        assertThat(circuit).isEnded().hasPassed(END_REJECTED);
    }

    private Object historicValue(ProcessInstance circuit, String name) {
        return processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(circuit.getId()).variableName(name).singleResult().getValue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void rejectionAtAnyReviewStepEndsTheCircuitWithItsReason(int reviewStep) {
        ProcessInstance circuit = startCircuit();
        complete(circuit, Circuits.signedCopies());
        for (int i = 0; i < reviewStep; i++) {
            complete(circuit, reviewStep > 4 ? Circuits.recteurSignsToday() : Circuits.approve());
        }
        String stepName = task(circuit).getName();
        assertThat(circuit).isWaitingAt(REVIEW_STEPS[reviewStep]);

        complete(circuit, Circuits.reject("UAI de l'école Jules Ferry erronée"));

        assertThat(circuit).isEnded().hasPassed(END_REJECTED).variables()
                .containsEntry(RESULTAT, RESULTAT_REJETEE)
                .containsEntry(ConventionVariables.MOTIF_REJET, "UAI de l'école Jules Ferry erronée")
                .containsEntry(ConventionVariables.ETAPE_REJET, stepName);
    }

    @Test
    void rejectionWithoutReasonIsRefusedAndChangesNothing() {
        ProcessInstance circuit = startCircuit();
        complete(circuit, Circuits.signedCopies());
        Task ien = task(circuit);

        assertThatThrownBy(() -> taskService.complete(ien.getId(), Circuits.reject("  ")))
                .hasMessageContaining("Indiquez le motif du rejet");

        assertThat(circuit).isWaitingAt(TASK_TRANSMIT_BY_IEN);
        assertThat(runtimeService.getVariable(circuit.getId(), ConventionVariables.DECISION)).isNull();
    }

    @Test
    void eachStepStartsWithoutThePreviousDecision() {
        ProcessInstance circuit = startCircuit();
        complete(circuit, Circuits.signedCopies());
        complete(circuit, Circuits.approve());

        assertThat(circuit).isWaitingAt(TASK_VERIFY_BY_TICE);
        assertThatThrownBy(() -> complete(circuit, Map.of())).hasMessageContaining("Choisissez une décision");
    }

    @Test
    void overdueStepSendsAReminderToItsGroup() throws Exception {
        ProcessInstance circuit = startCircuit();
        complete(circuit, Circuits.signedCopies());
        executeDueJobs();
        int before = GREEN_MAIL.getReceivedMessages().length;

        moveClockBy(Duration.ofDays(6));
        executeDueJobs();
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(before);

        moveClockBy(Duration.ofDays(1).plusMinutes(1));
        executeDueJobs();
        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(before + 1);
        assertThat(subject(received[before])).startsWith("[Convention ENT] Relance – tâche en retard\u00a0: Transmettre");
        assertThat(recipients(received[before])).containsExactly("ien.versailles@demo.example");
        assertThat(circuit).isWaitingAt(TASK_TRANSMIT_BY_IEN);
    }

    @Test
    void signatureDateInTheFutureIsRefused() {
        ProcessInstance circuit = startCircuit();
        complete(circuit, Circuits.signedCopies());
        for (int i = 0; i < 4; i++) {
            complete(circuit, Circuits.approve());
        }
        assertThatThrownBy(() -> complete(circuit, Circuits.recteurSigns("2999-01-01")))
                .hasMessageContaining("ne peut pas être dans le futur");
        assertThatThrownBy(() -> complete(circuit, Circuits.recteurSigns("01/03/2027")))
                .hasMessageContaining("n'est pas une date valide");
        assertThat(circuit).isWaitingAt(TASK_SIGN_BY_RECTEUR);
    }

    @Test
    void onlyAPdfScanIsAccepted() {
        ProcessInstance circuit = startCircuit();
        complete(circuit, Circuits.signedCopies());
        for (int i = 0; i < 4; i++) {
            complete(circuit, Circuits.approve());
        }
        complete(circuit, Circuits.recteurSignsToday());

        var notPdf = Variables.fileValue("convention.pdf").file("PK\u0003\u0004 pas un pdf".getBytes())
                .mimeType("application/pdf").create();
        assertThatThrownBy(() -> complete(circuit, Map.of(ConventionVariables.CONVENTION_SIGNEE_SCAN, notPdf)))
                .hasMessageContaining("n'est pas un PDF");
        assertThatThrownBy(() -> complete(circuit, Map.of())).hasMessageContaining("Déposez le scan de la convention signée");

        assertThat(circuit).isWaitingAt(TASK_UPLOAD_SIGNED_SCAN);
        assertThat(runtimeService.getVariable(circuit.getId(), ConventionVariables.CONVENTION_SIGNEE_SCAN)).isNull();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(MimeMessage message) throws Exception {
        return java.util.Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
    }
}
