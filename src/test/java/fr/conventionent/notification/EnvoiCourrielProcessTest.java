package fr.conventionent.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.support.EngineTest;
import fr.conventionent.support.SentMails;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

class EnvoiCourrielProcessTest extends EngineTest {

    @Autowired
    MailQueue mailQueue;
    @Autowired
    MailTemplates templates;

    @Test
    void queuedMailIsSentByTheAsyncStep() throws Exception {
        mailQueue.enqueue("CONV-TEST", new Mail(List.of("ien.versailles@demo.example"), "Objet accentué é",
                "Corps du message"));
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();

        executeDueJobs();

        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
        assertThat(GREEN_MAIL.getReceivedMessages()[0].getSubject()).isEqualTo("Objet accentué é");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(MailProcess.KEY).count()).isZero();
    }

    @Test
    void smtpOutageDelaysTheMailRetriesThenRaisesAnIncidentAndLosesNothing() throws Exception {
        mailQueue.enqueue("CONV-TEST", new Mail(List.of("daces@demo.example"), "Retardé", "Corps"));
        ProcessInstance mail = runtimeService.createProcessInstanceQuery().processDefinitionKey(MailProcess.KEY)
                .singleResult();
        GREEN_MAIL.stop();
        try {
            for (int attempt = 1; attempt <= 5; attempt++) {
                Job job = managementService.createJobQuery().processInstanceId(mail.getId()).singleResult();
                assertThatThrownBy(() -> managementService.executeJob(job.getId()));
                moveClockBy(Duration.ofMinutes(11));
            }
            Job exhausted = managementService.createJobQuery().processInstanceId(mail.getId()).singleResult();
            assertThat(exhausted.getRetries()).isZero();
            assertThat(runtimeService.createIncidentQuery().processInstanceId(mail.getId()).count()).isEqualTo(1);
        } finally {
            GREEN_MAIL.start();
        }

        // the administrator sets retries again in Cockpit once SMTP is back
        managementService.setJobRetries(managementService.createJobQuery().processInstanceId(mail.getId())
                .singleResult().getId(), 1);
        executeDueJobs();
        assertThat(mail).isEnded();
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void mailWithoutRecipientIsNotQueued() {
        mailQueue.enqueue("CONV-TEST", new Mail(List.of(), "Personne", "Corps"));

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(MailProcess.KEY).count()).isZero();
    }

    @Test
    void renderedMailArrivesWithATextAndAnHtmlPart() throws Exception {
        mailQueue.enqueue("CONV-TEST", new Mail(List.of("mairie.versailles@demo.example"),
                templates.render("resiliation-abandonnee", MailTemplates.variables("numero", "78646-2026-001"))));

        executeDueJobs();

        MimeMessage received = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(received.getSubject())
                .isEqualTo("[Convention ENT] Résiliation abandonnée – convention 78646-2026-001");
        assertThat(received.isMimeType("multipart/alternative")).isTrue();
        Multipart parts = (Multipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat((String) parts.getBodyPart(0).getContent()).contains("La procédure de résiliation de la convention"
                + " ENT n° 78646-2026-001 a été abandonnée", "merci de ne pas y répondre");
        assertThat((String) parts.getBodyPart(1).getContent()).contains("<p>La procédure de résiliation de la"
                + " convention ENT n° 78646-2026-001 a été abandonnée", "merci de ne pas y répondre");
    }

    @Test
    void attachmentTravelsBesideTheTwoAlternatives() throws Exception {
        byte[] pdf = "%PDF-1.4 lettre".getBytes();
        mailQueue.enqueue("CONV-TEST", new Mail(List.of("daces@demo.example"),
                templates.render("denonciation-abandonnee", MailTemplates.variables("numero", "78646-2026-001")),
                new Mail.Attachment("lettre.pdf", "application/pdf", pdf)));

        executeDueJobs();

        MimeMessage received = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(received.isMimeType("multipart/mixed")).isTrue();
        Part attachment = ((Multipart) received.getContent()).getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo("lettre.pdf");
        try (InputStream in = attachment.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
        assertThat(SentMails.text(received)).contains("La dénonciation de la convention ENT n° 78646-2026-001");
        assertThat(html(received)).contains("<p>La dénonciation de la convention ENT n° 78646-2026-001");
    }

    @Test
    void mailQueuedBeforeTemplatesIsStillSentAsPlainText() throws Exception {
        // an envoi-courriel instance started by the previous version: no corpsHtml variable
        runtimeService.startProcessInstanceByKey(MailProcess.KEY, "CONV-TEST", Map.of(
                MailProcess.DESTINATAIRES, JsonVariables.write(List.of("dsi@demo.example")),
                MailProcess.OBJET, "[Convention ENT] Ancien courriel",
                MailProcess.CORPS, "Bonjour,\n\nAncien corps.\n"));

        executeDueJobs();

        MimeMessage received = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(received.isMimeType("text/plain")).isTrue();
        // SMTP carries lines as CRLF
        assertThat(((String) received.getContent()).replace("\r\n", "\n").strip())
                .isEqualTo("Bonjour,\n\nAncien corps.");
    }

    @Test
    void withoutSmtpTheMailIsWrittenAsAnEmlFileWithItsAlternativesAndAttachment(@TempDir Path outbox)
            throws Exception {
        MailTransport noSmtp = new MailTransport(null, outbox);
        MailContent content = templates.render("convention-terminee", MailTemplates.variables("numero",
                "78646-2026-001", "dernierJour", "29 juin 2029", "circonstances",
                "La convention est restée en vigueur jusqu'au 29 juin 2029 inclus."));
        MimeMessage message = noSmtp.newMessage();
        SendMailDelegate.compose(message, "convention-ent@ac-versailles.fr", List.of("daces@demo.example"),
                content.subject(), content.text(), content.html(), Variables.fileValue("Cloture.docx")
                        .file("docx".getBytes()).mimeType("application/octet-stream").create());

        noSmtp.send(message);

        Path eml;
        try (Stream<Path> files = Files.list(outbox)) {
            eml = files.filter(f -> f.toString().endsWith(".eml")).findFirst().orElseThrow();
        }
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage written = new MimeMessage(null, in);
            assertThat(written.getSubject()).isEqualTo("[Convention ENT] Convention 78646-2026-001 terminée"
                    + " (jusqu'au 29 juin 2029 inclus)");
            assertThat(SentMails.text(written)).contains("La convention est restée en vigueur jusqu'au 29 juin 2029 inclus.");
            assertThat(html(written)).contains("<p>La convention est restée en vigueur jusqu&#39;au 29 juin 2029 inclus.</p>");
            assertThat(((Multipart) written.getContent()).getBodyPart(1).getFileName()).isEqualTo("Cloture.docx");
        }
    }

    /** The HTML alternative, wherever it sits. */
    private static String html(Part part) throws Exception {
        if (part.isMimeType("text/html")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String html = html(multipart.getBodyPart(i));
                if (html != null) {
                    return html;
                }
            }
        }
        return null;
    }
}
