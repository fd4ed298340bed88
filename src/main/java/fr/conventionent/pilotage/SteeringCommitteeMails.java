package fr.conventionent.pilotage;

import static fr.conventionent.notification.MailTemplates.variables;
import static fr.conventionent.pilotage.SteeringCommitteeProcess.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import fr.conventionent.convention.ConventionRecipients;
import fr.conventionent.convention.ConventionRecords;
import fr.conventionent.identity.CommuneDirectory;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.Groups;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.kernel.Party;
import fr.conventionent.notification.Mail;
import fr.conventionent.notification.MailQueue;
import fr.conventionent.notification.MailTemplates;

/**
 * The invitations to a comité de pilotage, then its minutes, to its members, both parties and the académie's natural
 * members (the IEN of the circonscription, the IEN TICE of the département and the DANE), whom the commune need not
 * list among the participants.
 */
@Component
public class SteeringCommitteeMails {

    private final MailQueue mailQueue;
    private final MailTemplates templates;
    private final ConventionRecipients recipients;
    private final ConventionRecords records;
    private final CommuneDirectory communes;

    public SteeringCommitteeMails(MailQueue mailQueue, MailTemplates templates,
        ConventionRecipients recipients, ConventionRecords records, CommuneDirectory communes) {
        this.records = records;
        this.communes = communes;
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
        to.addAll(recipients.groups(academieMembers(execution).toArray(String[]::new)));
        return List.copyOf(to);
    }

    /** The groups invited by default for the académie: IEN of the circonscription, IEN TICE, DANE. */
    List<String> academieMembers(DelegateExecution execution) {
        String insee = (String) execution.getVariable(ConventionVariables.COMMUNE_INSEE);
        List<String> groups = new ArrayList<>();
        communes.find(insee).ifPresent(commune -> {
            groups.add(Groups.ienCirco(commune.circonscription()));
            groups.add(Groups.ienTice(commune.departement()));
        });
        groups.add(Groups.DANE);
        return groups;
    }

    static List<Participant> participants(DelegateExecution execution) {
        return JsonVariables.readList(execution.getVariable(PARTICIPANTS), Participant.class);
    }
}
