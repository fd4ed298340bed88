package fr.conventionent.aaf.process;

import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.kernel.ConventionVariables;

/** Key, element ids, message and variables of bpmn/livraison-aaf.bpmn (Annexe 2 §2): one instance per convention. */
public final class LivraisonAafProcess {

    public static final String KEY = "livraison-aaf";

    public static final String START = "StartEvent_ConventionSigned";
    public static final String TASK_GENERATE_KEY_PAIR = "ServiceTask_GenerateKeyPair";
    public static final String TASK_SET_UP = "UserTask_SetUpDeliveries";
    public static final String TASK_SEND_PUBLIC_KEY = "ServiceTask_SendPublicKey";
    public static final String TIMER_DELIVERY_TIME = "TimerEvent_DeliveryTimeReached";
    /** Where the deliveries wait: the next delivery time, or a change of operator (event-based gateway). */
    public static final String GATEWAY_WAIT_FOR_DELIVERY = "Gateway_WaitForDelivery";
    public static final String GATEWAY_CONVENTION_IN_FORCE = "Gateway_ConventionInForce";
    public static final String TASK_DELIVER = "ServiceTask_DeliverFiles";
    public static final String TASK_CLOSE_AT_END = "ServiceTask_CloseDeliveriesAtEnd";
    public static final String END_ENDED = "EndEvent_DeliveriesEnded";
    public static final String SUBPROCESS_CONVENTION_ENDED = "SubProcess_ConventionEnded";
    public static final String START_CONVENTION_ENDED = "StartEvent_ConventionTerminee";
    public static final String TASK_CLOSE = "ServiceTask_CloseDeliveries";
    public static final String END_STOPPED = "EndEvent_DeliveriesStopped";

    /** Correlated by business key when the convention ends (dénonciation, résiliation). */
    public static final String MESSAGE_CONVENTION_TERMINEE = "ConventionTerminee";
    /** An avenant changed the operator or its correspondents: the DSI confirms the new target first. */
    public static final String MESSAGE_TARGET_CHANGED = "CibleAafModifiee";
    public static final String MESSAGE_EVENT_TARGET_CHANGED = "MessageEvent_TargetChanged";
    public static final String TASK_WITHDRAW_TARGET = "ServiceTask_WithdrawFormerTarget";
    /** What the DSI confirmed at set-up: the operator and its correspondents the target belongs to. */
    public static final String EXPLOITANT_CONFIRME = "exploitantConfirme";
    public static final String CORRESPONDANTS_CONFIRMES = "correspondantsConfirmes";
    /** Why the DSI is asked to set the deliveries up again (shown in the set-up form). */
    public static final String RAISON_PARAMETRAGE = "raisonParametrage";

    /** Step name of the set-up task in {@code convention.delais.etapes}. */
    public static final String STEP_SET_UP = "parametrer-livraison-aaf";

    /** Copied from the convention when the instance starts. */
    public static final String CONVENTION_NUMERO = ConventionVariables.CONVENTION_NUMERO;
    public static final String COMMUNE_INSEE = ConventionVariables.COMMUNE_INSEE;
    public static final String COMMUNE_LIBELLE = ConventionVariables.COMMUNE_LIBELLE;
    public static final String CORRESPONDANTS_TECHNIQUES = ConventionVariables.CORRESPONDANTS_TECHNIQUES;
    /** The correspondents as text, shown read-only in the set-up form. */
    public static final String CORRESPONDANTS_TECHNIQUES_TEXTE = "correspondantsTechniquesTexte";

    /** The target's SSH key: only its public half is ever a variable. */
    public static final String CLE_PUBLIQUE_SFTP = "clePubliqueSftp";
    public static final String EMPREINTE_CLE_SFTP = "empreinteCleSftp";

    /** Set-up, agreed with the operator's technical correspondents. */
    public static final String PREFIXE_FICHIERS = "prefixeFichiers";
    public static final String JOURS_COMPLET = "joursComplet";
    public static final String JOURS_DELTA = "joursDelta";
    public static final String HEURE_LIVRAISON = "heureLivraison";
    public static final String LIVRER_ZIP = "livrerZip";
    public static final String NOM_ARCHIVE_ZIP = "nomArchiveZip";
    public static final String JOINDRE_BORDEREAU = "joindreBordereau";
    public static final String CODE_DESTINATAIRE = "codeDestinataire";
    public static final String HOTE_SFTP = "hoteSftp";
    public static final String PORT_SFTP = "portSftp";
    public static final String UTILISATEUR_SFTP = "utilisateurSftp";
    public static final String REPERTOIRE_DISTANT = "repertoireDistant";
    public static final String EMPREINTE_HOTE_SFTP = "empreinteHoteSftp";
    /**
     * A Complet on another day than Thursday (Annexe 2 §2: "les complets seront fournis chaque jeudi") is accepted
     * only when the DSI confirms it, with the reason agreed with the operator; both are kept with the schedule.
     */
    public static final String COMPLET_HORS_JEUDI_CONFIRME = "completHorsJeudiConfirme";
    public static final String RAISON_COMPLET_HORS_JEUDI = "raisonCompletHorsJeudi";
    /** Optional initial load (Annexe 2 §2 "initialisation"): one Complet on this day (aaaa-mm-jj), before the schedule. */
    public static final String CHARGEMENT_INITIAL = "chargementInitial";
    public static final String DATE_CHARGEMENT_INITIAL = "dateChargementInitial";
    /** Recorded when the set-up is accepted. */
    public static final String DATE_PARAMETRAGE = "dateParametrage";
    public static final String PARAMETRE_PAR = "parametrePar";
    public static final String CALENDRIER_TEXTE = "calendrierLivraisons";

    /** The schedule: the run the timer waits for, and the last run done (its scheduled time). */
    public static final String PROCHAINE_LIVRAISON = "prochaineLivraison";
    public static final String PROCHAINE_LIVRAISON_TYPE = "prochaineLivraisonType";
    public static final String DERNIERE_LIVRAISON_PREVUE = "derniereLivraisonPrevue";

    /** The schools of the deliveries already sent (JSON jointure → UAI): a Delta's pupils are checked against them. */
    public static final String STRUCTURES_LIVREES = "structuresLivrees";

    /** Run reports (JSON), for Cockpit. */
    public static final String DERNIERE_LIVRAISON = ConventionProcess.AAF_LAST_DELIVERY;
    public static final String HISTORIQUE_LIVRAISONS = "historiqueLivraisons";

    private LivraisonAafProcess() {
    }
}
