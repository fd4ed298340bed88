package fr.conventionent.notice;

import static fr.conventionent.notification.MailTemplates.variables;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

import fr.conventionent.convention.ConventionProcedures;
import fr.conventionent.convention.ConventionRecipients;
import fr.conventionent.convention.ConventionRecords;
import fr.conventionent.convention.ConventionRef;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.Party;
import fr.conventionent.convention.LetterDocument;
import fr.conventionent.document.PdfDocuments;
import fr.conventionent.notification.Mail;
import fr.conventionent.notification.MailContent;
import fr.conventionent.notification.MailQueue;
import fr.conventionent.notification.MailTemplates;

/**
 * What the procedures on a convention in force share (dénonciation, art. 11; résiliation, art. 12; avenant, art. 10):
 * opening on the convention, the letter one party sends the other, the registered letter not claimed, the
 * abandonment that frees the convention.
 */
@Component
public class NoticeProcedures {

    /** The letter as written (DOCX, kept in the file) and as sent (PDF, attached to mails and circulated). */
    public record Letter(FileValue docx, FileValue pdf) {
    }

    private final ConventionProcedures procedures;
    private final ConventionRecords records;
    private final ConventionRecipients recipients;
    private final LetterDocument letters;
    private final PdfDocuments pdf;
    private final MailQueue mailQueue;
    private final MailTemplates templates;

    public NoticeProcedures(ConventionProcedures procedures, ConventionRecords records, ConventionRecipients recipients,
                            LetterDocument letters, PdfDocuments pdf, MailQueue mailQueue, MailTemplates templates) {
        this.procedures = procedures;
        this.records = records;
        this.recipients = recipients;
        this.letters = letters;
        this.pdf = pdf;
        this.mailQueue = mailQueue;
        this.templates = templates;
    }

    /**
     * The letter of the procedure run by this execution, from the initiating party, dated today and signed as its
     * signature step recorded; the execution gives the convention and the signatory.
     */
    public Letter letter(DelegateExecution execution, Party from, String object, List<String> body, String fileName) {
        FileValue docx = letters.letterAbout(execution, from, object, body, fileName);
        return new Letter(docx, pdf.pdfOf(docx));
    }

    /** "La commune de X" or "l'académie de Versailles", as the letters and mails name the initiating party. */
    public String partyName(ConventionRef convention, Party party) {
        return party.label(records.communeName(convention.numero()));
    }

    /** The same, at the start of a sentence. */
    public String partyNameCapitalized(ConventionRef convention, Party party) {
        String name = partyName(convention, party);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * A registered letter not claimed, or returned: it counts as notified on its first presentation, and its
     * recipient gets it by mail as well, with what follows from it.
     *
     * @param what   "une lettre de dénonciation", "une mise en demeure"
     * @param effect what the letter brings about, from the first presentation
     */
    public void mailUnclaimedLetter(ConventionRef convention, Party from, String what, Date presented, String effect,
                                    FileValue sentLetter) {
        mailQueue.enqueue(convention.numero(), new Mail(recipients.party(convention, from.other()),
                templates.render("lettre-non-reclamee", variables("numero", convention.numero(),
                        "partie", partyNameCapitalized(convention, from), "lettre", what,
                        "datePresentation", FrenchFormats.longDate(presented), "effet", effect)),
                Mail.Attachment.of(sentLetter)));
    }

    /**
     * Abandoned before its letter was notified: the convention goes on, free for another procedure, and the party
     * that opened it is told.
     */
    public void abandon(ConventionRef convention, Party initiator, String mailTemplate) {
        releaseEnd(convention);
        mailQueue.enqueue(convention.numero(), new Mail(recipients.party(convention, initiator),
                templates.render(mailTemplate, variables("numero", convention.numero()))));
    }

    /** A dénonciation or résiliation closed without ending the convention: another may be opened. */
    public void releaseEnd(ConventionRef convention) {
        procedures.releaseEnd(convention.numero());
    }

    /** A mail of the procedure to both parties, from its template, with the letter (PDF) if any. */
    public void mailBothParties(ConventionRef convention, String template, Map<String, ?> variables,
                                FileValue sentLetter) {
        mail(recipients.bothParties(convention), convention, template, variables, sentLetter);
    }

    /** The end of a convention told to everyone concerned: both parties, DSI, DPO and the operator. */
    public void mailEveryone(ConventionRef convention, String template, Map<String, ?> variables) {
        mail(recipients.everyone(convention), convention, template, variables, null);
    }

    private void mail(List<String> to, ConventionRef convention, String template, Map<String, ?> variables,
                      FileValue attachment) {
        MailContent content = templates.render(template, variables);
        mailQueue.enqueue(convention.numero(), attachment == null ? new Mail(to, content)
                : new Mail(to, content, Mail.Attachment.of(attachment)));
    }
}
