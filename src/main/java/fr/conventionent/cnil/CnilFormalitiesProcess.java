package fr.conventionent.cnil;

import fr.conventionent.convention.ConventionProcess;

/** Key, element ids and variables of bpmn/formalites-cnil.bpmn (article 6), called once the convention is signed. */
public final class CnilFormalitiesProcess {

    public static final String KEY = ConventionProcess.CNIL_FORMALITIES_KEY;

    public static final String TASK_CONFIRM_COMMUNE = "UserTask_ConfirmCommuneCnilFormalities";
    public static final String TASK_CONFIRM_ACADEMIE = "UserTask_ConfirmAcademieCnilFormalities";
    public static final String END_DONE = "EndEvent_CnilFormalitiesDone";

    /** The submission of either task (read at completion, then removed). */
    public static final String CONFIRMEES = "formalitesConfirmees";
    public static final String DATE = "dateFormalites";
    public static final String REFERENCE = "referenceFormalites";

    /** Both confirmations, {@code {commune: {...}, academie: {...}}}, returned to the convention. */
    public static final String FORMALITES_CNIL = "formalitesCnil";

    private CnilFormalitiesProcess() {
    }
}
