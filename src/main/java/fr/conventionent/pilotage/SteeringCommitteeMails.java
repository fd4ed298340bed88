package fr.conventionent.pilotage;

import static fr.conventionent.notification.MailTemplates.variables;
import static fr.conventionent.pilotage.SteeringCommitteeProcess.*;

import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import fr.conventionent.convention.ConventionRecipients;
import fr.conventionent.convention.ConventionVariables;
import fr.conventionent.convention.FrenchFormats;
import fr.conventionent.convention.JsonVariables;
import fr.conventionent.convention.Party;
import fr.conventionent.identity.Groups;
import fr.conventionent.notification.Mail;
import fr.conventionent.notification.MailQueue;
import fr.conventionent.notification.MailTemplates;
import fr.conventionent.convention.ConventionRecords;

/** The invitations to a comité de pilotage, then its minutes, to its members and both parties. */
@Component
public class SteeringCommitteeMails {

    private final MailQueue mailQueue;
    private final MailTemplates templates;
    private final ConventionRecipients recipients;
    private final ConventionRecords records;

    public SteeringCommitteeMails(MailQueue mailQueue, MailTemplates templates,
        ConventionRecipients recipients, ConventionRecords records) {
        this.records = records;
        this.mailQueue = mailQueue;
        this.templates = templates;
        this.recipients = recipients;
    }

    public void sendInvitations(DelegateExecution execution) {
        String numero = (String) execution.getVariable(ConventionVariables.CONVENTION_NUMERO);
        List<Participant> participants = participants(execution);
        List<Map<String, Object>> members = participants.stream().map(p -> variables("nom", p.nom(),
                "fonction", p.fonction().isEmpty() ? null : p.fonction(),
                "partie", Party.COMMUNE.code().equals(p.partie()) ? "commune" : "académie")).toList();
        mailQueue.enqueue(numero, new Mail(to(execution, participants), templates.render("comite-invitation",
                variables("numero", numero, "numeroComite", execution.getVariable(NUMERO_COMITE),
                        "commune", records.communeName(numero),
                        "date", FrenchFormats.longDate((Date) execution.getVariable(DATE_COMITE)),
                        "lieu", execution.getVariable(LIEU), "ordreDuJour", execution.getVariable(ORDRE_DU_JOUR),
                        "participants", members))));
    }

    public void sendMinutes(DelegateExecution execution, Mail.Attachment minutes) {
        String numero = (String) execution.getVariable(ConventionVariables.CONVENTION_NUMERO);
        mailQueue.enqueue(numero, new Mail(to(execution, participants(execution)), templates.render(
                "comite-compte-rendu", variables("numero", numero,
                        "numeroComite", execution.getVariable(NUMERO_COMITE),
                        "date", FrenchFormats.longDate((Date) execution.getVariable(DATE_COMITE)),
                        "commune", records.communeName(numero))), minutes));
    }

    private List<String> to(DelegateExecution execution, List<Participant> participants) {
        Set<String> to = new LinkedHashSet<>();
        participants.forEach(p -> to.add(p.email()));
        to.addAll(recipients.commune(execution));
        to.addAll(recipients.groups(Groups.DACES));
        return List.copyOf(to);
    }

    static List<Participant> participants(DelegateExecution execution) {
        return JsonVariables.readList(execution.getVariable(PARTICIPANTS), Participant.class);
    }
}
