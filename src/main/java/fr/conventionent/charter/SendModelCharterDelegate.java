package fr.conventionent.charter;

import static fr.conventionent.notification.MailTemplates.variables;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

import fr.conventionent.config.ConventionProperties;
import fr.conventionent.convention.ConventionRecipients;
import fr.conventionent.convention.ConventionRecords;
import fr.conventionent.document.PdfDocuments;
import fr.conventionent.document.UsersCharterDocument;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.notification.Mail;
import fr.conventionent.notification.MailQueue;
import fr.conventionent.notification.MailTemplates;

/** The commune and its référent get the model charter (DOCX) and the list of schools that are to adopt it. */
@Component("sendModelCharterDelegate")
public class SendModelCharterDelegate implements JavaDelegate {

    private final UsersCharterDocument document;
    private final UsersCharter charter;
    private final MailQueue mailQueue;
    private final MailTemplates templates;
    private final ConventionRecipients recipients;
    private final ConventionProperties properties;
    private final ConventionRecords records;
    private final PdfDocuments pdf;

    public SendModelCharterDelegate(UsersCharterDocument document, UsersCharter charter, MailQueue mailQueue,
                                    MailTemplates templates, ConventionRecipients recipients,
                                    ConventionProperties properties, ConventionRecords records,
                                    PdfDocuments pdf) {
        this.pdf = pdf;
        this.records = records;
        this.document = document;
        this.charter = charter;
        this.mailQueue = mailQueue;
        this.templates = templates;
        this.recipients = recipients;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String numero = execution.getProcessBusinessKey();
        byte[] model = document.generate(records.communeName(execution.getProcessBusinessKey()));
        FileValue modelDocx = Variables.fileValue(UsersCharterDocument.FILE_NAME).file(model)
                .mimeType(UsersCharterDocument.MIME_TYPE).create();
        execution.setVariable(UsersCharterProcess.MODELE_CHARTE, modelDocx);
        // the DOCX is the model each school council adapts; the PDF is there to read and print as it stands
        execution.setVariable(UsersCharterProcess.MODELE_CHARTE_PDF, pdf.pdfOf(modelDocx));
        List<Map<String, Object>> schools = charter.pending(numero).stream().map(school -> variables(
                "nom", school.nom(), "uai", school.uai(), "adoptee", school.adopted()
                        ? FrenchFormats.longDate(LocalDate.parse(school.dateAdoption())) : null)).toList();
        mailQueue.enqueue(numero, new Mail(recipients.commune(execution), templates.render("charte-a-adopter",
                variables("numero", numero, "ecoles", schools,
                        "lienModele", properties.courriel().adresseApplication() + UsersCharterProcess.MODEL_URL)),
                new Mail.Attachment(UsersCharterDocument.FILE_NAME, UsersCharterDocument.MIME_TYPE, model)));
    }
}
