package fr.conventionent.signature;

import static fr.conventionent.signature.SignatureCircuitProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import fr.conventionent.demo.SampleConventions;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.support.Circuits;
import fr.conventionent.support.EngineTest;

/**
 * Argenteuil's schools belong to two circonscriptions (referential ecoles.csv): the IEN of each transmits the
 * convention, in parallel; the circuit goes on once both have, and a rejection by either ends it.
 */
class SharedCommuneCircuitTest extends EngineTest {

    private static final String NUMERO = "CONV-95018-2026-07";
    private static final String NORD = "ien-circo-argenteuil-nord";
    private static final String SUD = "ien-circo-argenteuil-sud";

    /** A circuit for Argenteuil's three schools: Jules Ferry (nord), Les Tilleuls and Victor Hugo (sud). */
    private ProcessInstance circuitAtTheIens() {
        Map<String, Object> variables = new HashMap<>(SampleConventions.completion("95018", "Argenteuil", 3));
        variables.put(ConventionVariables.CONVENTION_NUMERO, NUMERO);
        variables.put(ConventionVariables.COMMUNE_LIBELLE, "Argenteuil");
        variables.put(ConventionVariables.DEPARTEMENT, "95");
        variables.put(ConventionVariables.CIRCONSCRIPTION, "argenteuil-nord");
        ProcessInstance circuit = runtimeService.startProcessInstanceByKey(KEY, NUMERO, variables);
        taskService.complete(tasks(circuit).get(0).getId(), Circuits.signedCopies());
        return circuit;
    }

    private List<Task> tasks(ProcessInstance circuit) {
        return taskService.createTaskQuery().processInstanceId(circuit.getId()).orderByTaskId().asc().list();
    }

    private Task taskOf(ProcessInstance circuit, String group) {
        return taskService.createTaskQuery().processInstanceId(circuit.getId()).taskCandidateGroup(group)
                .singleResult();
    }

    @Test
    void eachIenOfTheCommuneGetsTheTransmissionTask() {
        ProcessInstance circuit = circuitAtTheIens();

        assertThat(tasks(circuit)).hasSize(2).allSatisfy(task -> assertThat(task.getTaskDefinitionKey())
                .isEqualTo(TASK_TRANSMIT_BY_IEN));
        assertThat(tasks(circuit).stream().map(this::candidateGroupOf)).containsExactlyInAnyOrder(NORD, SUD);
        assertThat(JsonVariables.readList(runtimeService.getVariable(circuit.getId(),
                ConventionVariables.CIRCONSCRIPTIONS), String.class))
                .containsExactly("argenteuil-nord", "argenteuil-sud");
        assertThat(taskService.createTaskQuery().taskCandidateGroup("ien-circo-cergy").count()).isZero();
    }

    @Test
    void theCircuitGoesOnOnlyOnceBothIensHaveTransmitted() {
        ProcessInstance circuit = circuitAtTheIens();

        taskService.complete(taskOf(circuit, SUD).getId(), Circuits.approve());
        assertThat(circuit).isWaitingAt(TASK_TRANSMIT_BY_IEN);
        assertThat(tasks(circuit)).extracting(this::candidateGroupOf).containsExactly(NORD);
        assertThat(taskOf(circuit, NORD)).as("la décision du sud ne pré-remplit pas celle du nord")
                .satisfies(task -> assertThat(taskService.getVariable(task.getId(), ConventionVariables.DECISION))
                        .isNull());

        taskService.complete(taskOf(circuit, NORD).getId(), Circuits.approve());
        assertThat(circuit).isWaitingAt(TASK_VERIFY_BY_TICE);
        assertThat(tasks(circuit)).extracting(this::candidateGroupOf).containsExactly("ien-tice-95");
        String journal = runtimeService.getVariable(circuit.getId(), ConventionVariables.HISTORIQUE_CIRCUIT).toString();
        assertThat(journal).contains(NORD, SUD);
    }

    @Test
    void oneIenRejectingWithAMotifEndsTheStepForBoth() {
        ProcessInstance circuit = circuitAtTheIens();
        taskService.complete(taskOf(circuit, NORD).getId(), Circuits.approve());

        taskService.complete(taskOf(circuit, SUD).getId(), Circuits.reject("L'école Les Tilleuls a fermé."));

        assertThat(circuit).isEnded().hasPassed(END_REJECTED).hasNotPassed(TASK_VERIFY_BY_TICE).variables()
                .containsEntry(RESULTAT, RESULTAT_REJETEE)
                .containsEntry(ConventionVariables.MOTIF_REJET, "L'école Les Tilleuls a fermé.")
                .containsEntry(ConventionVariables.ETAPE_REJET, "Transmettre la convention (IEN de circonscription)");
    }

    @Test
    void aRejectionBeforeTheOtherIenDecidesWithdrawsTheirTask() {
        ProcessInstance circuit = circuitAtTheIens();

        taskService.complete(taskOf(circuit, NORD).getId(), Circuits.reject("Annexe 1 incomplète."));

        assertThat(circuit).isEnded().hasPassed(END_REJECTED).variables()
                .containsEntry(ConventionVariables.MOTIF_REJET, "Annexe 1 incomplète.");
        assertThat(taskService.createTaskQuery().taskCandidateGroup(SUD).count()).isZero();
    }

    @Test
    void aRejectionWithoutMotifIsRefusedAndLeavesBothTasksOpen() {
        ProcessInstance circuit = circuitAtTheIens();

        assertThatThrownBy(() -> taskService.complete(taskOf(circuit, SUD).getId(), Circuits.reject(" ")))
                .hasMessageContaining("Indiquez le motif du rejet");

        assertThat(tasks(circuit)).extracting(this::candidateGroupOf).containsExactlyInAnyOrder(NORD, SUD);
        assertThat(runtimeService.getVariable(circuit.getId(), ConventionVariables.DECISION)).isNull();
    }
}
