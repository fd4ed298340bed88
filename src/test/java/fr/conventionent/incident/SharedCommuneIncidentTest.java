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

    private Object historyVariable(ProcessInstance incident, String name) {
        return processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(incident.getId()).variableName(name).singleResult().getValue();
    }
}
