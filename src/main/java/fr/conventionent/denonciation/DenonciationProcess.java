package fr.conventionent.denonciation;

import fr.conventionent.notice.RegisteredLetter;

/** Key, element ids and variables of bpmn/denonciation.bpmn (article 11). */
public final class DenonciationProcess {

    public static final String KEY = "denonciation";

    public static final String START = "StartEvent_DenonciationRequested";
    public static final String TASK_GENERATE_LETTER = "ServiceTask_GenerateDenonciationLetter";
    public static final String GATEWAY_LETTER_FROM_ACADEMIE = "Gateway_LetterFromAcademie";
    /** The académie's letter is signed for the Recteur (by him or a delegate) before it is notified. */
    public static final String TASK_SIGN_LETTER = "UserTask_SignLetter";
    public static final String TASK_GENERATE_SIGNED_LETTER = "ServiceTask_GenerateSignedLetter";
    public static final String TASK_NOTIFY = "UserTask_NotifyDenonciation";
    public static final String GATEWAY_NOTIFIED = "Gateway_DenonciationNotified";
    public static final String TASK_RECORD = "ServiceTask_RecordDenonciation";
    public static final String TIMER_NOTICE_ENDS = "TimerEvent_NoticeEnds";
    public static final String TASK_END_CONVENTION = "ServiceTask_EndConvention";
    public static final String END_CONVENTION_ENDED = "EndEvent_ConventionEnded";
    public static final String TASK_ABANDON = "ServiceTask_AbandonDenonciation";
    public static final String END_ABANDONED = "EndEvent_DenonciationAbandoned";

    /** Optional reason given in the start form, quoted in the letter. */
    public static final String MOTIF_DENONCIATION = "motifDenonciation";
    public static final String LETTRE = "lettreDenonciation";
    /** The letter as sent (PDF), attached to the mail that notifies it. */
    public static final String LETTRE_PDF = "lettreDenonciationPdf";
    public static final String DECISION_DENONCIATION = "decisionDenonciation";
    public static final String DECISION_NOTIFIER = "notifier";
    public static final String DECISION_ABANDONNER = "abandonner";
    public static final String DATE_NOTIFICATION = "dateNotification";
    /** What became of the registered letter: received, or not claimed (notified on its first presentation). */
    public static final String ISSUE_LRAR = RegisteredLetter.ISSUE_LRAR;
    /** The posting of the registered letter, required when it was not claimed. */
    public static final String DATE_ENVOI_LRAR = RegisteredLetter.DATE_ENVOI_LRAR;

    private DenonciationProcess() {
    }
}
