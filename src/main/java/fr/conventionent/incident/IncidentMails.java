package fr.conventionent.incident;

import static fr.conventionent.incident.BreachDeadlines.longDateTime;

import java.util.List;

import org.springframework.stereotype.Component;

/** Subjects and bodies of the mails of the incident process, in French. */
@Component
public class IncidentMails {

    static final String PREFIX = "[Convention ENT] ";
    private static final String SIGNATURE = "\nCe message est envoyé automatiquement ; merci de ne pas y répondre.\n";

    private final BreachDeadlines deadlines;

    public IncidentMails(BreachDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    /** Article 7: to the IEN of the circonscription and the académie's alert mailbox. */
    public String alertSubject(IncidentFacts facts) {
        return PREFIX + "Incident de sécurité " + facts.numero() + " – " + facts.communeNom() + " : "
                + facts.typeLabel();
    }

    public String alertBody(IncidentFacts facts, String declarantEmail, List<String> evidenceFiles) {
        StringBuilder body = new StringBuilder("Bonjour,\n\n");
        body.append("Un incident de sécurité a été signalé dans le cadre de la convention ENT")
                .append(" (article 7 : chaîne d'alerte).\n\n");
        keyFacts(body, facts);
        body.append("  Signalé par : ").append(facts.declarant() == null ? "l'application" : facts.declarant());
        if (declarantEmail != null) {
            body.append(" (").append(declarantEmail).append(')');
        }
        if (facts.dateSignalement() != null) {
            body.append(", le ").append(longDateTime(facts.dateSignalement()));
        }
        body.append('\n');
        body.append("  Pièces jointes : ").append(evidenceFiles.isEmpty() ? "aucune"
                : String.join(", ", evidenceFiles) + " (conservées dans le dossier de l'incident)").append('\n');
        body.append("\nDescription :\n").append(indent(facts.description())).append('\n');
        if (facts.donneesPersonnelles()) {
            body.append("\nDes données personnelles pourraient être concernées. Si la violation de données est")
                    .append(" confirmée, la CNIL doit être notifiée au plus tard le ")
                    .append(deadlines.deadlineText(facts.detection()))
                    .append(" (72 heures après la détection, RGPD article 33).\n");
        }
        body.append("\nLe RSSI de l'académie qualifie l'incident ; l'académie décide des mesures qui s'imposent")
                .append(" et en informe la commune.\n");
        return body.append(SIGNATURE).toString();
    }

    /** The académie's decision, to the commune. */
    public String communeSubject(IncidentFacts facts) {
        return PREFIX + "Incident " + facts.numero() + " : mesures décidées par l'académie";
    }

    public String communeBody(IncidentFacts facts, String gravite, String perimetre, String violationDonnees,
                              String mesures, String consignes) {
        StringBuilder body = new StringBuilder("Bonjour,\n\n");
        body.append("L'académie a examiné l'incident de sécurité ").append(facts.numero())
                .append(" concernant la commune de ").append(facts.communeNom()).append(".\n\n");
        keyFacts(body, facts);
        body.append("  Gravité : ").append(IncidentLists.label(IncidentLists.GRAVITES, gravite)).append('\n');
        body.append("  Périmètre : ").append(IncidentLists.label(IncidentLists.PERIMETRES, perimetre)).append('\n');
        body.append("  Violation de données personnelles : ").append(IncidentProcess.OUI.equals(violationDonnees)
                ? "oui (le délégué à la protection des données notifie la CNIL)" : "non").append('\n');
        body.append("\nMesures décidées par l'académie :\n").append(indent(mesures)).append('\n');
        if (consignes != null && !consignes.isBlank()) {
            body.append("\nCe que la commune doit faire :\n").append(indent(consignes)).append('\n');
        }
        body.append("\nPour toute question, répondez au RSSI de l'académie par la boîte d'alerte SSI.\n");
        return body.append(SIGNATURE).toString();
    }

    /** RGPD article 33: the CNIL has not been notified 48 or 72 hours after detection. */
    public String escalationSubject(IncidentFacts facts, int hours) {
        return PREFIX + "URGENT – Incident " + facts.numero() + " : " + (hours >= 72
                ? "délai de 72 h dépassé, notification CNIL non faite"
                : "notification CNIL non faite, " + hours + " h écoulées depuis la détection");
    }

    public String escalationBody(IncidentFacts facts, int hours) {
        StringBuilder body = new StringBuilder("Bonjour,\n\n");
        body.append("La violation de données personnelles ").append(facts.numero()).append(" (commune de ")
                .append(facts.communeNom()).append(") a été détectée le ").append(longDateTime(facts.detection()))
                .append(".\n");
        if (hours >= 72) {
            body.append("Le délai de 72 heures fixé par l'article 33 du RGPD est dépassé depuis le ")
                    .append(deadlines.deadlineText(facts.detection()))
                    .append(" et la notification à la CNIL n'est pas enregistrée.\n")
                    .append("Notifiez la CNIL sans attendre davantage, en indiquant les motifs du retard.\n");
        } else {
            body.append(hours).append(" heures se sont écoulées et la notification à la CNIL")
                    .append(" n'est pas enregistrée.\n")
                    .append("Elle doit être faite au plus tard le ").append(deadlines.deadlineText(facts.detection()))
                    .append(" (72 heures après la détection, RGPD article 33).\n");
        }
        body.append("\nLa tâche « Notifier la CNIL » attend le délégué à la protection des données")
                .append(" dans Convention ENT : y inscrire la référence de la notification, ou le motif de non-notification.\n\n");
        keyFacts(body, facts);
        return body.append(SIGNATURE).toString();
    }

    private static void keyFacts(StringBuilder body, IncidentFacts facts) {
        body.append("  Numéro : ").append(facts.numero()).append('\n');
        body.append("  Type : ").append(facts.typeLabel()).append('\n');
        body.append("  Commune : ").append(facts.communeNom()).append(" (").append(facts.communeInsee()).append(")\n");
        body.append("  Écoles concernées : ").append(facts.ecolesUai().isEmpty() ? "non précisées"
                : String.join(", ", facts.ecolesUai())).append('\n');
        body.append("  Détecté le : ").append(longDateTime(facts.detection())).append('\n');
        body.append("  Données personnelles potentiellement concernées : ")
                .append(facts.donneesPersonnelles() ? "oui" : "non").append('\n');
    }

    private static String indent(String text) {
        return text == null ? "  (non renseigné)" : "  " + text.strip().replace("\n", "\n  ");
    }
}
