package fr.conventionent.incident;

import static fr.conventionent.incident.IncidentProcess.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import fr.conventionent.identity.UserDirectory;
import fr.conventionent.kernel.InvalidSubmissionException;

/**
 * Server-side check of each step of an incident on completion (Camunda Forms validate in the
 * browser only): a refusal rolls the completion back, nothing submitted is stored, and the French
 * message is shown in Tasklist (400 over REST). Accepted texts are stored trimmed.
 */
@Component("incidentStepListener")
public class IncidentStepListener implements TaskListener {

    static final int MAX_TEXT = 4000;
    static final int MAX_REFERENCE = 100;

    private final BreachDeadlines deadlines;
    private final UserDirectory users;

    public IncidentStepListener(BreachDeadlines deadlines, UserDirectory users) {
        this.deadlines = deadlines;
        this.users = users;
    }

    @Override
    public void notify(DelegateTask task) {
        List<String> errors = new ArrayList<>();
        switch (task.getTaskDefinitionKey()) {
            case TASK_QUALIFY -> qualify(task, errors);
            case TASK_DECIDE_MEASURES -> decideMeasures(task, errors);
            case TASK_DECIDE_COMMUNE_MEASURES -> requiredText(task, MESURES_COMMUNE, "Les mesures de la commune",
                    "Décrivez les mesures décidées par la commune.", errors);
            case TASK_COMMENT -> comment(task, errors);
            case TASK_DESIGNATE_CNIL_NOTIFIER -> designateCnilNotifier(task, errors);
            case TASK_NOTIFY_CNIL -> notifyCnil(task, errors);
            case TASK_CLOSE -> close(task, errors);
            default -> throw new IllegalStateException("Étape inconnue : " + task.getTaskDefinitionKey());
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
    }

    private void qualify(DelegateTask task, List<String> errors) {
        if (!IncidentLists.GRAVITES.containsKey(String.valueOf(task.getVariable(GRAVITE)))) {
            errors.add("Choisissez la gravité de l'incident (faible, moyenne, élevée ou critique).");
        }
        if (!IncidentLists.PERIMETRES.containsKey(String.valueOf(task.getVariable(PERIMETRE)))) {
            errors.add("Choisissez le périmètre de l'incident.");
        }
        Object violation = task.getVariable(VIOLATION_DONNEES);
        if (!OUI.equals(violation) && !NON.equals(violation)) {
            errors.add("Indiquez s'il s'agit d'une violation de données personnelles (oui ou non).");
        }
        String analyse = optionalText(task, ANALYSE, "L'analyse", errors);
        if (NON.equals(violation) && Boolean.TRUE.equals(task.getVariable(DONNEES_PERSONNELLES)) && analyse == null) {
            errors.add("Le signalement indique que des données personnelles pourraient être concernées : expliquez"
                    + " dans l'analyse pourquoi il ne s'agit pas d'une violation de données personnelles.");
        }
    }

    private void decideMeasures(DelegateTask task, List<String> errors) {
        requiredText(task, MESURES, "Les mesures", IncidentCompetence.isCommune(task)
                ? "Décrivez les mesures décidées par la commune." : "Décrivez les mesures décidées par l'académie.",
                errors);
        optionalText(task, CONSIGNES_COMMUNE, "Les consignes à la commune", errors);
    }

    /** The comment is optional ("rien à ajouter" is an answer); its author is kept beside it. */
    private void comment(DelegateTask task, List<String> errors) {
        if (optionalText(task, COMMENTAIRE_ACADEMIE, "Le commentaire", errors) != null && errors.isEmpty()) {
            task.setVariable(COMMENTAIRE_PAR, users.currentUserId());
        }
    }

    /** Shared field: the académie's DPO says which party notifies the CNIL, once. */
    private void designateCnilNotifier(DelegateTask task, List<String> errors) {
        Object notifier = task.getVariable(NOTIFIANT_CNIL);
        if (!IncidentLists.NOTIFIANTS_CNIL.containsKey(String.valueOf(notifier))) {
            errors.add("Indiquez qui notifie la CNIL : l'académie ou la commune.");
            return;
        }
        task.setVariable(NOTIFIANT_CNIL_LIBELLE, IncidentLists.label(IncidentLists.NOTIFIANTS_CNIL, notifier));
    }

    /** RGPD article 33: the CNIL notification's reference, or why the breach is not notified. */
    private void notifyCnil(DelegateTask task, List<String> errors) {
        String reference = optionalText(task, REFERENCE_NOTIFICATION_CNIL, "La référence", errors);
        String motif = optionalText(task, MOTIF_NON_NOTIFICATION, "Le motif", errors);
        Object choice = task.getVariable(NOTIFICATION_CNIL);
        if (choice == null || choice.toString().isBlank()) {
            choice = reference != null && motif == null ? NOTIFIEE : motif != null && reference == null ? NON_NOTIFIEE : null;
        }
        if (NOTIFIEE.equals(choice) && reference == null) {
            errors.add("Indiquez la référence de la notification faite à la CNIL.");
        } else if (NON_NOTIFIEE.equals(choice) && motif == null) {
            errors.add("Indiquez le motif de non-notification : pourquoi la violation n'est pas susceptible"
                    + " d'engendrer un risque pour les droits et libertés des personnes.");
        } else if (!NOTIFIEE.equals(choice) && !NON_NOTIFIEE.equals(choice)) {
            errors.add("Indiquez la référence de la notification à la CNIL, ou le motif de non-notification.");
        }
        if (!errors.isEmpty()) {
            return;
        }
        task.setVariable(NOTIFICATION_CNIL, choice);
        Date now = ClockUtil.getCurrentTime();
        if (NOTIFIEE.equals(choice)) {
            task.getExecution().removeVariable(MOTIF_NON_NOTIFICATION);
            task.setVariable(DATE_NOTIFICATION_CNIL, now);
            task.setVariable(NOTIFICATION_HORS_DELAI, deadlines.isLate((Date) task.getVariable(DATE_DETECTION), now));
        } else {
            task.getExecution().removeVariable(REFERENCE_NOTIFICATION_CNIL);
        }
    }

    private void close(DelegateTask task, List<String> errors) {
        if (requiredText(task, RAPPORT_CLOTURE, "Le rapport de clôture",
                "Rédigez le rapport de clôture : causes, mesures prises, conséquences, actions restant à mener.",
                errors)) {
            task.setVariable(DATE_CLOTURE, ClockUtil.getCurrentTime());
        }
    }

    private static boolean requiredText(DelegateTask task, String name, String what, String missing,
                                        List<String> errors) {
        String text = optionalText(task, name, what, errors);
        if (text == null) {
            errors.add(missing);
            return false;
        }
        return true;
    }

    /** The trimmed text, stored back; null (and the variable removed) when empty. */
    private static String optionalText(DelegateTask task, String name, String what, List<String> errors) {
        Object value = task.getVariable(name);
        String text = value == null ? "" : value.toString().trim();
        if (text.isEmpty()) {
            if (value != null) {
                task.getExecution().removeVariable(name);
            }
            return null;
        }
        int max = REFERENCE_NOTIFICATION_CNIL.equals(name) ? MAX_REFERENCE : MAX_TEXT;
        if (text.length() > max) {
            errors.add(what + " ne doit pas dépasser " + max + " caractères.");
            return text;
        }
        task.setVariable(name, text);
        return text;
    }
}
