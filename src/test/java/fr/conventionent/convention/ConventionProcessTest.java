package fr.conventionent.convention;

import static fr.conventionent.convention.ConventionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.FileValue;
import fr.conventionent.support.DocxText;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.conventionent.demo.SampleConventions;
import fr.conventionent.signature.SignatureCircuitProcess;
import fr.conventionent.support.Circuits;
import fr.conventionent.support.EngineTest;

class ConventionProcessTest extends EngineTest {

    @Autowired
    IdentityService identityService;

    @Test
    void newConventionIsNumberedRoutedAndWaitsForTheCommune() {
        ProcessInstance convention = startConvention("78646");

        assertThat(convention).isWaitingAt(TASK_COMPLETE).variables()
                .containsEntry(ConventionVariables.DEPARTEMENT, "78")
                .containsEntry(ConventionVariables.CIRCONSCRIPTION, "versailles")
                .containsEntry(ConventionVariables.STATUT, STATUT_EN_PREPARATION);
        assertThat(convention.getBusinessKey()).matches("CONV-78646-\\d{4}-\\d{2}");
        assertThat(candidateGroupOf(openTask(convention))).isEqualTo("commune-78646");
        assertThat(openTask(convention).getDescription()).isEqualTo(
                "Convention " + convention.getBusinessKey() + " – commune de Versailles");
    }

    @Test
    void completedConventionIsGeneratedAsDocxAndEntersTheCircuit() throws Exception {
        ProcessInstance convention = startConvention("78646");

        taskService.complete(openTask(convention).getId(), SampleConventions.completion("78646", "Versailles", 3));

        assertThat(convention).isWaitingAt(CALL_SIGNATURE_CIRCUIT).variables()
                .containsEntry(ConventionVariables.STATUT, STATUT_DANS_LE_CIRCUIT);
        String text = docxText(convention);
        assertThat(text).contains("La commune de Versailles", "Article 13 – Litiges", "DURAND Paul",
                SampleConventions.schools("78646", "Versailles", 3).get(2).uai());
        Task signCopies = openTask(convention);
        assertThat(signCopies.getTaskDefinitionKey()).isEqualTo(SignatureCircuitProcess.TASK_SIGN_COPIES);
    }

    @Test
    void invalidCompletionIsRefusedInFrenchAndStoresNothing() {
        ProcessInstance convention = startConvention("78646");
        Map<String, Object> bad = new HashMap<>(SampleConventions.completion("78646", "Versailles", 2));
        bad.put(ConventionVariables.ECOLES, JsonVariables.write(List.of(
                new Ecole("0781234X", "École A", "1 rue A"), new Ecole("0910001G", "", "2 rue B"))));
        bad.put(ConventionVariables.REFERENT_ENT, JsonVariables.write(new Contact("", "12 34", "pas-un-courriel")));
        String taskId = openTask(convention).getId();

        assertThatThrownBy(() -> taskService.complete(taskId, bad))
                .hasMessageContaining("Saisie refusée")
                .hasMessageContaining("la lettre de contrôle de l'UAI « 0781234X » est fausse")
                .hasMessageContaining("n'est pas une école du département de la commune")
                .hasMessageContaining("n'est pas un numéro français valide")
                .hasMessageContaining("« pas-un-courriel »");

        assertThat(convention).isWaitingAt(TASK_COMPLETE);
        assertThat(runtimeService.getVariable(convention.getId(), ConventionVariables.COMMUNE_NOM)).isNull();
        assertThat(runtimeService.getVariable(convention.getId(), ConventionVariables.ECOLES)).isNull();
    }

    @Test
    void rejectedConventionReturnsToCommuneWithReasonThenGoesRoundTheWholeCircuitAgain() throws Exception {
        ProcessInstance convention = startConvention("78646");
        taskService.complete(openTask(convention).getId(), SampleConventions.completion("78646", "Versailles", 2));
        taskService.complete(openTask(convention).getId(), Circuits.signedCopies());
        taskService.complete(openTask(convention).getId(), Circuits.approve());
        taskService.complete(openTask(convention).getId(), Circuits.reject("Il manque l'école maternelle du Parc."));

        Task correction = openTask(convention);
        assertThat(correction.getTaskDefinitionKey()).isEqualTo(TASK_COMPLETE);
        assertThat(runtimeService.getVariable(convention.getId(), ConventionVariables.MOTIF_REJET))
                .isEqualTo("Il manque l'école maternelle du Parc.");

        Map<String, Object> corrected = new HashMap<>(SampleConventions.completion("78646", "Versailles", 2));
        List<Ecole> schools = new java.util.ArrayList<>(SampleConventions.schools("78646", "Versailles", 2));
        schools.add(new Ecole(Uai.withCheckLetter("0789999"), "École maternelle du Parc", "3 allée du Parc"));
        corrected.put(ConventionVariables.ECOLES, JsonVariables.write(schools));
        taskService.complete(correction.getId(), corrected);

        assertThat(docxText(convention)).contains("École maternelle du Parc", Uai.withCheckLetter("0789999"));
        assertThat(runtimeService.getVariable(convention.getId(), ConventionVariables.MOTIF_REJET)).isNull();
        Task again = openTask(convention);
        assertThat(again.getTaskDefinitionKey()).isEqualTo(SignatureCircuitProcess.TASK_SIGN_COPIES);
        taskService.complete(again.getId(), Circuits.signedCopies());
        assertThat(candidateGroupOf(openTask(convention))).isEqualTo("ien-circo-versailles");
    }

    @Test
    void signedConventionIsInForceAndWaitsForItsTermFourYearsAfterSignature() {
        moveClockTo(date(2026, 3, 2));
        ProcessInstance convention = startConvention("91228");
        taskService.complete(openTask(convention).getId(), SampleConventions.completion("91228", "Évry", 1));
        taskService.complete(openTask(convention).getId(), Circuits.signedCopies());
        for (int i = 0; i < 4; i++) {
            taskService.complete(openTask(convention).getId(), Circuits.approve());
        }
        moveClockTo(date(2026, 3, 20));
        taskService.complete(openTask(convention).getId(), Circuits.recteurSigns("2026-03-16"));
        taskService.complete(openTask(convention).getId(), Circuits.scanUploaded());
        executeDueJobs();

        assertThat(convention).isWaitingAt(TIMER_TERM).variables()
                .containsEntry(ConventionVariables.STATUT, STATUT_EN_VIGUEUR)
                .containsEntry(ConventionVariables.DATE_SIGNATURE, date(2026, 3, 16));
        Job term = managementService.createJobQuery().processInstanceId(convention.getId()).timers().singleResult();
        assertThat(term.getDuedate()).isEqualTo(date(2030, 3, 16));
    }

    @Test
    void aCommuneUserCannotOpenAConventionForAnotherCommune() {
        identityService.setAuthentication("mairie.nanterre", List.of("commune-92050"));

        assertThatThrownBy(() -> startConvention("78646"))
                .hasMessageContaining("Vous ne pouvez pas ouvrir une convention pour la commune 78646");
        assertThatThrownBy(() -> startConvention("99999"))
                .hasMessageContaining("ne fait pas partie des communes de l'académie");
        identityService.clearAuthentication();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
    }

    @Test
    void aSecondConventionForTheSameCommuneIsRefused() {
        startConvention("95127");

        assertThatThrownBy(() -> startConvention("95127")).hasMessageContaining("Une convention est déjà en cours");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(1);
    }

    @Test
    void theInseeCodeCannotBeChangedWhenCompleting() {
        ProcessInstance convention = startConvention("78646");

        assertThatThrownBy(() -> taskService.complete(openTask(convention).getId(),
                SampleConventions.completion("92050", "Nanterre", 1)))
                .hasMessageContaining("ne peut pas être modifié");
    }

    private String docxText(ProcessInstance convention) throws Exception {
        FileValue docx = runtimeService.getVariableTyped(convention.getId(), ConventionVariables.CONVENTION_DOCX);
        assertThat(docx.getMimeType()).isEqualTo(fr.conventionent.document.ConventionDocument.MIME_TYPE);
        return DocxText.of(docx.getValue().readAllBytes());
    }

    static Date date(int year, int month, int day) {
        return Date.from(LocalDate.of(year, month, day).atStartOfDay(FrenchFormats.PARIS).toInstant());
    }
}
