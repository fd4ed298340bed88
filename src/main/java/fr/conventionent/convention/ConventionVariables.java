package fr.conventionent.convention;

/** Process variable names of a convention (DESIGN.md §2), shared by every process about it. */
public final class ConventionVariables {

    public static final String COMMUNE_INSEE = "communeInsee";
    public static final String COMMUNE_NOM = "communeNom";
    public static final String COMMUNE_ADRESSE = "communeAdresse";
    public static final String MAIRE_NOM = "maireNom";
    public static final String ECOLES = "ecoles";
    public static final String REFERENT_ENT = "referentEnt";
    public static final String CORRESPONDANTS_TECHNIQUES = "correspondantsTechniques";
    public static final String EDITEUR_ENT = "editeurEnt";
    public static final String EXPLOITANT_ENT = "exploitantEnt";
    public static final String DECISION = "decision";
    public static final String MOTIF = "motif";
    public static final String DATE_SIGNATURE = "dateSignature";
    public static final String CONVENTION_SIGNEE_SCAN = "conventionSigneeScan";
    public static final String CONVENTION_DOCX = "conventionDocx";

    /** Added by the application. */
    public static final String CONVENTION_NUMERO = "conventionNumero";
    public static final String COMMUNE_LIBELLE = "communeLibelle";
    public static final String DEPARTEMENT = "departement";
    public static final String CIRCONSCRIPTION = "circonscription";
    public static final String STATUT = "statut";
    public static final String VERSION = "version";
    public static final String INITIATEUR = "initiateur";
    public static final String MOTIF_REJET = "motifRejet";
    public static final String ETAPE_REJET = "etapeRejet";
    public static final String HISTORIQUE_CIRCUIT = "historiqueCircuit";
    public static final String DATE_FIN_INITIALE = "dateFinInitiale";

    public static final String DECISION_VALIDER = "valider";
    public static final String DECISION_REJETER = "rejeter";

    private ConventionVariables() {
    }
}
