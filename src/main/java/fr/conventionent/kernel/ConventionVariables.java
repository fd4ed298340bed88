package fr.conventionent.kernel;

/**
 * Process variable names of a convention, shared by every process about it: forms and the REST API use these names,
 * so they do not change.
 */
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
    /** Annexe 2: the commune's data-protection officer {nom, email} (optional), its contact for the CNIL. */
    public static final String DPO_COMMUNE = "dpoCommune";
    public static final String DECISION = "decision";
    public static final String MOTIF = "motif";
    public static final String DATE_SIGNATURE = "dateSignature";
    public static final String CONVENTION_SIGNEE_SCAN = "conventionSigneeScan";
    public static final String CONVENTION_DOCX = "conventionDocx";
    /** The PDF of {@link #CONVENTION_DOCX}: the version that circulates for review and signature. */
    public static final String CONVENTION_PDF = "conventionPdf";

    /** Added by the application. */
    public static final String CONVENTION_NUMERO = "conventionNumero";
    public static final String COMMUNE_LIBELLE = "communeLibelle";
    public static final String DEPARTEMENT = "departement";
    /** The commune's own circonscription (instances of earlier releases route on it alone). */
    public static final String CIRCONSCRIPTION = "circonscription";
    /** Every circonscription concerned, by the schools named: a JSON list of codes. */
    public static final String CIRCONSCRIPTIONS = "circonscriptions";
    public static final String STATUT = "statut";
    public static final String VERSION = "version";
    public static final String INITIATEUR = "initiateur";
    public static final String MOTIF_REJET = "motifRejet";
    public static final String ETAPE_REJET = "etapeRejet";
    public static final String HISTORIQUE_CIRCUIT = "historiqueCircuit";
    /** Last day (inclusive) of the initial 4-year term. */
    public static final String DERNIER_JOUR_PERIODE_INITIALE = "dernierJourPeriodeInitiale";

    /**
     * The convention in force (docs/cycle-de-vie.md): term, renewals, follow-up. An end is named either
     * {@code dernierJour…} (the last day in force, inclusive: what every screen, mail and letter shows) or
     * {@code dateFin…Exclusive} (the first day no longer in force, 00:00 Paris: what a timer waits for).
     */
    public static final String DATE_DEBUT_PERIODE = "dateDebutPeriode";
    public static final String DERNIER_JOUR_PERIODE = "dernierJourPeriode";
    public static final String RECONDUCTIONS = "reconductions";
    public static final String DATE_LIMITE_DENONCIATION = "dateLimiteDenonciation";
    public static final String NUMERO_COMITE = "numeroComite";
    public static final String COMITES = "comites";
    public static final String FORMALITES_CNIL = "formalitesCnil";
    public static final String CHARTES = "chartes";
    /** Versions of the convention's data ({@code versions}) and the DOCX of each earlier version. */
    public static final String VERSIONS = "versions";
    public static final String CONVENTION_DOCX_VERSION_PREFIX = "conventionDocxV";
    public static final String AVENANTS = "avenants";

    /** Locks held on the convention while a procedure runs ("" when none): see ConventionProcedures. */
    public static final String PROCEDURE_FIN = "procedureFin";
    public static final String AVENANT_EN_COURS = "avenantEnCours";

    /** How the convention ends. */
    public static final String MOTIF_FIN = "motifFin";
    /** First day no longer in force (exclusive): notice over, or access closed after a résiliation. */
    public static final String DATE_FIN_EXCLUSIVE = "dateFinExclusive";
    public static final String DATE_NOTIFICATION_DENONCIATION = "dateNotificationDenonciation";
    public static final String DATE_ENVOI_MISE_EN_DEMEURE = "dateEnvoiMiseEnDemeure";
    public static final String DATE_RESILIATION = "dateResiliation";
    /** First day without access to the ENT after a résiliation (exclusive). */
    public static final String DATE_FIN_ACCES_EXCLUSIVE = "dateFinAccesExclusive";
    public static final String DATE_CLOTURE = "dateCloture";

    public static final String MOTIF_FIN_DENONCIATION = "denonciation";
    public static final String MOTIF_FIN_RESILIATION = "resiliation";

    /** Copied into every procedure about a convention (dénonciation, résiliation, avenant). */
    public static final String DATE_SIGNATURE_CONVENTION = "dateSignatureConvention";
    public static final String PARTIE_INITIATRICE = "partieInitiatrice";
    public static final String GROUPE_INITIATEUR = "groupeInitiateur";
    public static final String DATE_OUVERTURE = "dateOuverture";

    public static final String DECISION_VALIDER = "valider";
    public static final String DECISION_REJETER = "rejeter";

    private ConventionVariables() {
    }
}
