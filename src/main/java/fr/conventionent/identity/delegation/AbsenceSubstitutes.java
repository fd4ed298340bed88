package fr.conventionent.identity.delegation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import fr.conventionent.identity.UserDirectory;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.SubmittedDates;

/**
 * While a user is away, every open task offered to them (they are its assignee, one of its candidate users, or a
 * member of one of its candidate groups) is also offered to their substitute, and its description says why. The
 * substitute is added when the task is created during the absence, when the absence is declared, and by the nightly
 * run of {@value AbsenceProcess#KEY} on its first day; removed, with the note, when it is withdrawn or by the night
 * after its last day, unless another absence still justifies it. The candidates added this way are kept in the task
 * variable {@value #SUBSTITUTES}, so that only they are ever removed. Every run gives the same result (idempotent).
 */
@Component
public class AbsenceSubstitutes {

    /** Task-local variable: the candidate users added for absences, comma-separated. */
    public static final String SUBSTITUTES = "suppleantsAbsence";
    /** How every note about an absence begins in a task's description. */
    static final String NOTE = "Remplacement de ";

    private final DelegationRegister register;
    private final UserDirectory users;
    private final ProcessEngine engine;

    public AbsenceSubstitutes(DelegationRegister register, UserDirectory users, ProcessEngine engine) {
        this.register = register;
        this.users = users;
        this.engine = engine;
    }

    /** At the creation of a task. */
    public void offerToSubstitutes(DelegateTask task) {
        List<Absence> absences = register.absencesOn(SubmittedDates.today());
        if (absences.isEmpty()) {
            return;
        }
        Map<String, List<Absence>> justified = justified(task.getAssignee(), task.getCandidates(), Set.of(), absences);
        if (justified.isEmpty()) {
            return;
        }
        justified.keySet().forEach(task::addCandidateUser);
        task.setVariableLocal(SUBSTITUTES, String.join(",", justified.keySet()));
        task.setDescription(withNotes(task.getDescription(), justified));
    }

    /** Records the absence and applies it at once to the open tasks: all or nothing. */
    public Absence declare(String user, Object debut, Object fin, String suppleant, String by) {
        return inOneTransaction(() -> {
            Absence declared = register.declareAbsence(user, debut, fin, suppleant, by);
            applyToOpenTasks();
            return declared;
        });
    }

    /** Withdraws the absence and takes its substitute off the tasks it justified. */
    public boolean withdraw(long id) {
        return inOneTransaction(() -> {
            boolean removed = register.removeAbsence(id);
            applyToOpenTasks();
            return removed;
        });
    }

    /** Brings every open task in line with today's absences; returns how many tasks changed. */
    public int applyToOpenTasks() {
        return inOneTransaction(() -> {
            List<Absence> absences = register.absencesOn(SubmittedDates.today());
            TaskService tasks = engine.getTaskService();
            Map<String, Task> concerned = new LinkedHashMap<>();
            tasks.createTaskQuery().taskVariableValueLike(SUBSTITUTES, "%").list()
                    .forEach(t -> concerned.put(t.getId(), t));
            for (String absent : absences.stream().map(Absence::utilisateur).distinct().toList()) {
                tasks.createTaskQuery().taskAssignee(absent).list().forEach(t -> concerned.put(t.getId(), t));
                tasks.createTaskQuery().taskCandidateUser(absent).includeAssignedTasks().list()
                        .forEach(t -> concerned.put(t.getId(), t));
            }
            int changed = 0;
            for (Task task : concerned.values()) {
                changed += apply(task, absences, tasks) ? 1 : 0;
            }
            return changed;
        });
    }

    private boolean apply(Task task, List<Absence> absences, TaskService tasks) {
        Set<String> added = split((String) tasks.getVariableLocal(task.getId(), SUBSTITUTES));
        List<IdentityLink> links = tasks.getIdentityLinksForTask(task.getId());
        Map<String, List<Absence>> justified = justified(task.getAssignee(), links, added, absences);
        boolean changed = false;
        for (String substitute : added) {
            if (!justified.containsKey(substitute)) {
                tasks.deleteCandidateUser(task.getId(), substitute);
                changed = true;
            }
        }
        for (String substitute : justified.keySet()) {
            if (!added.contains(substitute)) {
                tasks.addCandidateUser(task.getId(), substitute);
                changed = true;
            }
        }
        if (justified.isEmpty()) {
            if (!added.isEmpty()) {
                tasks.removeVariableLocal(task.getId(), SUBSTITUTES);
            }
        } else if (!justified.keySet().equals(added)) {
            tasks.setVariableLocal(task.getId(), SUBSTITUTES, String.join(",", justified.keySet()));
        }
        String description = withNotes(task.getDescription(), justified);
        if (!description.equals(task.getDescription() == null ? "" : task.getDescription())) {
            task.setDescription(description.isEmpty() ? null : description);
            tasks.saveTask(task);
            changed = true;
        }
        return changed;
    }

    /**
     * The substitutes the absences justify, each with the absences behind it: the task is offered to the absent and
     * not already to the substitute. Only the task's own offer counts, not the candidates added for absences.
     */
    private Map<String, List<Absence>> justified(String assignee, Collection<IdentityLink> links, Set<String> added,
                                                 List<Absence> absences) {
        Set<String> candidateUsers = new LinkedHashSet<>();
        Set<String> candidateGroups = new LinkedHashSet<>();
        for (IdentityLink link : links) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getUserId() != null && !added.contains(link.getUserId())) {
                candidateUsers.add(link.getUserId());
            }
            if (link.getGroupId() != null) {
                candidateGroups.add(link.getGroupId());
            }
        }
        Map<String, List<Absence>> justified = new LinkedHashMap<>();
        for (Absence absence : absences) {
            if (offeredTo(absence.utilisateur(), assignee, candidateUsers, candidateGroups)
                    && !offeredTo(absence.suppleant(), assignee, candidateUsers, candidateGroups)) {
                justified.computeIfAbsent(absence.suppleant(), s -> new ArrayList<>()).add(absence);
            }
        }
        return justified;
    }

    private boolean offeredTo(String user, String assignee, Set<String> candidateUsers, Set<String> candidateGroups) {
        return user.equals(assignee) || candidateUsers.contains(user)
                || candidateGroups.stream().anyMatch(group -> users.isMember(user, group));
    }

    /** The description without its former notes about absences, with one note for each absence that applies. */
    private String withNotes(String description, Map<String, List<Absence>> justified) {
        List<String> lines = new ArrayList<>();
        if (description != null) {
            description.lines().filter(line -> !line.startsWith(NOTE)).forEach(lines::add);
        }
        justified.forEach((substitute, absences) -> absences.forEach(absence -> lines.add(NOTE
                + nameOf(absence.utilisateur()) + " (absent du " + FrenchFormats.longDate(absence.debut()) + " au "
                + FrenchFormats.longDate(absence.fin()) + ") : tâche proposée aussi à " + nameOf(substitute) + ".")));
        return String.join("\n", lines).strip();
    }

    private String nameOf(String user) {
        String name = users.fullNameOf(user);
        return name == null ? user : name;
    }

    private static Set<String> split(String value) {
        Set<String> ids = new LinkedHashSet<>();
        if (value != null) {
            Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(ids::add);
        }
        return ids;
    }

    /** One engine command (one transaction with the register's tables), whoever is logged in. */
    private <T> T inOneTransaction(Supplier<T> work) {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(context -> context.runWithoutAuthorization(work::get));
    }
}
