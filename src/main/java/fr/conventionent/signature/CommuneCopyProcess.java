package fr.conventionent.signature;

/**
 * Key, element ids and variables of bpmn/envoi-exemplaire-commune.bpmn (Annexe 2 §1: of the 2 copies the Recteur
 * signed, one returns to the commune). The signature circuit starts it once the signed copy is scanned, and does not
 * wait for it: the convention or avenant applies from its signature, the posting follows.
 */
public final class CommuneCopyProcess {

    public static final String KEY = "envoi-exemplaire-commune";

    public static final String TASK_SEND_COPY = "UserTask_SendCommuneCopy";
    public static final String TASK_NOTIFY_COMMUNE = "ServiceTask_NotifyCommune";
    public static final String END_SENT = "EndEvent_CopySent";

    /** The day the DACES posted the copy: not before the Recteur's signature, not in the future. */
    public static final String DATE_ENVOI = "dateEnvoiExemplaire";
    /** The registered mail's number, optional. */
    public static final String NUMERO_RECOMMANDE = "numeroRecommande";
    /** Appended to the task's name: empty for the convention, " (avenant n° 2)" for an avenant. */
    public static final String PRECISION_AVENANT = "precisionAvenant";

    /** The step's time and reminders in {@code convention.delais.etapes}. */
    public static final String DELAI = "envoyer-exemplaire-commune";

    private CommuneCopyProcess() {
    }
}
