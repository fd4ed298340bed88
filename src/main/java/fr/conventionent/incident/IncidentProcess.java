package fr.conventionent.incident;

import fr.conventionent.kernel.ConventionVariables;

/** Key, element ids and variables of bpmn/incident-securite.bpmn (articles 6 and 7 of the convention). */
public final class IncidentProcess {

    public static final String KEY = "incident-securite";

    public static final String START = "StartEvent_IncidentReported";
    public static final String TASK_ALERT = "ServiceTask_AlertIenAndSecurityMailbox";
    public static final String TASK_QUALIFY = "UserTask_QualifyIncident";
    public static final String TASK_DECIDE_MEASURES = "UserTask_DecideMeasures";
    /** Shared field: the commune decides its own measures beside the académie's. */
    public static final String TASK_DECIDE_COMMUNE_MEASURES = "UserTask_DecideCommuneMeasures";
    /** Commune's field: the académie's RSSI, DPO and IEN may comment on what the commune does. */
    public static final String TASK_COMMENT = "UserTask_CommentIncident";
    /** Shared field: the académie's DPO designates which party notifies the CNIL. */
    public static final String TASK_DESIGNATE_CNIL_NOTIFIER = "UserTask_DesignateCnilNotifier";
    public static final String TASK_INFORM_COMMUNE = "ServiceTask_InformCommune";
    public static final String GATEWAY_PERSONAL_DATA_BREACH = "Gateway_PersonalDataBreach";
    public static final String TASK_NOTIFY_CNIL = "UserTask_NotifyCnil";
    public static final String TIMER_48_HOURS = "BoundaryEvent_48HoursElapsed";
    public static final String TIMER_72_HOURS = "BoundaryEvent_72HoursElapsed";
    public static final String TASK_ESCALATE_48_HOURS = "ServiceTask_EscalateAt48Hours";
    public static final String TASK_ESCALATE_72_HOURS = "ServiceTask_EscalateAt72Hours";
    public static final String TASK_CLOSE = "UserTask_CloseIncident";
    public static final String END_CLOSED = "EndEvent_IncidentClosed";

    /** Reported in the start form. */
    public static final String TYPE_INCIDENT = "typeIncident";
    public static final String DATE_DETECTION = "dateDetection";
    public static final String COMMUNE_INSEE = ConventionVariables.COMMUNE_INSEE;
    public static final String ECOLES_UAI = "ecolesUai";
    public static final String DONNEES_PERSONNELLES = "donneesPersonnelles";
    public static final String DESCRIPTION = "description";
    /** Article 6: whose field the incident lies in (académie, partagé, commune); académie when not given. */
    public static final String COMPETENCE = "competence";
    public static final String ACADEMIE = "academie";
    public static final String PARTAGE = "partage";
    public static final String COMMUNE = "commune";
    /** Optional evidence files, one variable each (File). */
    public static final String[] PIECES_JOINTES = {"pieceJointe1", "pieceJointe2", "pieceJointe3"};

    /** Added by the application when the incident is reported. */
    public static final String INCIDENT_NUMERO = "incidentNumero";
    public static final String COMMUNE_LIBELLE = ConventionVariables.COMMUNE_LIBELLE;
    public static final String DEPARTEMENT = ConventionVariables.DEPARTEMENT;
    public static final String CIRCONSCRIPTION = ConventionVariables.CIRCONSCRIPTION;
    /** The circonscriptions of the schools named (of every school of the convention for "toutes"). */
    public static final String CIRCONSCRIPTIONS = ConventionVariables.CIRCONSCRIPTIONS;
    /** What the reporter writes, or the form sends, for an incident about every school of the convention. */
    public static final String TOUTES_LES_ECOLES = "toutes";
    public static final String DECLARANT = "declarant";
    public static final String DATE_SIGNALEMENT = "dateSignalement";
    /** Shown in forms and Cockpit as people read them ("2 mars 2026 à 9 h 15"). */
    public static final String TYPE_INCIDENT_LIBELLE = "typeIncidentLibelle";
    public static final String DATE_DETECTION_TEXTE = "dateDetectionTexte";
    public static final String ECHEANCE_CNIL_TEXTE = "echeanceCnilTexte";
    public static final String COMPETENCE_LIBELLE = "competenceLibelle";

    /** Qualification by the RSSI. */
    public static final String GRAVITE = "gravite";
    public static final String PERIMETRE = "perimetre";
    public static final String VIOLATION_DONNEES = "violationDonnees";
    public static final String ANALYSE = "analyse";
    public static final String OUI = "oui";
    public static final String NON = "non";

    /** The académie's decision. */
    public static final String MESURES = "mesures";
    public static final String CONSIGNES_COMMUNE = "consignesCommune";

    /** Shared field: the commune's own measures. */
    public static final String MESURES_COMMUNE = "mesuresCommune";

    /** Commune's field: the académie's comment, and who wrote it. */
    public static final String COMMENTAIRE_ACADEMIE = "commentaireAcademie";
    public static final String COMMENTAIRE_PAR = "commentairePar";

    /** Who notifies the CNIL: académie (its DPO) or commune (its agents, its DPO told by mail). */
    public static final String NOTIFIANT_CNIL = "notifiantCnil";
    public static final String NOTIFIANT_CNIL_LIBELLE = "notifiantCnilLibelle";

    /** The DPO's notification to the CNIL (RGPD article 33). */
    public static final String NOTIFICATION_CNIL = "notificationCnil";
    public static final String NOTIFIEE = "notifiee";
    public static final String NON_NOTIFIEE = "non-notifiee";
    public static final String REFERENCE_NOTIFICATION_CNIL = "referenceNotificationCnil";
    public static final String MOTIF_NON_NOTIFICATION = "motifNonNotification";
    public static final String DATE_NOTIFICATION_CNIL = "dateNotificationCnil";
    public static final String NOTIFICATION_HORS_DELAI = "notificationHorsDelai";

    /** Closure. */
    public static final String RAPPORT_CLOTURE = "rapportCloture";
    public static final String DATE_CLOTURE = "dateCloture";

    /** Local input of the escalation steps: 48 or 72 hours after detection. */
    public static final String PALIER_HEURES = "palierHeures";

    private IncidentProcess() {
    }
}
