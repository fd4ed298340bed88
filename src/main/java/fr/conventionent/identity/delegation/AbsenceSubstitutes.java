package fr.conventionent.identity.delegation;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

import fr.conventionent.convention.FrenchFormats;
import fr.conventionent.convention.SubmittedDates;
import fr.conventionent.identity.UserDirectory;

/**
 * While a user is away, every task created for them (as assignee, candidate, or member of a candidate group) is also
 * offered to their substitute, and its description says why.
 */
@Component
public class AbsenceSubstitutes {

    private final DelegationRegister register;
    private final UserDirectory users;

    public AbsenceSubstitutes(DelegationRegister register, UserDirectory users) {
        this.register = register;
        this.users = users;
    }

    public void offerToSubstitutes(DelegateTask task) {
        LocalDate today = SubmittedDates.today();
        List<Absence> absences = register.absencesOn(today);
        if (absences.isEmpty()) {
            return;
        }
        Set<String> candidateUsers = new LinkedHashSet<>();
        Set<String> candidateGroups = new LinkedHashSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (link.getUserId() != null) {
                candidateUsers.add(link.getUserId());
            }
            if (link.getGroupId() != null) {
                candidateGroups.add(link.getGroupId());
            }
        }
        for (Absence absence : absences) {
            if (offeredTo(task, absence.utilisateur(), candidateUsers, candidateGroups)
                    && !offeredTo(task, absence.suppleant(), candidateUsers, candidateGroups)) {
                task.addCandidateUser(absence.suppleant());
                candidateUsers.add(absence.suppleant());
                String why = "Remplacement de " + nameOf(absence.utilisateur()) + " (absent du "
                        + FrenchFormats.longDate(absence.debut()) + " au " + FrenchFormats.longDate(absence.fin())
                        + ") : tâche proposée aussi à " + nameOf(absence.suppleant()) + ".";
                String description = task.getDescription();
                task.setDescription(description == null || description.isBlank() ? why : description + "\n" + why);
            }
        }
    }

    private boolean offeredTo(DelegateTask task, String user, Set<String> candidateUsers, Set<String> candidateGroups) {
        return user.equals(task.getAssignee()) || candidateUsers.contains(user)
                || candidateGroups.stream().anyMatch(group -> users.isMember(user, group));
    }

    private String nameOf(String user) {
        String name = users.fullNameOf(user);
        return name == null ? user : name;
    }
}
