package fr.conventionent.avenant;

import fr.conventionent.convention.RunningAvenants;

/** Key, element ids and variables of bpmn/avenant.bpmn (article 10). */
public final class AvenantProcess {

    public static final String KEY = RunningAvenants.AVENANT_KEY;

    public static final String START = "StartEvent_AvenantProposed";
    public static final String TASK_DRAFT = "UserTask_DraftAvenant";
    public static final String GATEWAY_SUBMITTED = "Gateway_AvenantSubmitted";
    public static final String GATEWAY_PROPOSED_BY_COMMUNE = "Gateway_ProposedByCommune";
    public static final String TASK_APPROVE_BY_COMMUNE = "UserTask_ApproveByCommune";
    public static final String GATEWAY_COMMUNE_APPROVED = "Gateway_CommuneApproved";
    public static final String TASK_REVIEW_OBJECTIVES = "UserTask_ReviewGeneralObjectives";
    public static final String GATEWAY_OBJECTIVES_PRESERVED = "Gateway_ObjectivesPreserved";
    public static final String TASK_GENERATE = "ServiceTask_GenerateAvenant";
    public static final String CALL_SIGNATURE_CIRCUIT = "CallActivity_SignatureCircuit";
    public static final String GATEWAY_SIGNED = "Gateway_AvenantSigned";
    public static final String TASK_APPLY = "ServiceTask_ApplyAvenant";
    public static final String END_APPLIED = "EndEvent_AvenantApplied";
    public static final String TASK_CLOSE_ABANDONED = "ServiceTask_CloseAbandonedAvenant";
    public static final String END_ABANDONED = "EndEvent_AvenantAbandoned";
    public static final String TASK_CLOSE_REFUSED = "ServiceTask_CloseRefusedAvenant";
    public static final String END_REFUSED = "EndEvent_AvenantRefusedByCommune";
    public static final String TASK_CLOSE_REJECTED = "ServiceTask_CloseRejectedAvenant";
    public static final String END_REJECTED = "EndEvent_AvenantRejected";

    public static final String AVENANT_NUMERO = RunningAvenants.AVENANT_NUMERO;
    public static final String OBJET = RunningAvenants.AVENANT_OBJET;
    public static final String CLAUSES = "clausesModifiees";
    public static final String ABANDONNER = "abandonnerAvenant";
    /** The convention's data when the avenant was opened (JSON), against which changes are computed. */
    public static final String CONVENTION_AVANT = "conventionAvant";
    public static final String MODIFICATIONS = "modificationsAvenant";
    /** The changes in French, shown in the review forms and mails. */
    public static final String RESUME = "resumeAvenant";
    public static final String APPROBATION_COMMUNE = "approbationCommune";
    public static final String AVENANT_DOCX = "avenantDocx";
    /** The PDF of {@link #AVENANT_DOCX}: the circuit receives it as its {@code conventionPdf}. */
    public static final String AVENANT_PDF = "avenantPdf";
    public static final String DATE_SIGNATURE_AVENANT = "dateSignatureAvenant";
    public static final String AVENANT_SIGNE_SCAN = "avenantSigneScan";
    /** How a closed avenant ended: abandonne, refuse, rejete (input of the closing step). */
    public static final String ISSUE = "issueAvenant";

    /** On the convention: the DOCX and signed scan of avenant n° k. */
    public static String docxVariable(int avenantNumero) {
        return "avenant" + avenantNumero + "Docx";
    }

    public static String scanVariable(int avenantNumero) {
        return "avenant" + avenantNumero + "SigneScan";
    }

    private AvenantProcess() {
    }
}
