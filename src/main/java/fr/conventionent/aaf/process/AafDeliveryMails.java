package fr.conventionent.aaf.process;

import static fr.conventionent.aaf.process.LivraisonAafProcess.*;

import fr.conventionent.aaf.AafFileName;
import fr.conventionent.convention.Contact;
import fr.conventionent.convention.ConventionRecipients;
import fr.conventionent.convention.FrenchFormats;
import fr.conventionent.convention.JsonVariables;
import fr.conventionent.identity.Groups;
import fr.conventionent.identity.UserDirectory;
import fr.conventionent.notification.Mail;
import fr.conventionent.notification.MailQueue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The mails of the AAF deliveries, in French, always through {@link MailQueue} (sent by an async, retried step,
 * never inside the run itself): to the DSI and the operator's technical correspondents.
 */
@Component
public class AafDeliveryMails {

    static final String PREFIX = "[Convention ENT] ";
    private static final String SIGNATURE = "\nCe message est envoyé automatiquement ; merci de ne pas y répondre.\n";

    private final MailQueue mailQueue;
    private final UserDirectory users;
    private final ConventionRecipients conventionRecipients;

    public AafDeliveryMails(MailQueue mailQueue, UserDirectory users, ConventionRecipients conventionRecipients) {
        this.conventionRecipients = conventionRecipients;
        this.mailQueue = mailQueue;
        this.users = users;
    }

    /** The set-up is done: the public key to install, the server and the schedule, to the correspondents. */
    public void publicKey(VariableScope variables, String numero, AafDeliverySettings settings, AafSchedule.Run first) {
        StringBuilder body = new StringBuilder("Bonjour,\n\n");
        body.append("L'académie a paramétré les livraisons des données de l'annuaire fédérateur (AAF) prévues par la")
                .append(" convention ENT n° ").append(numero).append(" (commune de ").append(variables.getVariable(COMMUNE_LIBELLE))
                .append("), annexe 2 §2.\n\n");
        body.append("Clé publique SSH de l'académie, à ajouter au fichier authorized_keys de l'utilisateur ")
                .append(settings.user()).append(" :\n\n  ").append(variables.getVariable(CLE_PUBLIQUE_SFTP)).append("\n\n");
        body.append("  Empreinte de cette clé : ").append(variables.getVariable(EMPREINTE_CLE_SFTP)).append('\n');
        body.append("\nParamètres convenus :\n");
        body.append("  Serveur : ").append(settings.user()).append('@').append(settings.host()).append(", port ")
                .append(settings.port()).append(", répertoire ").append(settings.remoteDir()).append('\n');
        body.append("  Empreinte attendue de la clé d'hôte du serveur : ").append(settings.hostKeyFingerprint())
                .append(" (toute autre clé est refusée)\n");
        body.append("  Fichiers : ").append(settings.prefix()).append("_<Complet|Delta>_<aaaammjj>_<catégorie>_<nnnn>.xml\n");
        body.append("  Calendrier : ").append(settings.schedule().describe()).append('\n');
        body.append("  Archive zip : ").append(settings.zip() ? settings.archiveNamePattern() : "non, fichiers XML un à un")
                .append('\n');
        body.append("  Bordereau : ").append(settings.bordereau() ? "oui, code destinataire " + settings.recipientCode()
                : "non").append('\n');
        body.append("  Première livraison : ").append(first.type().label()).append(" du ")
                .append(FrenchFormats.longDate(first.date())).append(" à ").append(settings.schedule().timeText())
                .append('\n');
        body.append("\nChaque fichier est déposé sous un nom provisoire (.part) puis renommé une fois complet ;")
                .append(settings.bordereau() ? " le bordereau est déposé en dernier." : "").append('\n');
        body.append("Merci d'installer la clé avant la première livraison : sans elle, l'envoi est refusé par votre serveur.\n");
        mailQueue.enqueue(numero, new Mail(recipients(variables),
                PREFIX + "Livraisons AAF de la convention " + numero + " : clé publique SFTP à installer",
                body.append(SIGNATURE).toString()));
    }

    /** A run refused: nothing was sent; every reason, and how to check again. */
    public void refused(VariableScope variables, String numero, AafDeliverySettings settings, AafRunReport report) {
        StringBuilder body = new StringBuilder("Bonjour,\n\n");
        body.append("La livraison AAF ").append(report.type()).append(" prévue le ")
                .append(FrenchFormats.longDate(report.plannedAt().toLocalDate())).append(" à ")
                .append(settings.schedule().timeText()).append(" pour la convention n° ").append(numero)
                .append(" (commune de ").append(variables.getVariable(COMMUNE_LIBELLE)).append(") n'a pas été faite :")
                .append(" l'extraction ").append(report.extraction()).append(" ne passe pas les contrôles.\n")
                .append("Aucun fichier n'a été envoyé à l'exploitant.\n\n");
        body.append("Fichiers examinés : ").append(report.files()).append('\n');
        body.append("Raisons du refus (").append(report.problems().size()).append(") :\n");
        report.problems().forEach(p -> body.append("  - ").append(p).append('\n'));
        if (!report.ignored().isEmpty()) {
            body.append("\nFichiers du même préfixe laissés de côté :\n");
            report.ignored().forEach(i -> body.append("  - ").append(i).append('\n'));
        }
        body.append("\nLes fichiers refusés restent dans le dossier de dépôt de l'académie. Après correction, la")
                .append(" vérification peut être refaite sans rien envoyer :\n  java -jar convention-ent.jar aaf-check")
                .append(" <dossier de dépôt> --prefix ").append(settings.prefix()).append(" --type ").append(report.type())
                .append(" --date ").append(AafFileName.DATE_FORMAT.format(report.plannedAt().toLocalDate())).append('\n');
        body.append("Les livraisons suivantes ont lieu normalement ; le prochain Complet resynchronise l'annuaire de l'ENT.\n");
        mailQueue.enqueue(numero, new Mail(recipients(variables),
                PREFIX + "Livraison AAF refusée : " + report.extraction() + " – convention " + numero + " ("
                        + variables.getVariable(COMMUNE_LIBELLE) + ")",
                body.append(SIGNATURE).toString()));
    }

    /** No file on a Complet day: the weekly resynchronisation is missing (to the DSI only). */
    public void completMissing(VariableScope variables, String numero, AafDeliverySettings settings,
                               AafRunReport report) {
        StringBuilder body = new StringBuilder("Bonjour,\n\n");
        body.append("Aucun fichier ").append(report.extraction()).append("_*.xml n'était dans le dossier de dépôt à")
                .append(" l'heure de la livraison du Complet hebdomadaire (").append(FrenchFormats.longDate(
                        report.plannedAt().toLocalDate())).append(" à ").append(settings.schedule().timeText())
                .append(") pour la convention n° ").append(numero).append(" (commune de ")
                .append(variables.getVariable(COMMUNE_LIBELLE)).append(").\nRien n'a été envoyé à l'exploitant.\n");
        if (!report.ignored().isEmpty()) {
            body.append("\nFichiers du même préfixe présents, mais d'une autre date d'extraction :\n");
            report.ignored().forEach(i -> body.append("  - ").append(i).append('\n'));
        }
        body.append("\nVérifiez l'extraction de l'annuaire fédérateur pour ce préfixe ; la livraison suivante a lieu")
                .append(" normalement.\n");
        mailQueue.enqueue(numero, new Mail(List.copyOf(users.emailsOfGroups(List.of(Groups.DSI))),
                PREFIX + "Livraison AAF : aucun fichier pour le Complet " + report.extraction() + " – convention "
                        + numero, body.append(SIGNATURE).toString()));
    }

    /** The convention has ended: no more deliveries, the key can be removed from the operator's server. */
    public void stopped(VariableScope variables, String numero) {
        StringBuilder body = new StringBuilder("Bonjour,\n\n");
        body.append("La convention ENT n° ").append(numero).append(" (commune de ")
                .append(variables.getVariable(COMMUNE_LIBELLE)).append(") a pris fin : les livraisons des données de")
                .append(" l'annuaire fédérateur (AAF) cessent. Plus aucun fichier ne sera déposé sur votre serveur.\n\n");
        body.append("La clé privée de l'académie pour ces livraisons est détruite. Vous pouvez retirer de")
                .append(" authorized_keys la clé publique d'empreinte ").append(variables.getVariable(EMPREINTE_CLE_SFTP))
                .append(".\n");
        mailQueue.enqueue(numero, new Mail(recipients(variables),
                PREFIX + "Fin des livraisons AAF de la convention " + numero, body.append(SIGNATURE).toString()));
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
