package fr.conventionent.pilotage;

import static fr.conventionent.pilotage.SteeringCommitteeProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import fr.conventionent.convention.ConventionLife;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.InvalidSubmissionException;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.kernel.Party;
import fr.conventionent.kernel.SubmittedDates;

/**
 * "Convoquer le comité de pilotage": a date to come, a place, an agenda, and members of both
 * parties (article 4: « composé de membres de la commune et de l'académie »), each with a valid
 * e-mail address for the invitation. Everything is checked again on the server.
 */
@Component("conveneSteeringCommitteeListener")
public class ConveneSteeringCommitteeListener implements TaskListener {

    private final ConventionLife life;

    public ConveneSteeringCommitteeListener(ConventionLife life) {
        this.life = life;
    }

    @Override
    public void notify(DelegateTask task) {
        List<String> errors = new ArrayList<>();
        LocalDate date = SubmittedDates.required(task.getVariable(DATE_COMITE), "La date du comité");
        SubmittedDates.notInPast(date, "La date du comité");
        String lieu = text(task.getVariable(LIEU));
        String agenda = text(task.getVariable(ORDRE_DU_JOUR));
        if (lieu.isEmpty()) {
            errors.add("Indiquez le lieu de la réunion.");
        }
        if (agenda.isEmpty()) {
            errors.add("Indiquez l'ordre du jour.");
        }
        List<Participant> participants = new ArrayList<>();
        List<Participant> submitted = JsonVariables.readList(task.getVariable(PARTICIPANTS), Participant.class);
        for (int i = 0; i < submitted.size(); i++) {
            Participant p = submitted.get(i);
            if (p == null || (text(p.nom()).isEmpty() && text(p.email()).isEmpty() && text(p.fonction()).isEmpty())) {
                continue;
            }
            String label = "Participant n° " + (i + 1) + (text(p.nom()).isEmpty() ? "" : " (" + text(p.nom()) + ")");
            if (text(p.nom()).isEmpty()) {
                errors.add(label + " : le nom est obligatoire.");
            }
            if (!Party.COMMUNE.code().equals(p.partie()) && !Party.ACADEMIE.code().equals(p.partie())) {
                errors.add(label + " : indiquez s'il représente la commune ou l'académie.");
            }
            if (!FrenchFormats.isEmail(text(p.email()))) {
                errors.add(label + " : l'adresse de messagerie « " + text(p.email()) + " » n'est pas valide.");
            }
            participants.add(new Participant(text(p.nom()), text(p.fonction()), p.partie(),
                    text(p.email()).toLowerCase()));
        }
        if (participants.stream().noneMatch(p -> Party.COMMUNE.code().equals(p.partie()))) {
            errors.add("Le comité de pilotage comprend des membres de la commune : ajoutez au moins un participant"
                    + " de la commune.");
        }
        if (participants.stream().noneMatch(p -> Party.ACADEMIE.code().equals(p.partie()))) {
            errors.add("Le comité de pilotage comprend des membres de l'académie : ajoutez au moins un participant"
                    + " de l'académie.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        task.setVariable(DATE_COMITE, SubmittedDates.toDate(date));
        // the comité is convened: its date replaces the date by which it was due
        life.committee(task.getExecution().getProcessBusinessKey(), date);
        task.setVariable(LIEU, lieu);
        task.setVariable(ORDRE_DU_JOUR, agenda);
        task.setVariable(PARTICIPANTS, JsonVariables.write(participants));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }
}
