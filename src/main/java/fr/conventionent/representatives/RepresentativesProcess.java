package fr.conventionent.representatives;

/**
 * {@code representants}: the commune declares a new maire or référent ENT, with the date they took office. No
 * avenant: the persons change, not the convention. The DACES is told; later documents name the new persons.
 */
public final class RepresentativesProcess {

    public static final String KEY = "representants";

    public static final String START = "StartEvent_RepresentativesDeclared";
    public static final String TASK_INFORM_DACES = "ServiceTask_InformDaces";
    public static final String END = "EndEvent_RepresentativesUpdated";

    /** The start form's fields (besides conventionNumero). */
    public static final String NOUVEAU_MAIRE = "nouveauMaire";
    public static final String REFERENT_NOM = "nouveauReferentNom";
    public static final String REFERENT_TELEPHONE = "nouveauReferentTelephone";
    public static final String REFERENT_EMAIL = "nouveauReferentEmail";
    public static final String DATE_EFFET = "dateEffet";

    private RepresentativesProcess() {
    }
}
