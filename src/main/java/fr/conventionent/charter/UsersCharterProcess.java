package fr.conventionent.charter;

import fr.conventionent.convention.ConventionProcess;

/** Key, element ids and variables of bpmn/charte-utilisateurs.bpmn (article 5). */
public final class UsersCharterProcess {

    public static final String KEY = ConventionProcess.USERS_CHARTER_KEY;

    public static final String TASK_SEND_MODEL = "ServiceTask_SendModelCharter";
    public static final String TASK_RECORD_ADOPTION = "UserTask_RecordCharterAdoption";
    public static final String GATEWAY_ALL_ADOPTED = "Gateway_AllSchoolsAdopted";
    public static final String END_ADOPTED = "EndEvent_CharterAdoptedEverywhere";

    /** The schools still waiting, shown in the task (each with its {@code dateAdoption} to fill in). */
    public static final String ECOLES_CHARTE = "ecolesCharte";
    /** The same list as shown, kept to match the submitted rows. */
    public static final String ECOLES_EN_ATTENTE = "ecolesEnAttente";
    public static final String TOUTES_ADOPTEES = "chartesToutesAdoptees";
    public static final String MODELE_CHARTE = "modeleCharte";
    public static final String MODELE_CHARTE_PDF = "modeleChartePdf";

    /** Where Tasklist users download the model charter (also mailed, and kept as {@code modeleCharte}). */
    public static final String MODEL_URL = "/documents/modele-charte-utilisateurs-ent.docx";

    private UsersCharterProcess() {
    }
}
