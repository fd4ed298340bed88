package fr.conventionent.pilotage;

import fr.conventionent.convention.ConventionProcess;

/** Key, element ids and variables of bpmn/comite-pilotage.bpmn (article 4), called by the convention twice a year. */
public final class SteeringCommitteeProcess {

    public static final String KEY = ConventionProcess.STEERING_COMMITTEE_KEY;

    public static final String TASK_CONVENE = "UserTask_ConveneSteeringCommittee";
    public static final String TASK_SEND_INVITATIONS = "ServiceTask_SendInvitations";
    public static final String TIMER_MEETING_DAY = "TimerEvent_MeetingDay";
    public static final String TASK_FILE_MINUTES = "UserTask_FileMinutes";
    public static final String TASK_DISTRIBUTE_MINUTES = "ServiceTask_DistributeMinutes";
    public static final String END_HELD = "EndEvent_SteeringCommitteeHeld";

    public static final String NUMERO_COMITE = "numeroComite";
    public static final String DATE_COMITE = ConventionProcess.STEERING_COMMITTEE_DATE;
    public static final String LIEU = "lieuComite";
    public static final String ORDRE_DU_JOUR = "ordreDuJour";
    public static final String PARTICIPANTS = "participants";
    public static final String COMPTE_RENDU = "compteRenduComite";
    /** What the convention keeps of a comité held (returned to it, appended to {@code comites}). */
    public static final String COMITE_TENU = "comiteTenu";

    private SteeringCommitteeProcess() {
    }
}
