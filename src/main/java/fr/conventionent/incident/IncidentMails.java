package fr.conventionent.incident;

import static fr.conventionent.incident.BreachDeadlines.longDateTime;
import static fr.conventionent.notification.MailTemplates.variables;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import fr.conventionent.notification.MailContent;
import fr.conventionent.notification.MailTemplates;

/** The mails of the incident process (templates {@code mails/incident-*}): their variables from the facts. */
@Component
public class IncidentMails {

    private final BreachDeadlines deadlines;
    private final MailTemplates templates;

    public IncidentMails(BreachDeadlines deadlines, MailTemplates templates) {
        this.deadlines = deadlines;
        this.templates = templates;
    }

    /** Article 7: to the IEN of the circonscription and the académie's alert mailbox. */
    public MailContent alert(IncidentFacts facts, String declarantEmail, List<String> evidenceFiles) {
        Map<String, Object> variables = facts(facts);
        variables.putAll(variables(
                "declarant", facts.declarant() == null ? "l'application" : facts.declarant(),
                "declarantEmail", declarantEmail,
                "signalement", facts.dateSignalement() == null ? null : longDateTime(facts.dateSignalement()),
                "pieces", evidenceFiles.isEmpty() ? "aucune"
                        : String.join(", ", evidenceFiles) + " (conservées dans le dossier de l'incident)",
                "description", indented(facts.description()),
                "echeanceCnil", deadlines.deadlineText(facts.detection())));
        return templates.render("incident-alerte", variables);
    }

    /**
     * The measures decided: the académie's, to the commune; in the commune's field, the commune's, to the académie.
     */
    public MailContent measures(IncidentFacts facts, String competence, String cnilNotifier, String gravite,
                                String perimetre, String violationDonnees, String mesures, String consignes) {
        boolean byCommune = IncidentProcess.COMMUNE.equals(competence);
        Map<String, Object> variables = facts(facts);
        variables.putAll(variables(
                "decideur", byCommune ? "la commune" : "l'académie",
                "decideurMajuscule", byCommune ? "La commune" : "L'académie",
                "parCommune", byCommune,
                "competence", IncidentLists.label(IncidentLists.COMPETENCES, competence).toLowerCase(),
                "notifiant", IncidentProcess.COMMUNE.equals(cnilNotifier)
                        ? "la commune notifie" : "le délégué à la protection des données de l'académie notifie",
                "gravite", IncidentLists.label(IncidentLists.GRAVITES, gravite),
                "perimetre", IncidentLists.label(IncidentLists.PERIMETRES, perimetre),
                "violation", IncidentProcess.OUI.equals(violationDonnees),
                "mesures", indented(mesures),
                "consignes", consignes == null || consignes.isBlank() ? null : indented(consignes)));
        return templates.render("incident-mesures", variables);
    }

    /** Commune's field: the académie's comment, to the commune. */
    public MailContent comment(IncidentFacts facts, String author, String comment) {
        Map<String, Object> variables = facts(facts);
        variables.putAll(variables("auteur", author, "commentaire", indented(comment)));
        return templates.render("incident-commentaire", variables);
    }

    /** The commune notifies the CNIL: its DPO, who may have no account, learns the deadline by mail. */
    public MailContent communeNotifiesCnil(IncidentFacts facts, boolean shared) {
        Map<String, Object> variables = facts(facts);
        variables.putAll(variables("echeanceCnil", deadlines.deadlineText(facts.detection()),
                "motif", shared ? "du champ partagé entre l'académie et la commune, et le délégué à la protection des"
                        + " données de l'académie a désigné la commune pour la notifier"
                        : "du champ de compétence de la commune (article 6 de la convention)"));
        return templates.render("incident-cnil-commune", variables);
    }

    /** RGPD article 33: the CNIL has not been notified 48 or 72 hours after detection. */
    public MailContent escalation(IncidentFacts facts, int hours, String cnilNotifier) {
        Map<String, Object> variables = facts(facts);
        variables.putAll(variables("heures", hours, "depasse", hours >= 72,
                "notifiant", IncidentProcess.COMMUNE.equals(cnilNotifier) ? "les agents de la commune"
                        : "le délégué à la protection des données de l'académie",
                "echeanceCnil", deadlines.deadlineText(facts.detection())));
        return templates.render("incident-relance-cnil", variables);
    }

    private static Map<String, Object> facts(IncidentFacts facts) {
        return variables(
                "incident", facts.numero(),
                "type", facts.typeLabel(),
                "commune", facts.communeNom(),
                "insee", facts.communeInsee(),
                "ecoles", facts.ecolesUai().isEmpty() ? "toutes les écoles de la convention"
                        : String.join(", ", facts.ecolesUai()),
                "detection", longDateTime(facts.detection()),
                "donneesPersonnelles", facts.donneesPersonnelles());
    }

    /** A free text under its heading: its lines indented like the facts (the template indents the first). */
    private static String indented(String text) {
        return text == null ? "(non renseigné)" : text.strip().replace("\n", "\n  ");
    }
}
