package fr.conventionent.cnil;

import static fr.conventionent.cnil.CnilFormalitiesProcess.*;
import static fr.conventionent.notification.MailTemplates.variables;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.conventionent.convention.ConventionRecipients;
import fr.conventionent.convention.ConventionRecords;
import fr.conventionent.identity.UserDirectory;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.Groups;
import fr.conventionent.kernel.InvalidSubmissionException;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.kernel.Party;
import fr.conventionent.kernel.SubmittedDates;
import fr.conventionent.notification.Mail;
import fr.conventionent.notification.MailQueue;
import fr.conventionent.notification.MailTemplates;

/**
 * Article 6: « chacune des parties s'engage à procéder aux formalités nécessaires qui lui incombent
 * auprès de la CNIL […] et à en informer l'autre dans tous les cas ». A party confirms (date of its
 * formality, optional reference); the confirmation is recorded and the other party is told.
 */
@Component("cnilFormalitiesListener")
public class CnilFormalitiesListener implements TaskListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MailQueue mailQueue;
    private final MailTemplates templates;
    private final ConventionRecipients recipients;
    private final UserDirectory users;
    private final ConventionRecords records;

    public CnilFormalitiesListener(MailQueue mailQueue, MailTemplates templates,
                                   ConventionRecipients recipients, UserDirectory users,
                                   ConventionRecords records) {
        this.records = records;
        this.mailQueue = mailQueue;
        this.templates = templates;
        this.recipients = recipients;
        this.users = users;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void notify(DelegateTask task) {
        Party party = TASK_CONFIRM_COMMUNE.equals(task.getTaskDefinitionKey()) ? Party.COMMUNE : Party.ACADEMIE;
        if (!Boolean.TRUE.equals(task.getVariable(CONFIRMEES))) {
            throw new InvalidSubmissionException("Cochez la case qui confirme que les formalités CNIL "
                    + (party == Party.COMMUNE ? "de la commune" : "de l'académie") + " sont accomplies.");
        }
        LocalDate date = SubmittedDates.notInFuture(
                SubmittedDates.required(task.getVariable(DATE), "La date des formalités"), "La date des formalités");
        String reference = task.getVariable(REFERENCE) == null ? "" : task.getVariable(REFERENCE).toString().trim();
        if (reference.length() > 200) {
            throw new InvalidSubmissionException("La référence des formalités est limitée à 200 caractères.");
        }

        Map<String, Object> all = new LinkedHashMap<>();
        Object existing = task.getVariable(FORMALITES_CNIL);
        if (existing != null) {
            all.putAll(JSON.convertValue(JsonVariables.read(existing), Map.class));
        }
        Map<String, Object> confirmation = new LinkedHashMap<>();
        confirmation.put("date", date.toString());
        confirmation.put("reference", reference);
        confirmation.put("confirmePar", users.currentUserId());
        confirmation.put("confirmeLe", SubmittedDates.today().toString());
        all.put(party.code(), confirmation);
        task.setVariable(FORMALITES_CNIL, JsonVariables.write(all));
        task.getExecution().removeVariable(CONFIRMEES);
        task.getExecution().removeVariable(DATE);
        task.getExecution().removeVariable(REFERENCE);

        String numero = (String) task.getVariable(ConventionVariables.CONVENTION_NUMERO);
        String who = party.label(records.communeName(numero));
        mailQueue.enqueue(numero, new Mail(party == Party.COMMUNE ? recipients.groups(Groups.DPO, Groups.DACES)
                : recipients.commune(task.getExecution()), templates.render("formalites-cnil", variables(
                        "numero", numero, "partie", who, "date", FrenchFormats.longDate(date),
                        "reference", reference.isEmpty() ? null : reference,
                        "deuxParties", all.containsKey(party.other().code())))));
    }
}
