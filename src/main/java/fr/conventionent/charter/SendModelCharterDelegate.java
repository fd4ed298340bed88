package fr.conventionent.charter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import fr.conventionent.config.ConventionProperties;
import fr.conventionent.convention.ConventionRecipients;
import fr.conventionent.convention.ConventionVariables;
import fr.conventionent.document.UsersCharterDocument;
import fr.conventionent.notification.Mail;
import fr.conventionent.notification.MailQueue;
import fr.conventionent.convention.ConventionRecords;

/** The commune and its référent get the model charter (DOCX) and the list of schools that are to adopt it. */
@Component("sendModelCharterDelegate")
public class SendModelCharterDelegate implements JavaDelegate {

    private final UsersCharterDocument document;
    private final UsersCharter charter;
    private final MailQueue mailQueue;
    private final ConventionRecipients recipients;
    private final ConventionProperties properties;
    private final ConventionRecords records;

    public SendModelCharterDelegate(UsersCharterDocument document, UsersCharter charter, MailQueue mailQueue,
                                    ConventionRecipients recipients, ConventionProperties properties,
                                    ConventionRecords records) {
        this.records = records;
        this.document = document;
        this.charter = charter;
        this.mailQueue = mailQueue;
        this.recipients = recipients;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String numero = execution.getProcessBusinessKey();
        byte[] model = document.generate(records.communeName(execution.getProcessBusinessKey()));
        execution.setVariable(UsersCharterProcess.MODELE_CHARTE, Variables.fileValue(UsersCharterDocument.FILE_NAME)
                .file(model).mimeType(UsersCharterDocument.MIME_TYPE).create());
        String body = "Bonjour,\n\n"
                + "Article 5 de la convention ENT n° " + numero + " : la charte des usages du numérique est enrichie"
                + " d'une charte des utilisateurs de l'ENT, à faire adopter en conseil d'école. Elle définit les règles"
                + " d'utilisation de l'ENT et les droits et devoirs de chaque utilisateur.\n\n"
                + "Le modèle de charte est joint à ce message (également téléchargeable : "
                + properties.courriel().adresseApplication() + UsersCharterProcess.MODEL_URL + ").\n\n"
                + "Écoles qui doivent l'adopter :\n"
                + UsersCharter.describe(charter.pending(numero))
                + "\nUne tâche « Enregistrer l'adoption de la charte en conseil d'école » vous permet d'indiquer, pour"
                + " chaque école, la date à laquelle son conseil d'école l'a adoptée.\n"
                + ConventionRecipients.footer();
        mailQueue.enqueue(numero, new Mail(recipients.commune(execution),
                "[Convention ENT] Charte des utilisateurs de l'ENT à adopter – convention " + numero, body,
                new Mail.Attachment(UsersCharterDocument.FILE_NAME, UsersCharterDocument.MIME_TYPE, model)));
    }
}
