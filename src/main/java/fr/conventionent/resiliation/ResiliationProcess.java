package fr.conventionent.resiliation;

import fr.conventionent.notice.RegisteredLetter;

/** Key, element ids and variables of bpmn/resiliation.bpmn (article 12). */
public final class ResiliationProcess {

    public static final String KEY = "resiliation";

    public static final String START = "StartEvent_ResiliationRequested";
    public static final String TASK_STATE_BREACH = "UserTask_StateBreach";
    public static final String TASK_GENERATE_FORMAL_NOTICE = "ServiceTask_GenerateFormalNotice";
    public static final String GATEWAY_LETTER_FROM_ACADEMIE = "Gateway_LetterFromAcademie";
    /** The académie's mise en demeure is signed for the Recteur (by him or a delegate) before it is sent. */
    public static final String TASK_SIGN_LETTER = "UserTask_SignLetter";
    public static final String TASK_GENERATE_SIGNED_LETTER = "ServiceTask_GenerateSignedLetter";
    public static final String TASK_SEND_FORMAL_NOTICE = "UserTask_SendFormalNotice";
    public static final String GATEWAY_SENT = "Gateway_FormalNoticeSent";
    public static final String TASK_RECORD_FORMAL_NOTICE = "ServiceTask_RecordFormalNotice";
    public static final String TASK_RECORD_ACKNOWLEDGEMENT = "UserTask_RecordAcknowledgement";
    public static final String END_ACKNOWLEDGEMENT = "EndEvent_AcknowledgementRecorded";
    public static final String TASK_CONFIRM_REMEDY = "UserTask_ConfirmRemedy";
    public static final String TIMER_FORMAL_NOTICE_EXPIRED = "BoundaryEvent_FormalNoticeExpired";
    public static final String TASK_CLOSE_REMEDIED = "ServiceTask_CloseRemedied";
    public static final String END_REMEDIED = "EndEvent_BreachRemedied";
    public static final String TASK_PRONOUNCE = "ServiceTask_PronounceResiliation";
    public static final String TIMER_ACCESS_ENDS = "TimerEvent_AccessEnds";
    public static final String TASK_END_CONVENTION = "ServiceTask_EndConvention";
    public static final String END_RESILIATED = "EndEvent_ConventionResiliated";
    public static final String TASK_ABANDON = "ServiceTask_AbandonResiliation";
    public static final String END_ABANDONED = "EndEvent_ResiliationAbandoned";

    /** "Qualifier le manquement". */
    public static final String NATURE_MANQUEMENT = "natureManquement";
    public static final String NATURE_FAUTE_GRAVE = "faute-grave";
    public static final String NATURE_NON_RESPECT = "non-respect-engagement";
    public static final String ENGAGEMENT = "engagementNonRespecte";
    public static final String DESCRIPTION = "descriptionManquement";
    public static final String PAS_FORCE_MAJEURE = "pasForceMajeure";

    /** "Envoyer la mise en demeure en recommandé". */
    public static final String LETTRE = "lettreMiseEnDemeure";
    /** The letter as sent (PDF), attached to the mail that tells both parties. */
    public static final String LETTRE_PDF = "lettreMiseEnDemeurePdf";
    public static final String DECISION_ENVOI = "decisionMiseEnDemeure";
    public static final String DECISION_ENVOYEE = "envoyee";
    public static final String DECISION_ABANDONNER = "abandonner";
    public static final String DATE_ENVOI_LRAR = RegisteredLetter.DATE_ENVOI_LRAR;
    public static final String NUMERO_LRAR = "numeroLrar";

    /** "Enregistrer l'avis de réception": what became of the registered letter. */
    public static final String ISSUE_LRAR = RegisteredLetter.ISSUE_LRAR;
    public static final String DATE_ACCUSE_RECEPTION = "dateAccuseReception";
    public static final String DATE_PREMIERE_PRESENTATION = "datePremierePresentation";

    /** "Constater la régularisation". */
    public static final String MANQUEMENT_REPARE = "manquementRepare";
    public static final String DATE_REGULARISATION = "dateRegularisation";
    public static final String COMMENTAIRE_REGULARISATION = "commentaireRegularisation";

    private ResiliationProcess() {
    }
}
