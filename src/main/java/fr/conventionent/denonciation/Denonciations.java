package fr.conventionent.denonciation;

import static fr.conventionent.kernel.ConventionVariables.*;
import static fr.conventionent.denonciation.DenonciationProcess.*;
import static fr.conventionent.notification.MailTemplates.variables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
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
import fr.conventionent.kernel.ConventionDates;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.InvalidSubmissionException;
import fr.conventionent.kernel.Party;
import fr.conventionent.kernel.SubmittedDates;
import fr.conventionent.notification.Mail;
import fr.conventionent.notification.MailQueue;
import fr.conventionent.notification.MailTemplates;

/**
 * Article 11: « elle peut être dénoncée par l'un des signataires avec un préavis de 3 mois ».
 * A party opens the dénonciation, gets its letter, records the day it was notified; the
 * convention is then en préavis until notification + 3 months, when it ends. An avenant still
 * running is cancelled at the notification (docs/cycle-de-vie.md).
 */
@Component
public class Denonciations {

    static final int MAX_MOTIF = 2000;

    private final ConventionProcedures procedures;
    private final ConventionRegistry registry;
    private final ConventionDates dates;
    private final LetterDocument letters;
    private final RunningAvenants avenants;
    private final MailQueue mailQueue;
    private final MailTemplates templates;
    private final ConventionRecipients recipients;
    private final ConventionLife life;
    private final ConventionRecords records;
    private final PdfDocuments pdf;

    public Denonciations(ConventionProcedures procedures, ConventionRegistry registry, ConventionDates dates,
                         LetterDocument letters, RunningAvenants avenants, MailQueue mailQueue, MailTemplates templates,
                         ConventionRecipients recipients, ConventionLife life, ConventionRecords records,
                         PdfDocuments pdf) {
        this.pdf = pdf;
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
    }

    /** Start: the convention number typed in the start form is checked, the convention locked. */
    public void open(DelegateExecution execution) {
        String motif = execution.getVariable(MOTIF_DENONCIATION) == null ? "" : execution.getVariable(MOTIF_DENONCIATION).toString().trim();
        if (motif.length() > MAX_MOTIF) {
            throw new InvalidSubmissionException("Le motif de la dénonciation est limité à " + MAX_MOTIF + " caractères.");
        }
        procedures.open(execution, ConventionProcedures.Kind.DENONCIATION);
        execution.setVariable(MOTIF_DENONCIATION, motif);
    }

    /** The letter of dénonciation, from the initiating party to the other. */
    public void generateLetter(DelegateExecution execution) {
        Party from = Party.of(execution.getVariable(PARTIE_INITIATRICE));
        String numero = execution.getProcessBusinessKey();
        List<String> body = new ArrayList<>();
        body.add("Par la présente, et conformément à l'article 11 de la convention citée en référence, "
                + from.label(records.communeName(numero)) + " vous notifie sa décision de dénoncer"
                + " cette convention.");
        String motif = (String) execution.getVariable(MOTIF_DENONCIATION);
        if (motif != null && !motif.isBlank()) {
            body.add("Cette décision est motivée comme suit : " + motif);
        }
        body.add("Conformément à ce même article, la dénonciation prend effet à l'issue d'un préavis de trois mois à"
                + " compter de sa notification. Jusqu'à cette date, chacune des parties continue d'exécuter ses"
                + " obligations, et l'ENT reste accessible aux écoles de la commune.");
        body.add("Les données de l'annuaire fédérateur cesseront d'être mises à disposition de l'ENT au terme du"
                + " préavis, et le dossier de la convention sera archivé.");
        FileValue letter = letters.letterAbout(execution, from,
                "Dénonciation de la convention relative à l'utilisation de l'ENT dans les écoles", body,
                "Denonciation-" + numero + ".docx");
        execution.setVariable(LETTRE, letter);
        execution.setVariable(LETTRE_PDF, pdf.pdfOf(letter));
    }

    /** "Notifier la dénonciation": notified on a day between the opening and today, or abandoned. */
    public void checkNotification(DelegateTask task) {
        Object decision = task.getVariable(DECISION_DENONCIATION);
        if (DECISION_ABANDONNER.equals(decision)) {
            task.getExecution().removeVariable(DATE_NOTIFICATION);
            return;
        }
        if (!DECISION_NOTIFIER.equals(decision)) {
            throw new InvalidSubmissionException("Indiquez si la dénonciation a été notifiée ou si vous l'abandonnez.");
        }
        // an untouched choice arrives empty: the letter was received, as before the choice existed
        Object outcome = task.getVariable(ISSUE_LRAR);
        boolean unclaimed = ISSUE_NON_RECLAMEE.equals(outcome);
        if (outcome != null && !outcome.toString().isBlank() && !unclaimed && !ISSUE_RECUE.equals(outcome)) {
            throw new InvalidSubmissionException("Indiquez ce qu'est devenue la lettre : remise au destinataire, ou pli"
                    + " non réclamé / retourné.");
        }
        LocalDate opened = SubmittedDates.storedDay(task.getVariable(DATE_OUVERTURE));
        String sentLabel = "La date d'envoi de la lettre recommandée";
        LocalDate sent = unclaimed ? SubmittedDates.required(task.getVariable(DATE_ENVOI_LRAR), sentLabel)
                : SubmittedDates.optional(task.getVariable(DATE_ENVOI_LRAR), sentLabel);
        if (sent != null) {
            SubmittedDates.notInFuture(sent, sentLabel);
            SubmittedDates.notBefore(sent, sentLabel, opened, "l'ouverture de la dénonciation dans l'application");
        }
        // a pli non réclamé is notified on its first presentation (French practice): the notice runs from there
        String label = unclaimed ? "La date de première présentation du pli"
                : "La date de notification de la dénonciation";
        LocalDate notified = SubmittedDates.required(task.getVariable(DATE_NOTIFICATION), label);
        SubmittedDates.notInFuture(notified, label);
        if (sent != null) {
            SubmittedDates.notBefore(notified, label, sent, "l'envoi de la lettre recommandée");
        }
        SubmittedDates.notBefore(notified, label, opened, "l'ouverture de la dénonciation dans l'application");
        task.setVariable(DATE_NOTIFICATION, SubmittedDates.toDate(notified));
        task.setVariable(ISSUE_LRAR, unclaimed ? ISSUE_NON_RECLAMEE : ISSUE_RECUE);
        if (sent != null) {
            task.setVariable(DATE_ENVOI_LRAR, SubmittedDates.toDate(sent));
        } else {
            task.getExecution().removeVariable(DATE_ENVOI_LRAR);
        }
    }

    /** Notified: the convention is en préavis until notification + 3 months; both parties are told. */
    public void record(DelegateExecution execution) {
        String numero = execution.getProcessBusinessKey();
        ConventionRef convention = registry.get(numero);
        Date notified = (Date) execution.getVariable(DATE_NOTIFICATION);
        Date end = dates.denunciationEnd(notified);
        FileValue letter = execution.getVariableTyped(LETTRE);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put(STATUT, ConventionProcess.STATUT_EN_PREAVIS);
        changes.put(MOTIF_FIN, MOTIF_FIN_DENONCIATION);
        changes.put(DATE_NOTIFICATION_DENONCIATION, notified);
        changes.put(DATE_FIN_EXCLUSIVE, end);
        changes.put(LETTRE, letter);
        registry.set(convention, changes);
        life.ending(numero, ConventionProcess.STATUT_EN_PREAVIS, ConventionDates.toLocalDate(end));
        execution.setVariable(MOTIF_FIN, MOTIF_FIN_DENONCIATION);
        execution.setVariable(DATE_FIN_EXCLUSIVE, end);

        avenants.cancel(numero, "la convention a été dénoncée le " + FrenchFormats.longDate(notified), execution);

        Party from = Party.of(execution.getVariable(PARTIE_INITIATRICE));
        // the letter as sent: its PDF, not the editable DOCX
        FileValue sentLetter = execution.getVariableTyped(LETTRE_PDF);
        mailQueue.enqueue(numero, new Mail(recipients.bothParties(execution), templates.render("convention-denoncee",
                variables("numero", numero, "partie", capitalize(from.label(records.communeName(numero))),
                        "notification", FrenchFormats.longDate(notified),
                        "dernierJour", FrenchFormats.longDate(ConventionDates.toLocalDate(end).minusDays(1)))),
                Mail.Attachment.of(sentLetter)));
        if (ISSUE_NON_RECLAMEE.equals(execution.getVariable(ISSUE_LRAR))) {
            // the registered letter was not claimed: its recipient gets it by mail as well
            Party to = from == Party.COMMUNE ? Party.ACADEMIE : Party.COMMUNE;
            mailQueue.enqueue(numero, new Mail(recipients.party(execution, to), templates.render("lettre-non-reclamee",
                    variables("numero", numero, "partie", capitalize(from.label(records.communeName(numero))),
                            "lettre", "une lettre de dénonciation", "datePresentation", FrenchFormats.longDate(notified),
                            "effet", "la convention prend fin le " + FrenchFormats.longDate(end))),
                    Mail.Attachment.of(sentLetter)));
        }
    }

    /** Abandoned before being notified: the convention goes on, free for another procedure. */
    public void abandon(DelegateExecution execution) {
        String numero = execution.getProcessBusinessKey();
        procedures.releaseEnd(numero);
        Party from = Party.of(execution.getVariable(PARTIE_INITIATRICE));
        mailQueue.enqueue(numero, new Mail(recipients.party(execution, from),
                templates.render("denonciation-abandonnee", variables("numero", numero))));
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
