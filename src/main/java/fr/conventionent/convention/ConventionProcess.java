package fr.conventionent.convention;

/** Key and element ids of bpmn/convention.bpmn. */
public final class ConventionProcess {

    public static final String KEY = "convention";

    public static final String START_EVENT = "StartEvent_ConventionRequested";
    public static final String TASK_COMPLETE = "UserTask_CompleteConvention";
    public static final String TASK_GENERATE = "ServiceTask_GenerateConvention";
    public static final String CALL_SIGNATURE_CIRCUIT = "CallActivity_SignatureCircuit";
    public static final String GATEWAY_SIGNED = "Gateway_ConventionSigned";
    public static final String TASK_RECORD_IN_FORCE = "ServiceTask_RecordConventionInForce";

    /** The convention in force: one sub-process, ended by a message from a dénonciation or a résiliation. */
    public static final String SUBPROCESS_IN_FORCE = "SubProcess_InForce";
    public static final String TIMER_DENUNCIATION_REMINDER = "TimerEvent_DenunciationReminderDue";
    public static final String TASK_REMIND_DENUNCIATION_DEADLINE = "ServiceTask_RemindDenunciationDeadline";
    public static final String TIMER_RENEWAL = "TimerEvent_RenewalDue";
    public static final String TASK_RENEW = "ServiceTask_RenewConvention";
    public static final String TIMER_STEERING_COMMITTEE = "TimerEvent_SteeringCommitteeDue";
    public static final String CALL_STEERING_COMMITTEE = "CallActivity_SteeringCommittee";
    public static final String CALL_CNIL_FORMALITIES = "CallActivity_CnilFormalities";
    public static final String TASK_REQUEST_USERS_CHARTER = "ServiceTask_RequestUsersCharter";
    public static final String BOUNDARY_CONVENTION_ENDS = "BoundaryEvent_ConventionEnds";
    public static final String BOUNDARY_CONVENTION_RESILIATED = "BoundaryEvent_ConventionResiliated";
    public static final String EVENT_ACCESS_ENDS = "MessageEvent_AccessEnds";
    public static final String TASK_CLOSE = "ServiceTask_CloseConvention";
    public static final String END_CONVENTION_ENDED = "EndEvent_ConventionEnded";

    /**
     * Messages the convention waits for (business key = convention number). {@code FinDeConvention}
     * closes it (end of the dénonciation's notice, end of access after a résiliation);
     * {@code ConventionResiliee} ends its life in force (résiliation de plein droit).
     */
    public static final String MESSAGE_END = "FinDeConvention";
    public static final String MESSAGE_RESILIATED = "ConventionResiliee";

    /**
     * Message the convention sends, when it is closed, to every running {@code livraison-aaf} instance
     * with the same business key: the AAF deliveries stop.
     */
    public static final String MESSAGE_TERMINATED = "ConventionTerminee";
    public static final String AAF_DELIVERY_KEY = "livraison-aaf";

    /** Processes the convention calls or starts while in force, with the same business key. */
    public static final String STEERING_COMMITTEE_KEY = "comite-pilotage";
    public static final String CNIL_FORMALITIES_KEY = "formalites-cnil";
    public static final String USERS_CHARTER_KEY = "charte-utilisateurs";
    /** The circuit the convention calls ({@link #CALL_SIGNATURE_CIRCUIT}). */
    public static final String SIGNATURE_CIRCUIT_KEY = "signature-circuit";

    /**
     * Variables of those processes that the convention's record reads back (registry's life of a convention): the
     * last AAF delivery's report, the date a comité de pilotage is convened for.
     */
    public static final String AAF_LAST_DELIVERY = "derniereLivraison";
    public static final String STEERING_COMMITTEE_DATE = "dateComite";

    /** Elements of version 1 of bpmn/convention.bpmn (ended after the initial term), for migrations. */
    public static final String TIMER_TERM = "TimerEvent_InitialTermReached";
    public static final String END_TERM = "EndEvent_InitialTermReached";

    /** Values of the {@code statut} variable. */
    public static final String STATUT_EN_PREPARATION = "en-preparation";
    public static final String STATUT_DANS_LE_CIRCUIT = "dans-le-circuit";
    public static final String STATUT_EN_VIGUEUR = "en-vigueur";
    /** Dénoncée: in force until the end of the 3 months' notice. */
    public static final String STATUT_EN_PREAVIS = "en-preavis";
    /** Résiliée de plein droit: obligations ended, the ENT stays accessible to the end of the school year. */
    public static final String STATUT_RESILIEE = "resiliee";
    /** Ended and archived. */
    public static final String STATUT_TERMINEE = "terminee";

    private ConventionProcess() {
    }
}
