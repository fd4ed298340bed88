package fr.conventionent.signature;

import fr.conventionent.convention.ConventionProcess;

/** Key, element ids and variables of bpmn/signature-circuit.bpmn (Annexe 2 §1). */
public final class SignatureCircuitProcess {

    public static final String KEY = ConventionProcess.SIGNATURE_CIRCUIT_KEY;

    public static final String TASK_SIGN_COPIES = "UserTask_SignCopies";
    public static final String TASK_TRANSMIT_BY_IEN = "UserTask_TransmitByIen";
    public static final String TASK_VERIFY_BY_TICE = "UserTask_VerifyByTice";
    public static final String TASK_VALIDATE_BY_DASEN = "UserTask_ValidateByDasen";
    public static final String TASK_TRANSMIT_FOR_SIGNATURE = "UserTask_TransmitForSignature";
    public static final String TASK_SIGN_BY_RECTEUR = "UserTask_SignByRecteur";
    public static final String TASK_UPLOAD_SIGNED_SCAN = "UserTask_UploadSignedScan";
    public static final String TASK_SEND_TO_DSI_AND_DPO = "ServiceTask_SendToDsiAndDpo";
    public static final String TASK_FILE_IN_SHARED_FOLDER = "ServiceTask_FileInSharedFolder";
    public static final String TASK_NOTIFY_COMMUNE = "ServiceTask_NotifyCommuneCopySent";
    /** Starts {@link CommuneCopyProcess}: the DACES is asked to post the commune's copy. */
    public static final String TASK_REQUEST_COMMUNE_COPY = "ServiceTask_RequestCommuneCopy";
    public static final String TASK_GENERATE_CIRCUIT_EVIDENCE = "ServiceTask_GenerateCircuitEvidence";
    public static final String TASK_ARCHIVE = "ServiceTask_ArchiveSignedCopy";
    public static final String END_SIGNED = "EndEvent_ConventionSigned";
    public static final String END_REJECTED = "EndEvent_ConventionRejected";

    /** The review steps, in circuit order. */
    public static final String[] REVIEW_STEPS = {TASK_TRANSMIT_BY_IEN, TASK_VERIFY_BY_TICE, TASK_VALIDATE_BY_DASEN,
            TASK_TRANSMIT_FOR_SIGNATURE, TASK_SIGN_BY_RECTEUR};

    /** Result of the circuit, read by the calling process. */
    public static final String RESULTAT = "resultatCircuit";
    public static final String RESULTAT_SIGNEE = "signee";
    public static final String RESULTAT_REJETEE = "rejetee";

    public static final String DATE_ENTREE_CIRCUIT = "dateEntreeCircuit";
    public static final String EXEMPLAIRES_SIGNES = "exemplairesSignes";
    public static final String DOCUMENT_A_SIGNER = "documentASigner";

    /**
     * Name of {@link #TASK_SIGN_COPIES} for a convention: in the circuit's journal, it starts each round (journals
     * written before the step's key was recorded are told apart by this name).
     */
    public static final String NAME_SIGN_COPIES = "Signer la convention en 2 exemplaires";
    /** What goes round the circuit, as task names say it: "la convention" or "l'avenant n° 2" ({@link CircuitWording}). */
    public static final String DOCUMENT_CIRCUIT = "documentCircuit";
    /** The same, signed: "la convention signée" or "l'avenant n° 2 signé". */
    public static final String DOCUMENT_CIRCUIT_SIGNE = "documentCircuitSigne";
    /** The forms' heading: "Convention CONV-…" or "Avenant n° 2 à la convention CONV-…". */
    public static final String TITRE_CIRCUIT = "titreCircuit";
    /** SHA-256 of the PDF version the uploaded scan signs (the {@code conventionPdf} of the circuit). */
    public static final String EMPREINTE_VERSION_SIGNEE = "empreinteVersionSignee";
    /** SHA-256 of the uploaded scan itself. */
    public static final String EMPREINTE_SCAN = "empreinteScan";
    /** The "bordereau de circuit" (DOCX), generated once the convention or avenant is signed. */
    public static final String BORDEREAU_CIRCUIT = "bordereauCircuit";

    private SignatureCircuitProcess() {
    }
}
