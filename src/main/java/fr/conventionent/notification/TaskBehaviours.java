package fr.conventionent.notification;

import static fr.conventionent.notification.TaskBehaviour.dueOn;
import static fr.conventionent.notification.TaskBehaviour.step;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one table of task behaviour, keyed by process key and task id: every user task of every process has a row
 * (a new process that forgets one fails TaskBehavioursTest). Steps name their time in {@code convention.delais.etapes}.
 */
public final class TaskBehaviours {

    public static final List<TaskBehaviour> ALL = List.of(
            step("convention", "UserTask_CompleteConvention", "completer-convention"),

            // annexe 2 §1: every step of the circuit shows the convention's documents
            step("signature-circuit", "UserTask_SignCopies", "signer-exemplaires").withDocumentLinks(),
            step("signature-circuit", "UserTask_TransmitByIen", "transmettre-ien").withDocumentLinks(),
            step("signature-circuit", "UserTask_VerifyByTice", "verifier-tice").withDocumentLinks(),
            step("signature-circuit", "UserTask_ValidateByDasen", "valider-dasen").withDocumentLinks(),
            step("signature-circuit", "UserTask_TransmitForSignature", "transmettre-daces").withDocumentLinks(),
            step("signature-circuit", "UserTask_SignByRecteur", "signer-recteur").withDocumentLinks(),
            step("signature-circuit", "UserTask_UploadSignedScan", "numeriser-convention").withDocumentLinks(),
            step("envoi-exemplaire-commune", "UserTask_SendCommuneCopy", "envoyer-exemplaire-commune"),

            step("avenant", "UserTask_DraftAvenant", "rediger-avenant"),
            step("avenant", "UserTask_ApproveByCommune", "approuver-avenant"),
            step("avenant", "UserTask_ReviewGeneralObjectives", "examiner-avenant"),

            step("denonciation", "UserTask_SignLetter", "signer-lettre").withoutReminders(),
            step("denonciation", "UserTask_NotifyDenonciation", "notifier-denonciation"),

            step("resiliation", "UserTask_StateBreach", "qualifier-manquement"),
            step("resiliation", "UserTask_SignLetter", "signer-lettre").withoutReminders(),
            step("resiliation", "UserTask_SendFormalNotice", "envoyer-mise-en-demeure"),
            step("resiliation", "UserTask_RecordAcknowledgement", "enregistrer-accuse-reception"),
            // due when the formal notice expires (article 12); the process's own timer ends it then
            dueOn("resiliation", "UserTask_ConfirmRemedy", "${conventionDates.resiliationDate(dateEnvoiLrar)}"),

            step("comite-pilotage", "UserTask_ConveneSteeringCommittee", "convoquer-comite"),
            step("comite-pilotage", "UserTask_FileMinutes", "deposer-compte-rendu"),
            step("formalites-cnil", "UserTask_ConfirmCommuneCnilFormalities", "confirmer-cnil"),
            step("formalites-cnil", "UserTask_ConfirmAcademieCnilFormalities", "confirmer-cnil"),
            step("charte-utilisateurs", "UserTask_RecordCharterAdoption", "adopter-charte"),
            step("livraison-aaf", "UserTask_SetUpDeliveries", "parametrer-livraison-aaf"),

            step("incident-securite", "UserTask_QualifyIncident", "qualifier-incident"),
            step("incident-securite", "UserTask_DecideMeasures", "decider-mesures"),
            step("incident-securite", "UserTask_DecideCommuneMeasures", "decider-mesures"),
            step("incident-securite", "UserTask_CloseIncident", "clore-incident"),
            step("incident-securite", "UserTask_CommentIncident", "commenter-incident"),
            step("incident-securite", "UserTask_DesignateCnilNotifier", "designer-notifiant-cnil"),
            // 72 hours after detection (RGPD); the process's timers escalate at 48 and 72 hours
            dueOn("incident-securite", "UserTask_NotifyCnil", "${breachDeadlines.notificationDeadline(dateDetection)}"));

    /** Fails at start-up on a task declared twice. */
    private static final Map<String, TaskBehaviour> BY_TASK = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(b -> key(b.processKey(), b.taskId()), Function.identity()));

    private TaskBehaviours() {
    }

    public static Optional<TaskBehaviour> of(String processKey, String taskId) {
        return Optional.ofNullable(BY_TASK.get(key(processKey, taskId)));
    }

    private static String key(String processKey, String taskId) {
        return processKey + "/" + taskId;
    }
}
