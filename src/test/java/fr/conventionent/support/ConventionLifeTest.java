package fr.conventionent.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.demo.SampleConventions;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.Groups;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * Base of the tests of a convention's life after its signature: signs a convention on a given day
 * (the engine clock is moved there), then lets tests act as a commune agent or the DACES, fire
 * timers and read the mails.
 */
public abstract class ConventionLifeTest extends EngineTest {

    protected static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    protected IdentityService identityService;

    /** 00:00 in Paris of {@code day}, as the application stores dates. */
    protected static Date day(String isoDay) {
        return Date.from(LocalDate.parse(isoDay).atStartOfDay(PARIS).toInstant());
    }

    protected static LocalDate localDay(Date date) {
        return date.toInstant().atZone(PARIS).toLocalDate();
    }

    /** Moves the engine clock to {@code isoDay} at {@code hour}:00 in Paris. */
    protected void moveClockTo(String isoDay, int hour) {
        moveClockTo(Date.from(LocalDate.parse(isoDay).atTime(LocalTime.of(hour, 0)).atZone(PARIS).toInstant()));
    }

    /** A convention of Versailles (78646) with two schools, signed by the Recteur on {@code signature}, in force. */
    protected ProcessInstance signedConvention(String signature) {
        return signedConvention("78646", "Versailles", signature);
    }

    protected ProcessInstance signedConvention(String insee, String commune, String signature) {
        moveClockTo(signature, 9);
        ProcessInstance convention = startConvention(insee);
        taskService.complete(openTask(convention).getId(), SampleConventions.completion(insee, commune, 2));
        List<Map<String, Object>> steps = List.of(Circuits.signedCopies(), Circuits.approve(), Circuits.approve(),
                Circuits.approve(), Circuits.approve(), Circuits.recteurSigns(signature), Circuits.scanUploaded());
        for (Map<String, Object> step : steps) {
            taskService.complete(openTask(convention).getId(), step);
        }
        executeDueJobs();
        assertThat(conventionVariable(convention, ConventionVariables.STATUT))
                .isEqualTo(ConventionProcess.STATUT_EN_VIGUEUR);
        return convention;
    }

    protected String numero(ProcessInstance convention) {
        return (String) conventionVariable(convention, ConventionVariables.CONVENTION_NUMERO);
    }

    protected Object conventionVariable(ProcessInstance convention, String name) {
        return runtimeService.getVariable(convention.getId(), name);
    }

    /** The open task {@code taskDefinitionKey} about the convention {@code numero}, in whichever process. */
    protected Task task(String numero, String taskDefinitionKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(numero).taskDefinitionKey(taskDefinitionKey)
                .singleResult();
    }

    protected List<Task> tasks(String numero) {
        return taskService.createTaskQuery().processInstanceBusinessKey(numero).list();
    }

    /** The timer waiting at {@code activityId} in the instance {@code processInstanceId}. */
    protected Job timer(String processInstanceId, String activityId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                .timers().singleResult();
    }

    /** Moves the clock just past the timer's due date and runs everything that is then due. */
    protected Date fire(Job timer) {
        Date due = timer.getDuedate();
        moveClockTo(Date.from(due.toInstant().plusSeconds(60)));
        executeDueJobs();
        return due;
    }

    /** Signs the académie's letter for the Recteur (as the application does: « Le Recteur »), if one waits. */
    protected void signLetterIfWaiting(String numero) {
        Task sign = task(numero, "UserTask_SignLetter");
        if (sign != null) {
            taskService.complete(sign.getId(), Map.of("lettreSignee", true));
        }
    }

    protected void actAs(String userId, String... groups) {
        identityService.setAuthentication(userId, List.of(groups));
    }

    protected void actAsVersailles() {
        actAs("mairie.versailles", Groups.commune("78646"));
    }

    protected void actAsDaces() {
        actAs("daces", Groups.DACES);
    }

    protected void actAsNobody() {
        identityService.clearAuthentication();
    }

    protected static List<MimeMessage> mails() {
        return Arrays.asList(GREEN_MAIL.getReceivedMessages());
    }

    /** The mails whose subject contains {@code subjectPart}, once each (GreenMail keeps a copy per recipient). */
    protected static List<MimeMessage> mailsAbout(String subjectPart) {
        List<MimeMessage> found = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (MimeMessage message : mails()) {
            try {
                if (subject(message).contains(subjectPart) && seen.add(message.getMessageID())) {
                    found.add(message);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    protected static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of a mail (its first part when it has attachments). */
    protected static String body(MimeMessage message) {
        try {
            Object content = message.getContent();
            while (content instanceof jakarta.mail.internet.MimeMultipart multipart) {
                content = multipart.getBodyPart(0).getContent();
            }
            return content.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
