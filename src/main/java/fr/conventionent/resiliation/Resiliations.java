package fr.conventionent.resiliation;

import static fr.conventionent.kernel.ConventionVariables.*;
import static fr.conventionent.notification.MailTemplates.variables;
import static fr.conventionent.resiliation.ResiliationProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

import fr.conventionent.convention.ConventionLife;
import fr.conventionent.convention.ConventionProcedures;
import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.convention.ConventionRecipients;
import fr.conventionent.convention.ConventionRecords;
import fr.conventionent.convention.ConventionRef;
import fr.conventionent.convention.ConventionRegistry;
import fr.conventionent.convention.LetterDocument;
import fr.conventionent.convention.RunningAvenants;
import fr.conventionent.document.PdfDocuments;
import fr.conventionent.identity.EngineAuthorization;
import fr.conventionent.kernel.ConventionDates;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.InvalidSubmissionException;
import fr.conventionent.kernel.Party;
import fr.conventionent.kernel.SubmittedDates;
import fr.conventionent.notification.Mail;
import fr.conventionent.notification.MailQueue;
import fr.conventionent.notification.MailTemplates;

/**
 * Article 12: « en cas de faute grave ou de non-respect de ses engagements contractuels par l'une
 * des parties ne résultant pas d'un cas de force majeure, l'autre partie pourra résilier de plein
 * droit la présente convention à l'expiration d'un délai de trois mois suivant l'envoi d'une lettre
 * recommandée avec avis de réception, valant mise en demeure, restée sans effet. Jusqu'à
 * l'expiration du délai de préavis, les parties […] seront tenues d'exécuter leurs obligations
 * contractuelles. Dans ces conditions, l'ENT reste accessible jusqu'à la fin de l'année scolaire
 * en cours. »
 */
@Component
public class Resiliations {

    static final int MAX_TEXT = 4000;

    private final ConventionProcedures procedures;
    private final ConventionRegistry registry;
    private final ConventionDates dates;
    private final LetterDocument letters;
    private final RunningAvenants avenants;
    private final MailQueue mailQueue;
    private final MailTemplates templates;
    private final ConventionRecipients recipients;
    private final RuntimeService runtimeService;
    private final EngineAuthorization engineAuthorization;
    private final ConventionLife life;
    private final ConventionRecords records;
    private final PdfDocuments pdf;
    private final ManagementService managementService;

    public Resiliations(ConventionProcedures procedures, ConventionRegistry registry, ConventionDates dates,
                        LetterDocument letters, RunningAvenants avenants, MailQueue mailQueue, MailTemplates templates,
                        ConventionRecipients recipients, RuntimeService runtimeService,
                        EngineAuthorization engineAuthorization, ConventionLife life, ConventionRecords records,
                        PdfDocuments pdf, ManagementService managementService) {
        this.pdf = pdf;
        this.managementService = managementService;
        this.life = life;
        this.records = records;
        this.procedures = procedures;
        this.registry = registry;
        this.dates = dates;
        this.letters = letters;
        this.avenants = avenants;
        this.mailQueue = mailQueue;
        this.templates = templates;
        this.recipients = recipients;
        this.runtimeService = runtimeService;
        this.engineAuthorization = engineAuthorization;
    }

    public void open(DelegateExecution execution) {
        procedures.open(execution, ConventionProcedures.Kind.RESILIATION);
    }

    /** "Qualifier le manquement": the breach, a commitment of the other party, and no force majeure. */
    public void checkBreach(DelegateTask task) {
        Party initiator = Party.of(task.getVariable(PARTIE_INITIATRICE));
        List<String> errors = new ArrayList<>();
        Object nature = task.getVariable(NATURE_MANQUEMENT);
        Object code = task.getVariable(ENGAGEMENT);
        boolean hasCommitment = code != null && !code.toString().isBlank();
        if (!NATURE_FAUTE_GRAVE.equals(nature) && !NATURE_NON_RESPECT.equals(nature)) {
            errors.add("Indiquez la nature du manquement : faute grave ou non-respect d'un engagement.");
        } else if (NATURE_NON_RESPECT.equals(nature) && !hasCommitment) {
            errors.add("Indiquez l'engagement contractuel qui n'a pas été respecté.");
        }
        if (hasCommitment) {
            Commitment commitment = Commitment.of(code).orElse(null);
            if (commitment == null) {
                errors.add("Engagement inconnu : « " + code + " ».");
            } else if (commitment.party() == initiator) {
                errors.add("L'engagement « " + commitment.label() + " » est un engagement de "
                        + (initiator == Party.COMMUNE ? "la commune" : "l'académie") + " : la résiliation sanctionne un"
                        + " manquement de l'autre partie.");
            }
        }
        String description = text(task.getVariable(DESCRIPTION));
        if (description.isEmpty()) {
            errors.add("Décrivez le manquement : il sera exposé dans la mise en demeure.");
        } else if (description.length() > MAX_TEXT) {
            errors.add("La description du manquement est limitée à " + MAX_TEXT + " caractères.");
        }
        if (!Boolean.TRUE.equals(task.getVariable(PAS_FORCE_MAJEURE))) {
            errors.add("La résiliation n'est possible que si le manquement ne résulte pas d'un cas de force majeure"
                    + " (article 12) : confirmez-le, ou renoncez à la résiliation.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        task.setVariable(DESCRIPTION, description);
        if (!hasCommitment) {
            task.getExecution().removeVariable(ENGAGEMENT);
        }
    }

    /** The mise en demeure (DOCX), to be sent by registered letter with acknowledgement of receipt. */
    public void generateFormalNotice(DelegateExecution execution) {
        Party from = Party.of(execution.getVariable(PARTIE_INITIATRICE));
        String numero = execution.getProcessBusinessKey();
        List<String> body = new ArrayList<>();
        body.add("Par la présente lettre recommandée avec avis de réception, valant mise en demeure au sens de"
                + " l'article 12 de la convention citée en référence, " + from.label(records.communeName(numero))
                + " constate " + breachText(execution) + ".");
        body.add("Exposé du manquement : " + execution.getVariable(DESCRIPTION));
        body.add("Ce manquement ne résulte pas d'un cas de force majeure.");
        body.add("En conséquence, vous êtes mis en demeure d'y remédier. À défaut, à l'expiration d'un délai de trois"
                + " mois suivant l'envoi de la présente lettre restée sans effet, la convention sera résiliée de plein"
                + " droit.");
        body.add("Jusqu'à l'expiration de ce délai, les parties restent tenues d'exécuter leurs obligations"
                + " contractuelles. En cas de résiliation, l'ENT restera accessible aux écoles jusqu'à la fin de"
                + " l'année scolaire en cours.");
        FileValue letter = letters.letterAbout(execution, from,
                "Mise en demeure – convention relative à l'utilisation de l'ENT dans les écoles", body,
                "Mise-en-demeure-" + numero + ".docx");
        execution.setVariable(LETTRE, letter);
        execution.setVariable(LETTRE_PDF, pdf.pdfOf(letter));
    }

    /** "Envoyer la mise en demeure": sent on a day between the opening and today, or abandoned. */
    public void checkSending(DelegateTask task) {
        Object decision = task.getVariable(DECISION_ENVOI);
        if (DECISION_ABANDONNER.equals(decision)) {
            task.getExecution().removeVariable(DATE_ENVOI_LRAR);
            return;
        }
        if (!DECISION_ENVOYEE.equals(decision)) {
            throw new InvalidSubmissionException("Indiquez si la mise en demeure a été envoyée ou si vous renoncez à"
                    + " la résiliation.");
        }
        String label = "La date d'envoi de la lettre recommandée";
        LocalDate sent = SubmittedDates.required(task.getVariable(DATE_ENVOI_LRAR), label);
        SubmittedDates.notInFuture(sent, label);
        SubmittedDates.notBefore(sent, label, SubmittedDates.storedDay(task.getVariable(DATE_OUVERTURE)),
                "l'ouverture de la procédure de résiliation dans l'application");
        String number = text(task.getVariable(NUMERO_LRAR));
        if (number.length() > 50) {
            throw new InvalidSubmissionException("Le numéro de la lettre recommandée est limité à 50 caractères.");
        }
        task.setVariable(DATE_ENVOI_LRAR, SubmittedDates.toDate(sent));
        task.setVariable(NUMERO_LRAR, number);
    }

    /** Sent: the 3 months run from the sending; both parties get the letter. */
    public void recordFormalNotice(DelegateExecution execution) {
        String numero = execution.getProcessBusinessKey();
        ConventionRef convention = registry.get(numero);
        Date sent = (Date) execution.getVariable(DATE_ENVOI_LRAR);
        Date resiliation = dates.resiliationDate(sent);
        FileValue letter = execution.getVariableTyped(LETTRE);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put(DATE_ENVOI_MISE_EN_DEMEURE, sent);
        changes.put(LETTRE, letter);
        registry.set(convention, changes);

        Party from = Party.of(execution.getVariable(PARTIE_INITIATRICE));
        mailQueue.enqueue(numero, new Mail(recipients.bothParties(execution), templates.render("mise-en-demeure",
                variables("numero", numero, "partie", capitalize(from.label(records.communeName(numero))),
                        "dateEnvoi", FrenchFormats.longDate(sent), "manquement", breachText(execution),
                        "dateResiliation", FrenchFormats.longDate(resiliation))),
                sentLetter(execution)));
    }

    /**
     * "Enregistrer l'avis de réception": received after the sending, not in the future; or the pli was not claimed
     * (or returned), and the letter counts as notified on its first presentation.
     */
    public void checkAcknowledgement(DelegateTask task) {
        Object outcome = task.getVariable(ISSUE_LRAR);
        if (ISSUE_NON_RECLAMEE.equals(outcome)) {
            recordUnclaimed(task);
            return;
        }
        if (outcome != null && !outcome.toString().isBlank() && !ISSUE_RECUE.equals(outcome)) {
            throw new InvalidSubmissionException("Indiquez ce qu'est devenue la lettre recommandée : avis de réception"
                    + " signé, ou pli non réclamé / retourné.");
        }
        String label = "La date de l'avis de réception";
        LocalDate received = SubmittedDates.required(task.getVariable(DATE_ACCUSE_RECEPTION), label);
        SubmittedDates.notInFuture(received, label);
        SubmittedDates.notBefore(received, label, SubmittedDates.storedDay(task.getVariable(DATE_ENVOI_LRAR)),
                "l'envoi de la lettre recommandée");
        task.setVariable(DATE_ACCUSE_RECEPTION, SubmittedDates.toDate(received));
        task.setVariable(ISSUE_LRAR, ISSUE_RECUE);
    }

    /**
     * Pli non réclamé or returned: the three months run from its first presentation (French practice), so the
     * deadline of the procedure moves there; the recipient gets the letter by mail as well.
     */
    private void recordUnclaimed(DelegateTask task) {
        String label = "La date de première présentation du pli";
        LocalDate presented = SubmittedDates.required(task.getVariable(DATE_PREMIERE_PRESENTATION), label);
        SubmittedDates.notInFuture(presented, label);
        SubmittedDates.notBefore(presented, label, SubmittedDates.storedDay(task.getVariable(DATE_ENVOI_LRAR)),
                "l'envoi de la lettre recommandée");
        Date start = SubmittedDates.toDate(presented);
        task.setVariable(DATE_PREMIERE_PRESENTATION, start);
        task.getExecution().removeVariable(DATE_ACCUSE_RECEPTION);
        Date resiliation = dates.resiliationDate(start);
        String processInstanceId = task.getProcessInstanceId();
        engineAuthorization.withoutChecks(() -> {
            Job expiry = managementService.createJobQuery().processInstanceId(processInstanceId)
                    .activityId(TIMER_FORMAL_NOTICE_EXPIRED).timers().singleResult();
            if (expiry != null) {
                managementService.setJobDuedate(expiry.getId(), resiliation);
            }
            return null;
        });
        Context.getCommandContext().getTaskManager().findTasksByProcessInstanceId(processInstanceId).stream()
                .filter(open -> TASK_CONFIRM_REMEDY.equals(open.getTaskDefinitionKey()))
                .forEach(remedy -> remedy.setDueDate(resiliation));

        String numero = task.getExecution().getProcessBusinessKey();
        Party from = Party.of(task.getVariable(PARTIE_INITIATRICE));
        Party to = from == Party.COMMUNE ? Party.ACADEMIE : Party.COMMUNE;
        mailQueue.enqueue(numero, new Mail(recipients.party(task, to), templates.render("lettre-non-reclamee",
                variables("numero", numero, "partie", capitalize(from.label(records.communeName(numero))),
                        "lettre", "une mise en demeure", "datePresentation", FrenchFormats.longDate(start),
                        "effet", "sans régularisation, la convention sera résiliée de plein droit le "
                                + FrenchFormats.longDate(resiliation))),
                Mail.Attachment.of((FileValue) task.getExecution().getVariableTyped(LETTRE_PDF))));
    }

    /** The day the three months start: the sending, or the first presentation of a pli that was not claimed. */
    static Date noticeStart(DelegateExecution execution) {
        Object presented = execution.getVariable(DATE_PREMIERE_PRESENTATION);
        return presented instanceof Date date ? date : (Date) execution.getVariable(DATE_ENVOI_LRAR);
    }

    /** "Constater la régularisation": the breach was remedied, on a day between the sending and today. */
    public void checkRemedy(DelegateTask task) {
        if (!Boolean.TRUE.equals(task.getVariable(MANQUEMENT_REPARE))) {
            throw new InvalidSubmissionException("Cochez la case qui confirme que le manquement a été réparé : la"
                    + " procédure sera alors close et la convention se poursuivra.");
        }
        String label = "La date de la régularisation";
        LocalDate remedied = SubmittedDates.required(task.getVariable(DATE_REGULARISATION), label);
        SubmittedDates.notInFuture(remedied, label);
        SubmittedDates.notBefore(remedied, label, SubmittedDates.storedDay(task.getVariable(DATE_ENVOI_LRAR)),
                "l'envoi de la mise en demeure");
        String comment = text(task.getVariable(COMMENTAIRE_REGULARISATION));
        if (comment.length() > MAX_TEXT) {
            throw new InvalidSubmissionException("Le commentaire est limité à " + MAX_TEXT + " caractères.");
        }
        task.setVariable(DATE_REGULARISATION, SubmittedDates.toDate(remedied));
        task.setVariable(COMMENTAIRE_REGULARISATION, comment);
    }

    /** Remedied: the procedure is closed, the convention goes on. */
    public void closeRemedied(DelegateExecution execution) {
        String numero = execution.getProcessBusinessKey();
        ConventionRef convention = registry.get(numero);
        engineAuthorization.withoutChecks(() -> {
            runtimeService.removeVariables(convention.processInstanceId(), List.of(DATE_ENVOI_MISE_EN_DEMEURE, LETTRE));
            return null;
        });
        procedures.releaseEnd(numero);
        String comment = text(execution.getVariable(COMMENTAIRE_REGULARISATION));
        mailQueue.enqueue(numero, new Mail(recipients.bothParties(execution), templates.render(
                "mise-en-demeure-levee", variables("numero", numero,
                        "dateEnvoi", FrenchFormats.longDate((Date) execution.getVariable(DATE_ENVOI_LRAR)),
                        "dateRegularisation", FrenchFormats.longDate((Date) execution.getVariable(DATE_REGULARISATION)),
                        "commentaire", comment.isEmpty() ? null : comment))));
    }

    /**
     * Three months without effect: résiliée de plein droit. The convention leaves its life in force
     * (message {@code ConventionResiliee}); the ENT stays accessible to the end of the school year.
     */
    public void pronounce(DelegateExecution execution) {
        String numero = execution.getProcessBusinessKey();
        ConventionRef convention = registry.get(numero);
        Date resiliation = dates.resiliationDate(noticeStart(execution));
        Date accessEnd = dates.accessEnd(resiliation);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put(STATUT, ConventionProcess.STATUT_RESILIEE);
        changes.put(MOTIF_FIN, MOTIF_FIN_RESILIATION);
        changes.put(DATE_RESILIATION, resiliation);
        changes.put(DATE_FIN_ACCES_EXCLUSIVE, accessEnd);
        changes.put(DATE_FIN_EXCLUSIVE, accessEnd);
        registry.set(convention, changes);
        life.ending(numero, ConventionProcess.STATUT_RESILIEE, ConventionDates.toLocalDate(accessEnd));
        changes.remove(STATUT);
        changes.forEach(execution::setVariable);

        avenants.cancel(numero, "la convention a été résiliée de plein droit le " + FrenchFormats.longDate(resiliation),
                execution);
        engineAuthorization.withoutChecks(() -> runtimeService.createMessageCorrelation(ConventionProcess.MESSAGE_RESILIATED)
                .processInstanceBusinessKey(numero).correlateWithResult());

        LocalDate resiliationDay = ConventionDates.toLocalDate(resiliation);
        boolean accessGoesOn = !accessEnd.equals(resiliation);
        mailQueue.enqueue(numero, new Mail(recipients.everyone(execution), templates.render("convention-resiliee",
                variables("numero", numero, "commune", records.communeName(numero),
                        "dateEnvoi", FrenchFormats.longDate((Date) execution.getVariable(DATE_ENVOI_LRAR)),
                        "manquement", breachText(execution), "dateResiliation", FrenchFormats.longDate(resiliation),
                        // the ENT stays open to the end of the school year in progress, unless it is already over
                        "anneeScolaire", accessGoesOn ? dates.schoolYearOf(resiliationDay) : null,
                        "dernierJour", accessGoesOn ? FrenchFormats.longDate(dates.lastDayOfAccess(resiliation))
                                : null))));
    }

    /** Renounced before the letter was sent: the convention goes on. */
    public void abandon(DelegateExecution execution) {
        String numero = execution.getProcessBusinessKey();
        procedures.releaseEnd(numero);
        Party from = Party.of(execution.getVariable(PARTIE_INITIATRICE));
        mailQueue.enqueue(numero, new Mail(recipients.party(execution, from),
                templates.render("resiliation-abandonnee", variables("numero", numero))));
    }

    /** "une faute grave" or "le non-respect de l'engagement suivant : …". */
    static String breachText(DelegateExecution execution) {
        Commitment commitment = Commitment.of(execution.getVariable(ENGAGEMENT)).orElse(null);
        if (NATURE_FAUTE_GRAVE.equals(execution.getVariable(NATURE_MANQUEMENT))) {
            return "une faute grave" + (commitment == null ? "" : " relative à l'engagement suivant\u00a0: "
                    + commitment.label());
        }
        return "le non-respect de l'engagement contractuel suivant\u00a0: "
                + (commitment == null ? "" : commitment.label());
    }

    /** The letter as sent: its PDF, not the editable DOCX. */
    private static Mail.Attachment sentLetter(DelegateExecution execution) {
        FileValue letter = execution.getVariableTyped(LETTRE_PDF);
        return Mail.Attachment.of(letter);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
