package fr.conventionent.convention;

/** Key and element ids of bpmn/convention.bpmn. */
public final class ConventionProcess {

    public static final String KEY = "convention";

    public static final String START_EVENT = "StartEvent_ConventionRequested";
    public static final String TASK_COMPLETE = "UserTask_CompleteConvention";
    public static final String TASK_GENERATE = "ServiceTask_GenerateConvention";
    public static final String CALL_SIGNATURE_CIRCUIT = "CallActivity_SignatureCircuit";
    public static final String GATEWAY_SIGNED = "Gateway_ConventionSigned";
    public static final String TIMER_TERM = "TimerEvent_InitialTermReached";
    public static final String END_TERM = "EndEvent_InitialTermReached";

    /** Values of the {@code statut} variable. */
    public static final String STATUT_EN_PREPARATION = "en-preparation";
    public static final String STATUT_DANS_LE_CIRCUIT = "dans-le-circuit";
    public static final String STATUT_EN_VIGUEUR = "en-vigueur";

    private ConventionProcess() {
    }
}
