package fr.conventionent.signature;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What each reviewer of the circuit checks before passing the document on (Annexe 2 §1): the IEN de circonscription
 * transmits, the IEN TICE checks the technical annex and its contacts, the IA-DASEN validates, the DACES checks before
 * the Recteur's signature. Each item is a checkbox of that step's form, under the same key; every item must be
 * ticked to pass the document on ({@link ReviewChecklistListener}), none to reject it.
 */
public final class ReviewChecklist {

    /** One point to check: the form's checkbox key and its label. */
    public record Item(String key, String label) {
    }

    private static final Map<String, List<Item>> BY_STEP = Map.of(
            SignatureCircuitProcess.TASK_TRANSMIT_BY_IEN, List.of(
                    new Item("ienExemplairesRecus",
                            "Les 2 exemplaires originaux, signés par le maire, sont reçus"),
                    new Item("ienAnnexesJointes",
                            "Toutes les pages de l'annexe sont jointes, dont la page des coordonnées du référent ENT"
                                    + " et des correspondants techniques"),
                    new Item("ienEcolesCirconscription",
                            "Les écoles de l'annexe 1 relèvent de la circonscription")),
            SignatureCircuitProcess.TASK_VERIFY_BY_TICE, List.of(
                    new Item("ticeReferentEnt",
                            "Le référent ENT de la commune est désigné, avec un téléphone et un courriel valides"),
                    new Item("ticeCorrespondantsTechniques",
                            "Les correspondants techniques de l'exploitant (1 ou 2) ont un téléphone et un courriel"
                                    + " valides"),
                    new Item("ticeEditeurExploitant",
                            "L'éditeur et l'exploitant de l'ENT sont identifiés"),
                    new Item("ticeEcolesUai",
                            "Les écoles de l'annexe 1 et leurs UAI sont exacts")),
            SignatureCircuitProcess.TASK_VALIDATE_BY_DASEN, List.of(
                    new Item("dasenAvisRecus",
                            "L'IEN de circonscription a transmis et l'IEN TICE a vérifié le document"),
                    new Item("dasenProjetValide",
                            "Le projet ENT des écoles de l'annexe 1 est validé pour le département")),
            SignatureCircuitProcess.TASK_TRANSMIT_FOR_SIGNATURE, List.of(
                    new Item("dacesCircuitComplet",
                            "Le circuit est complet : transmis par l'IEN, vérifié par l'IEN TICE, validé par"
                                    + " l'IA-DASEN"),
                    new Item("dacesExemplairesConformes",
                            "Les 2 exemplaires sont complets, signés par le maire et conformes à la version"
                                    + " examinée (empreinte SHA-256)")));

    private ReviewChecklist() {
    }

    /** The items of a review step, in the form's order; empty for a step without a checklist (the Recteur's). */
    public static List<Item> of(String taskDefinitionKey) {
        return BY_STEP.getOrDefault(taskDefinitionKey, List.of());
    }

    /** The labels of the points the task's reviewer ticked. */
    static List<String> ticked(DelegateTask task) {
        return of(task.getTaskDefinitionKey()).stream().filter(item -> isTicked(task, item)).map(Item::label).toList();
    }

    /** The labels of the points the task's reviewer left unticked. */
    static List<String> unticked(DelegateTask task) {
        return of(task.getTaskDefinitionKey()).stream().filter(item -> !isTicked(task, item)).map(Item::label).toList();
    }

    private static boolean isTicked(DelegateTask task, Item item) {
        return Boolean.TRUE.equals(task.getVariable(item.key()));
    }
}
