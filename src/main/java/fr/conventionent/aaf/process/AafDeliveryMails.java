package fr.conventionent.aaf.process;

import static fr.conventionent.aaf.process.LivraisonAafProcess.*;
import static fr.conventionent.notification.MailTemplates.variables;

import fr.conventionent.aaf.AafFileName;
import fr.conventionent.convention.ConventionRecipients;
import fr.conventionent.identity.UserDirectory;
import fr.conventionent.kernel.Contact;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.Groups;
import fr.conventionent.notification.Mail;
import fr.conventionent.notification.MailQueue;
import fr.conventionent.notification.MailTemplates;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The mails of the AAF deliveries (templates {@code mails/aaf-*}), always through {@link MailQueue} (sent by an
 * async, retried step, never inside the run itself): to the DSI and the operator's technical correspondents.
 */
@Component
public class AafDeliveryMails {


    private final MailQueue mailQueue;
    private final MailTemplates templates;
    private final UserDirectory users;
    private final ConventionRecipients conventionRecipients;

    public AafDeliveryMails(MailQueue mailQueue, MailTemplates templates,
        UserDirectory users, ConventionRecipients conventionRecipients) {
        this.conventionRecipients = conventionRecipients;
        this.mailQueue = mailQueue;
        this.templates = templates;
        this.users = users;
    }

    /** The set-up is done: the public key to install, the server and the schedule, to the correspondents. */
    public void publicKey(VariableScope variables, String numero, AafDeliverySettings settings, AafSchedule.Run first) {
        mailQueue.enqueue(numero, new Mail(recipients(variables), templates.render("aaf-cle-publique", variables(
                "numero", numero, "commune", variables.getVariable(COMMUNE_LIBELLE),
                "utilisateur", settings.user(), "clePublique", variables.getVariable(CLE_PUBLIQUE_SFTP),
                "empreinte", variables.getVariable(EMPREINTE_CLE_SFTP), "serveur", settings.host(),
                "port", settings.port(), "repertoire", settings.remoteDir(),
                "empreinteHote", settings.hostKeyFingerprint(), "prefixe", settings.prefix(),
                "calendrier", variables.getVariable(CALENDRIER_TEXTE),
                "archive", settings.zip() ? settings.archiveNamePattern() : null,
                "codeDestinataire", settings.bordereau() ? settings.recipientCode() : null,
                "premiere", first.type().label(), "premiereDate", FrenchFormats.longDate(first.date()),
                "heure", settings.schedule().timeText()))));
    }

    /** A run refused: nothing was sent; every reason, and how to check again. */
    public void refused(VariableScope variables, String numero, AafDeliverySettings settings, AafRunReport report) {
        mailQueue.enqueue(numero, new Mail(recipients(variables), templates.render("aaf-livraison-refusee", variables(
                "numero", numero, "commune", variables.getVariable(COMMUNE_LIBELLE), "type", report.type(),
                "date", FrenchFormats.longDate(report.plannedAt().toLocalDate()),
                "heure", settings.schedule().timeText(), "extraction", report.extraction(),
                "fichiers", report.files(), "raisons", report.problems(), "ignores", report.ignored(),
                "uaiHorsAnnexe", report.outsideAnnex() ? report.uaisOutsideAnnex() : List.of(),
                "prefixe", settings.prefix(),
                "dateExtraction", AafFileName.DATE_FORMAT.format(report.plannedAt().toLocalDate())))));
    }

    /** No file on a Complet day: the weekly resynchronisation is missing (to the DSI only). */
    public void completMissing(VariableScope variables, String numero, AafDeliverySettings settings,
                               AafRunReport report) {
        mailQueue.enqueue(numero, new Mail(List.copyOf(users.emailsOfGroups(List.of(Groups.DSI))),
                templates.render("aaf-complet-manquant", variables("numero", numero,
                        "commune", variables.getVariable(COMMUNE_LIBELLE), "extraction", report.extraction(),
                        "date", FrenchFormats.longDate(report.plannedAt().toLocalDate()),
                        "heure", settings.schedule().timeText(), "ignores", report.ignored()))));
    }

    /** The convention has ended: no more deliveries, the key can be removed from the operator's server. */
    public void stopped(VariableScope variables, String numero) {
        mailQueue.enqueue(numero, new Mail(recipients(variables), templates.render("aaf-fin-livraisons", variables(
                "numero", numero, "commune", variables.getVariable(COMMUNE_LIBELLE),
                "empreinte", variables.getVariable(EMPREINTE_CLE_SFTP)))));
    }

    /** The operator's technical correspondents, then the DSI. */
    private List<String> recipients(VariableScope variables) {
        Set<String> emails = new LinkedHashSet<>();
        for (Contact contact : conventionRecipients.correspondents(variables)) {
            if (contact.email() != null && !contact.email().isBlank()) {
                emails.add(contact.email().strip());
            }
        }
        emails.addAll(users.emailsOfGroups(List.of(Groups.DSI)));
        return new ArrayList<>(emails);
    }

    /** The correspondents as the set-up form shows them: one Markdown list item each. */
    static String contactsText(List<Contact> contacts) {
        if (contacts.isEmpty()) {
            return "Aucun correspondant technique indiqué dans la convention.";
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            Contact c = contacts.get(i);
            lines.add("- " + (i == 0 ? "Correspondant principal" : "2e correspondant") + " : **" + c.nom() + "** – "
                    + FrenchFormats.formatPhone(c.telephone()) + " – " + c.email());
        }
        return String.join("\n", lines);
    }
}
