package fr.conventionent.incident;

import static fr.conventionent.incident.IncidentProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.conventionent.demo.SampleConventions;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.support.ConventionLifeTest;
import fr.conventionent.support.ConventionTables;

/**
 * Article 7 in a commune shared between two circonscriptions (Argenteuil: Jules Ferry in the nord, Les Tilleuls and
 * Victor Hugo in the sud): the alert goes to the IEN of each school the incident names, to both for "toutes".
 */
class SharedCommuneIncidentTest extends ConventionLifeTest {

    private static final String JULES_FERRY_NORD = "0950126W";
    private static final String LES_TILLEULS_SUD = "0950139K";
    private static final String ALERT_MAILBOX = "alerte-ssi@ac-versailles.fr";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    fr.conventionent.registry.CalendarFeed calendars;

    @BeforeEach
    void argenteuilHasAConventionWithItsThreeSchools() {
        ConventionTables.empty(jdbc);
        moveClockTo("2026-03-02", 11);
        ProcessInstance convention = startConvention("95018");
        taskService.complete(openTask(convention).getId(), SampleConventions.completion("95018", "Argenteuil", 3));
    }

    private ProcessInstance report(String ecoles) {
        ProcessInstance incident = start(ecoles);
        executeDueJobs();
        return incident;
    }

    /** Reported: the alert waits for the job executor. */
    private ProcessInstance start(String ecoles) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(TYPE_INCIDENT, "intrusion");
        variables.put(DATE_DETECTION, "2026-03-02T09:15");
        variables.put(COMMUNE_INSEE, "95018");
        variables.put(ECOLES_UAI, ecoles);
        variables.put(DONNEES_PERSONNELLES, false);
        variables.put(DESCRIPTION, "Un compte enseignant a publié des messages qui ne sont pas de lui.");
        return runtimeService.startProcessInstanceByKey(KEY, variables);
    }

    private List<String> alerted(ProcessInstance incident) {
        return recipients(mailsAbout("Incident de sécurité " + incident.getBusinessKey()).get(0));
    }

    @Test
    void anIncidentInOneSchoolAlertsOnlyTheIenOfThatSchool() {
        ProcessInstance sud = report(LES_TILLEULS_SUD);
        assertThat(alerted(sud)).containsExactlyInAnyOrder("ien.argenteuil-sud@demo.example", ALERT_MAILBOX);

        ProcessInstance nord = report(JULES_FERRY_NORD.toLowerCase());
        assertThat(alerted(nord)).containsExactlyInAnyOrder("ien.argenteuil-nord@demo.example", ALERT_MAILBOX);
        assertThat(JsonVariables.readList(historyVariable(nord, CIRCONSCRIPTIONS), String.class))
                .containsExactly("argenteuil-nord");
    }

    @Test
    void anIncidentInEverySchoolAlertsBothIens() {
        for (String toutes : new String[] {"toutes", ""}) {
            ProcessInstance incident = report(toutes);
            assertThat(alerted(incident)).as("« %s »", toutes).containsExactlyInAnyOrder(
                    "ien.argenteuil-nord@demo.example", "ien.argenteuil-sud@demo.example", ALERT_MAILBOX);
            assertThat(body(mailsAbout("Incident de sécurité " + incident.getBusinessKey()).get(0)))
                    .contains("toutes les écoles de la convention");
        }
    }

    @Test
    void schoolsOfBothCirconscriptionsAlertBothIens() {
        ProcessInstance incident = report(JULES_FERRY_NORD + ", " + LES_TILLEULS_SUD);
        assertThat(alerted(incident)).containsExactlyInAnyOrder("ien.argenteuil-nord@demo.example",
                "ien.argenteuil-sud@demo.example", ALERT_MAILBOX);
    }

    @Test
    void schoolsAndToutesTogetherAreRefusedAndNothingStarts() {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count();

        assertThatThrownBy(() -> report("toutes, " + LES_TILLEULS_SUD))
                .hasMessageContaining("Choisissez soit des écoles, soit « toutes »");

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(before);
    }

    @Test
    void anIncidentReportedBeforeSchoolsHadTheirCirconscriptionAlertsTheIenOfItsCommune() {
        ProcessInstance incident = start(LES_TILLEULS_SUD);
        runtimeService.removeVariable(incident.getId(), CIRCONSCRIPTIONS);

        executeDueJobs();

        assertThat(alerted(incident)).containsExactlyInAnyOrder("ien.argenteuil-nord@demo.example", ALERT_MAILBOX);
    }

    /** Reported and qualified as a personal-data breach: the CNIL must be notified within 72 hours. */
    private ProcessInstance breach(String ecoles, String competence) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(TYPE_INCIDENT, "fuite-donnees");
        variables.put(DATE_DETECTION, "2026-03-02T09:15");
        variables.put(COMMUNE_INSEE, "95018");
        variables.put(ECOLES_UAI, ecoles);
        variables.put(DONNEES_PERSONNELLES, true);
        variables.put(COMPETENCE, competence);
        variables.put(DESCRIPTION, "Les bulletins de l'école sont lisibles par tous les parents.");
        ProcessInstance incident = runtimeService.startProcessInstanceByKey(KEY, variables);
        executeDueJobs();
        taskService.complete(taskService.createTaskQuery().processInstanceId(incident.getId())
                .taskDefinitionKey(TASK_QUALIFY).singleResult().getId(), Map.of(GRAVITE, "elevee", PERIMETRE, "ecoles",
                VIOLATION_DONNEES, OUI, ANALYSE, "Droits mal paramétrés."));
        executeDueJobs();
        return incident;
    }

    private String calendarOf(String user) {
        java.io.StringWriter out = new java.io.StringWriter();
        calendars.write(calendars.viewer(user), out);
        return out.toString().replace("\r\n ", "");
    }

    @Test
    void theCnilDeadlineReachesTheIenOfTheSchoolNotTheIenOfTheCommune() {
        ProcessInstance incident = breach(LES_TILLEULS_SUD, ACADEMIE);
        String event = "Notification CNIL (72 h) – incident " + incident.getBusinessKey();

        assertThat(calendarOf("ien.argenteuil-sud")).contains(event, "DTSTART:20260305T081500Z");
        assertThat(calendarOf("ien.argenteuil-nord")).as("Argenteuil's own circonscription").doesNotContain(event);
        assertThat(calendarOf("ien.cergy")).doesNotContain(event);
        assertThat(calendarOf("mairie.argenteuil")).contains(event);
    }

    @Test
    void inTheCommunesFieldTheIenOfEachSchoolNamedMayCommentAndIsToldOfTheMeasures() {
        ProcessInstance incident = breach(JULES_FERRY_NORD + ", " + LES_TILLEULS_SUD, COMMUNE);

        List<String> commentators = taskService.getIdentityLinksForTask(taskService.createTaskQuery()
                .processInstanceId(incident.getId()).taskDefinitionKey(TASK_COMMENT).singleResult().getId()).stream()
                .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).toList();
        assertThat(commentators).containsExactlyInAnyOrder("rssi", "dpo", "ien-circo-argenteuil-nord",
                "ien-circo-argenteuil-sud");

        ProcessInstance sudOnly = breach(LES_TILLEULS_SUD, COMMUNE);
        taskService.complete(taskService.createTaskQuery().processInstanceId(sudOnly.getId())
                .taskDefinitionKey(TASK_DECIDE_MEASURES).singleResult().getId(), Map.of(MESURES,
                "Droits corrigés par le prestataire de la commune."));
        executeDueJobs();
        List<String> told = mailsAbout("Incident " + sudOnly.getBusinessKey() + "\u00a0: mesures décidées par la commune")
                .stream().flatMap(mail -> recipients(mail).stream()).distinct().toList();
        assertThat(told).contains("ien.argenteuil-sud@demo.example").doesNotContain("ien.argenteuil-nord@demo.example");
    }

    private Object historyVariable(ProcessInstance incident, String name) {
        return processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(incident.getId()).variableName(name).singleResult().getValue();
    }
}
