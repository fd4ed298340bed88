package fr.conventionent.cnil;

import static fr.conventionent.cnil.CnilFormalitiesProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.support.ConventionLifeTest;
import jakarta.mail.internet.MimeMessage;

/** Article 6: each party confirms its CNIL formalities, and the other is told. */
class CnilFormalitiesProcessTest extends ConventionLifeTest {

    @Test
    void eachPartyConfirmsItsFormalitiesAndTheOtherIsTold() {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        moveClockTo("2026-10-05", 10);

        Task commune = task(numero, TASK_CONFIRM_COMMUNE);
        assertThat(candidateGroupOf(commune)).isEqualTo("commune-78646");
        actAsVersailles();
        taskService.complete(commune.getId(), confirmation("2026-10-01", "Registre n° 2026-17"));
        actAsNobody();
        executeDueJobs();
        MimeMessage toAcademie = mailsAbout("Formalités CNIL accomplies par la commune de Versailles").get(0);
        assertThat(recipients(toAcademie)).containsExactlyInAnyOrder("dpo@demo.example", "daces@demo.example");
        assertThat(body(toAcademie)).contains("le 1er octobre 2026 (référence\u00a0: Registre n° 2026-17)",
                "Il vous appartient de confirmer les vôtres");

        Task academie = task(numero, TASK_CONFIRM_ACADEMIE);
        assertThat(candidateGroupOf(academie)).isEqualTo("dpo");
        actAs("dpo", "dpo");
        taskService.complete(academie.getId(), confirmation("2026-10-02", ""));
        actAsNobody();
        executeDueJobs();
        MimeMessage toCommune = mailsAbout("Formalités CNIL accomplies par l'académie").get(0);
        assertThat(recipients(toCommune)).containsExactlyInAnyOrder("mairie.versailles@demo.example",
                "referent.ent@versailles.example");
        assertThat(body(toCommune)).contains("Les formalités des deux parties sont désormais accomplies");

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
        JsonNode recorded = JsonVariables.read(conventionVariable(convention, ConventionVariables.FORMALITES_CNIL));
        assertThat(recorded.path("commune").path("date").asText()).isEqualTo("2026-10-01");
        assertThat(recorded.path("commune").path("confirmePar").asText()).isEqualTo("mairie.versailles");
        assertThat(recorded.path("academie").path("confirmePar").asText()).isEqualTo("dpo");
        assertThat(convention.getId()).isNotNull();
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(convention)
                .hasPassed(ConventionProcess.CALL_CNIL_FORMALITIES);
    }

    @Test
    void confirmationIsCheckedOnTheServer() {
        ProcessInstance convention = signedConvention("2026-09-15");
        Task commune = task(numero(convention), TASK_CONFIRM_COMMUNE);

        Map<String, Object> unticked = confirmation("2026-09-20", "");
        unticked.put(CONFIRMEES, false);
        assertThatThrownBy(() -> taskService.complete(commune.getId(), unticked))
                .hasMessageContaining("Cochez la case qui confirme que les formalités CNIL de la commune");
        assertThatThrownBy(() -> taskService.complete(commune.getId(), confirmation("2026-12-01", "")))
                .hasMessageContaining("La date des formalités (1er décembre 2026) ne peut pas être dans le futur");
        assertThatThrownBy(() -> taskService.complete(commune.getId(), confirmation("01/10/2026", "")))
                .hasMessageContaining("n'est pas une date valide");

        assertThat(task(numero(convention), TASK_CONFIRM_COMMUNE)).isNotNull();
        assertThat(conventionVariable(convention, FORMALITES_CNIL)).isNull();
        assertThat(mailsAbout("Formalités CNIL accomplies")).isEqualTo(List.of());
    }

    @Test
    void theCommuneFollowsTheProcessesAboutItsConventionAndNoOtherCommuneDoes() {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);

        actAsVersailles();
        List<String> seen = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(numero).list()
                .stream().map(instance -> instance.getProcessDefinitionId().split(":")[0]).sorted().toList();
        actAs("mairie.nanterre", "commune-92050");
        long seenByAnother = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(numero).count();
        actAsNobody();

        assertThat(seen).containsExactly("charte-utilisateurs", "convention", "formalites-cnil", "livraison-aaf");
        assertThat(seenByAnother).isZero();
    }

    private static Map<String, Object> confirmation(String date, String reference) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CONFIRMEES, true);
        variables.put(DATE, date);
        variables.put(REFERENCE, reference);
        return variables;
    }
}
