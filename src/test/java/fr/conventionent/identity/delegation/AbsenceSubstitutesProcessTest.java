package fr.conventionent.identity.delegation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.Groups;
import fr.conventionent.resiliation.ResiliationProcess;
import fr.conventionent.support.ConventionLifeTest;

/**
 * An absence also reaches the tasks already open when it begins, and leaves them when it ends or is withdrawn: the
 * nightly run of {@link AbsenceProcess}, driven here by the engine clock.
 */
class AbsenceSubstitutesProcessTest extends ConventionLifeTest {

    private static final String DACES_ADJOINT = "daces.adjoint";

    @Autowired
    AbsenceSubstitutes substitutes;
    @Autowired
    DelegationRegister register;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void substitute() {
        if (identityService.createUserQuery().userId(DACES_ADJOINT).count() == 0) {
            User user = identityService.newUser(DACES_ADJOINT);
            user.setFirstName("Inès");
            user.setLastName("Petit");
            user.setEmail(DACES_ADJOINT + "@ac-versailles.example");
            identityService.saveUser(user);
        }
    }

    @AfterEach
    void forgetAbsences() {
        jdbc.update("delete from absence");
        actAsNobody();
    }

    /** The task « constater le manquement » of a résiliation started by the DACES, offered to the group daces. */
    private Task daceTask(String numero) {
        actAsDaces();
        runtimeService.startProcessInstanceByKey(ResiliationProcess.KEY,
                Map.of(ConventionVariables.CONVENTION_NUMERO, numero));
        actAsNobody();
        return task(numero, ResiliationProcess.TASK_STATE_BREACH);
    }

    /** The nightly run's next due date follows the clock of this test, whatever earlier tests did with it. */
    private void nightlyRunFromNow() {
        Job nightly = managementService.createJobQuery().processDefinitionKey(AbsenceProcess.KEY).singleResult();
        assertThat(nightly).as("la suppléance des absences passe chaque nuit").isNotNull();
        managementService.recalculateJobDuedate(nightly.getId(), false);
    }

    private Task reread(Task task) {
        return taskService.createTaskQuery().taskId(task.getId()).singleResult();
    }

    private List<String> candidateUsers(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getUserId)
                .filter(u -> u != null).toList();
    }

    @Test
    void aTaskOpenBeforeTheAbsenceGetsTheSubstituteOnItsFirstDayAndLosesItAfterItsLastDay() {
        Task open = daceTask(numero(signedConvention("2026-09-15")));
        moveClockTo("2027-02-20", 9);
        nightlyRunFromNow();
        substitutes.declare("daces", "2027-03-01", "2027-03-05", DACES_ADJOINT, "daces");
        assertThat(candidateUsers(open)).as("l'absence n'a pas commencé").isEmpty();

        moveClockTo("2027-02-28", 23);
        executeDueJobs();
        assertThat(candidateUsers(open)).as("la veille").isEmpty();

        moveClockTo("2027-03-01", 3);
        executeDueJobs();
        assertThat(candidateGroupOf(reread(open))).isEqualTo(Groups.DACES);
        assertThat(candidateUsers(open)).as("premier jour de l'absence").containsExactly(DACES_ADJOINT);
        assertThat(reread(open).getDescription())
                .contains("Remplacement de", "(absent du 1er mars 2027 au 5 mars 2027)", "Inès Petit");
        assertThat(taskService.createTaskQuery().taskCandidateUser(DACES_ADJOINT).taskId(open.getId()).count())
                .as("dans la liste du suppléant").isEqualTo(1);

        moveClockTo("2027-03-05", 20);
        executeDueJobs();
        assertThat(candidateUsers(open)).as("dernier jour").containsExactly(DACES_ADJOINT);

        moveClockTo("2027-03-06", 3);
        executeDueJobs();
        assertThat(candidateUsers(open)).as("lendemain du dernier jour").isEmpty();
        assertThat(reread(open).getDescription() == null ? "" : reread(open).getDescription())
                .doesNotContain("Remplacement");
        assertThat(taskService.getVariableLocal(open.getId(), AbsenceSubstitutes.SUBSTITUTES)).isNull();
        assertThat(candidateGroupOf(reread(open))).as("le groupe garde sa tâche").isEqualTo(Groups.DACES);
    }

    @Test
    void anAbsenceDeclaredOrWithdrawnTodayAppliesAtOnceUnlessAnotherAbsenceStillJustifiesTheSubstitute() {
        Task open = daceTask(numero(signedConvention("2026-09-15")));
        moveClockTo("2027-03-05", 10);
        nightlyRunFromNow();
        Absence week = substitutes.declare("daces", "2027-03-01", "2027-03-12", DACES_ADJOINT, "daces");
        assertThat(candidateUsers(open)).as("déclarée en cours d'absence").containsExactly(DACES_ADJOINT);
        Absence friday = substitutes.declare("daces", "2027-03-05", "2027-03-05", DACES_ADJOINT, "daces");
        substitutes.applyToOpenTasks();
        assertThat(candidateUsers(open)).as("une seule fois").containsExactly(DACES_ADJOINT);
        assertThat(reread(open).getDescription()).contains("au 12 mars 2027", "du 5 mars 2027 au 5 mars 2027");

        substitutes.withdraw(week.id());
        assertThat(candidateUsers(open)).as("l'autre absence la justifie encore").containsExactly(DACES_ADJOINT);
        assertThat(reread(open).getDescription()).doesNotContain("au 12 mars 2027").contains("du 5 mars 2027");

        substitutes.withdraw(friday.id());
        assertThat(candidateUsers(open)).isEmpty();
        assertThat(reread(open).getDescription() == null ? "" : reread(open).getDescription())
                .doesNotContain("Remplacement");
    }

    @Test
    void aSubstituteAddedAtTheTasksCreationLeavesItWhenTheAbsenceEndsButAnOwnCandidateStays() {
        String numero = numero(signedConvention("2026-09-15"));
        moveClockTo("2027-03-01", 9);
        nightlyRunFromNow();
        substitutes.declare("daces", "2027-03-01", "2027-03-02", DACES_ADJOINT, "daces");
        Task created = daceTask(numero);
        moveClockTo("2027-03-02", 9);
        assertThat(candidateUsers(created)).as("créée pendant l'absence").containsExactly(DACES_ADJOINT);
        taskService.addCandidateUser(created.getId(), "dsi");

        moveClockTo("2027-03-03", 3);
        executeDueJobs();
        assertThat(candidateUsers(created)).as("seul le suppléant s'en va").containsExactly("dsi");
        assertThat(reread(created).getDescription() == null ? "" : reread(created).getDescription())
                .doesNotContain("Remplacement");
    }
}
