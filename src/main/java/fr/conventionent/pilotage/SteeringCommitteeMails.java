package fr.conventionent.pilotage;

import static fr.conventionent.pilotage.SteeringCommitteeProcess.*;

import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
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
import fr.conventionent.convention.ConventionRecords;

/** The invitations to a comité de pilotage, then its minutes, to its members and both parties. */
@Component
public class SteeringCommitteeMails {

    private final MailQueue mailQueue;
    private final ConventionRecipients recipients;
    private final ConventionRecords records;

    public SteeringCommitteeMails(MailQueue mailQueue, ConventionRecipients recipients, ConventionRecords records) {
        this.records = records;
        this.mailQueue = mailQueue;
        this.recipients = recipients;
    }

    public void sendInvitations(DelegateExecution execution) {
        String numero = (String) execution.getVariable(ConventionVariables.CONVENTION_NUMERO);
        List<Participant> participants = participants(execution);
        StringBuilder body = new StringBuilder("Bonjour,\n\n");
        body.append("Vous êtes invité(e) au comité de pilotage n° ").append(execution.getVariable(NUMERO_COMITE))
                .append(" du déploiement de l'ENT dans les écoles de la commune de ")
                .append(records.communeName(numero)).append(" (convention ").append(numero)
                .append(", article 4).\n\n");
        body.append("  Date : ").append(FrenchFormats.longDate((Date) execution.getVariable(DATE_COMITE))).append('\n');
        body.append("  Lieu : ").append(execution.getVariable(LIEU)).append("\n\n");
        body.append("Ordre du jour :\n").append(execution.getVariable(ORDRE_DU_JOUR)).append("\n\n");
        body.append("Participants :\n");
        for (Participant p : participants) {
            body.append("  - ").append(p.nom()).append(p.fonction().isEmpty() ? "" : ", " + p.fonction())
                    .append(Party.COMMUNE.code().equals(p.partie()) ? " (commune)" : " (académie)").append('\n');
        }
        body.append(ConventionRecipients.footer());
        mailQueue.enqueue(numero, new Mail(to(execution, participants), "[Convention ENT] Invitation au comité de"
                + " pilotage du " + FrenchFormats.longDate((Date) execution.getVariable(DATE_COMITE)) + " – convention "
                + numero, body.toString()));
    }

    public void sendMinutes(DelegateExecution execution, Mail.Attachment minutes) {
        String numero = (String) execution.getVariable(ConventionVariables.CONVENTION_NUMERO);
        String body = "Bonjour,\n\nVeuillez trouver ci-joint le compte rendu du comité de pilotage n° "
                + execution.getVariable(NUMERO_COMITE) + " du " + FrenchFormats.longDate((Date) execution.getVariable(
                DATE_COMITE)) + " (convention " + numero + ", commune de "
                + records.communeName(numero) + ").\n" + ConventionRecipients.footer();
        mailQueue.enqueue(numero, new Mail(to(execution, participants(execution)),
                "[Convention ENT] Compte rendu du comité de pilotage – convention " + numero, body, minutes));
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
