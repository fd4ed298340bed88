package fr.conventionent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import fr.conventionent.aaf.process.AafRunLog;
import fr.conventionent.aaf.process.AafRunReport;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.demo.SampleConventions;
import fr.conventionent.incident.IncidentCirconscriptionsLog;
import fr.conventionent.incident.IncidentProcess;
import fr.conventionent.support.Circuits;
import fr.conventionent.support.ConventionLifeTest;
import fr.conventionent.support.ConventionTables;

/**
 * The dashboard in a commune shared between two circonscriptions (Argenteuil: its own is the nord; Jules Ferry is in
 * the nord, Les Tilleuls and Victor Hugo in the sud): the figures of a convention go to the IEN of each circonscription
 * of its schools, never to the commune's when it has no school there; a convention spanning both counts in each, and
 * once for the académie and the département.
 */
class SharedCommuneDashboardTest extends ConventionLifeTest {

    private static final String PERIOD = "du=2026-01-01&au=2026-02-28";
    private static final String LES_TILLEULS_SUD = "0950139K";
    private static final List<String> CHARTS = List.of("etapes", "rejets", "motifs", "bloquees", "bloquees-liste",
            "couverture", "echeances", "aaf", "incidents");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AafRunLog aafRuns;
    @Autowired
    IncidentCirconscriptionsLog incidentCirconscriptions;

    @BeforeEach
    void emptyFigures() {
        ConventionTables.empty(jdbc);
        jdbc.update("DELETE FROM livraison_aaf");
        jdbc.update("DELETE FROM livraison_aaf_jour");
        jdbc.update("DELETE FROM etape_terminee");
        jdbc.update("DELETE FROM etape_duree_mois");
        removeIncidents();
        moveClockTo("2026-01-05", 9);
    }

    /** The incidents of other tests would be counted too (their history outlives them), and ours in theirs. */
    @AfterEach
    void removeIncidents() {
        runtimeService.createProcessInstanceQuery().processDefinitionKey(IncidentProcess.KEY).list()
                .forEach(incident -> runtimeService.deleteProcessInstance(incident.getId(), "test"));
        var history = processEngine.getHistoryService();
        history.createHistoricProcessInstanceQuery().processDefinitionKey(IncidentProcess.KEY).list()
                .forEach(incident -> history.deleteHistoricProcessInstance(incident.getId()));
        jdbc.update("DELETE FROM circonscription_incident");
    }

    /** Argenteuil's convention with these schools, at its IENs since 7 January, an AAF run and an incident. */
    private String argenteuilAtTheIens(List<fr.conventionent.kernel.Ecole> schools, String incidentSchools) {
        ProcessInstance convention = startConvention("95018");
        Map<String, Object> completion = SampleConventions.completion("95018", "Argenteuil", 3);
        completion.put(ConventionVariables.ECOLES, JsonVariables.write(schools));
        moveClockTo("2026-01-06", 9);
        taskService.complete(openTask(convention).getId(), completion);
        moveClockTo("2026-01-07", 9);
        taskService.complete(openTask(convention).getId(), Circuits.signedCopies());
        String numero = numero(convention);
        aafRuns.ended(numero, java.util.Date.from(LocalDate.parse("2026-02-02").atTime(6, 0).atZone(PARIS).toInstant()),
                AafRunReport.Result.ENVOYE);
        moveClockTo("2026-02-02", 10);
        Map<String, Object> report = new HashMap<>();
        report.put(IncidentProcess.TYPE_INCIDENT, "fuite-donnees");
        report.put(IncidentProcess.DATE_DETECTION, "2026-02-02T09:00");
        report.put(IncidentProcess.COMMUNE_INSEE, "95018");
        report.put(IncidentProcess.ECOLES_UAI, incidentSchools);
        report.put(IncidentProcess.DONNEES_PERSONNELLES, false);
        report.put(IncidentProcess.DESCRIPTION, "Liste des élèves visible par tous les parents.");
        runtimeService.startProcessInstanceByKey(IncidentProcess.KEY, report);
        executeDueJobs();
        moveClockTo("2026-03-01", 9);
        return numero;
    }

    @Test
    void aConventionWithSchoolsOnlyInTheSudIsNeverShownToTheIenOfTheCommunesOwnCirconscription() throws Exception {
        String argenteuil = argenteuilAtTheIens(SampleConventions.schools("95018", "Argenteuil", 3).subList(1, 3),
                LES_TILLEULS_SUD);

        for (String name : CHARTS) {
            for (String query : List.of(PERIOD, PERIOD + "&par=circonscription")) {
                String json = chart("ien.argenteuil-nord", name + "?" + query).toString();
                assertThat(json).as(name).doesNotContain(argenteuil).doesNotContain("argenteuil-sud");
                assertThat(lines(chart("ien.argenteuil-nord", name + "?" + query), "nombre", "livraisons",
                        "enVigueur", "dansLeCircuit", "reconductions")).as(name)
                        .allMatch(line -> line.matches("[0 |]*"));
                String csv = csv("ien.argenteuil-nord", name + ".csv?" + query);
                assertThat(csv).as(name + ".csv").doesNotContain(argenteuil).doesNotContain("argenteuil-sud");
            }
        }
        assertThat(lines(chart("ien.argenteuil-nord", "couverture?par=circonscription"), "groupe", "dansLeCircuit",
                "aucune")).containsExactly("argenteuil-nord | 0 | 1");

        assertThat(lines(chart("ien.argenteuil-sud", "bloquees-liste?seuil=30"), "numero")).containsExactly(argenteuil);
        assertThat(lines(chart("ien.argenteuil-sud", "couverture?par=circonscription"), "groupe", "dansLeCircuit",
                "ecoles")).containsExactly("argenteuil-sud | 1 | 0");
        assertThat(lines(chart("ien.argenteuil-sud", "aaf?" + PERIOD), "livraisons")).containsExactly("1");
        assertThat(lines(chart("ien.argenteuil-sud", "incidents?" + PERIOD), "nombre")).containsExactly("1");
        assertThat(lines(chart("ien.argenteuil-sud", "etapes?" + PERIOD + "&par=circonscription"), "groupe"))
                .isNotEmpty().containsOnly("argenteuil-sud");
        assertThat(chart("ien.argenteuil-sud", "perimetre").get("circonscriptions").toString())
                .contains("argenteuil-sud").doesNotContain("argenteuil-nord");

        // an incident reported before its circonscriptions had their table gets them from the history at start-up
        jdbc.update("DELETE FROM circonscription_incident");
        assertThat(chart("ien.argenteuil-sud", "incidents?" + PERIOD).get("lignes")).isEmpty();
        incidentCirconscriptions.run(null);
        incidentCirconscriptions.run(null);
        assertThat(lines(chart("ien.argenteuil-sud", "incidents?" + PERIOD), "nombre")).containsExactly("1");
        assertThat(chart("ien.argenteuil-nord", "incidents?" + PERIOD).get("lignes")).isEmpty();
    }

    @Test
    void aConventionSpanningBothCirconscriptionsCountsInEachButOnceForTheAcademieAndTheDepartement() throws Exception {
        argenteuilAtTheIens(SampleConventions.schools("95018", "Argenteuil", 3), "toutes");

        assertThat(lines(chart("daces", "couverture?par=circonscription&departement=95"), "groupe", "dansLeCircuit",
                "aucune")).containsExactly("argenteuil-nord | 1 | 0", "argenteuil-sud | 1 | 0", "cergy | 0 | 2");
        assertThat(lines(chart("daces", "couverture?departement=95"), "groupe", "dansLeCircuit", "communes"))
                .containsExactly("95 | 1 | 3");
        assertThat(lines(chart("daces", "etapes?" + PERIOD + "&par=circonscription"), "etape", "groupe", "nombre"))
                .contains("Compléter (commune) | argenteuil-nord | 1", "Compléter (commune) | argenteuil-sud | 1");
        assertThat(lines(chart("daces", "etapes?" + PERIOD + "&par=circonscription&circonscription=argenteuil-sud"),
                "groupe")).isNotEmpty().containsOnly("argenteuil-sud");
        assertThat(lines(chart("daces", "etapes?" + PERIOD), "etape", "groupe", "nombre"))
                .contains("Compléter (commune) | 95 | 1");

        for (String user : List.of("daces", "dasen.95", "ien.argenteuil-nord", "ien.argenteuil-sud")) {
            assertThat(lines(chart(user, "bloquees?seuil=30"), "nombre")).as(user).containsExactly("1");
            assertThat(lines(chart(user, "aaf?" + PERIOD), "livraisons")).as(user).containsExactly("1");
            assertThat(lines(chart(user, "incidents?" + PERIOD), "nombre")).as(user).containsExactly("1");
        }
        for (String filter : List.of("circonscription=argenteuil-nord", "circonscription=argenteuil-sud",
                "departement=95")) {
            assertThat(lines(chart("daces", "aaf?" + PERIOD + "&" + filter), "livraisons")).as(filter)
                    .containsExactly("1");
            assertThat(lines(chart("daces", "bloquees?seuil=30&" + filter), "nombre")).as(filter)
                    .containsExactly("1");
            assertThat(lines(chart("daces", "incidents?" + PERIOD + "&" + filter), "nombre")).as(filter)
                    .containsExactly("1");
        }
        assertThat(chart("daces", "aaf?" + PERIOD + "&circonscription=cergy").get("lignes")).isEmpty();
        assertThat(lines(chart("daces", "bloquees-liste?seuil=30"), "circonscription"))
                .containsExactly("argenteuil-nord, argenteuil-sud");
        assertThat(chart("daces", "perimetre").get("circonscriptions").toString())
                .contains("argenteuil-nord", "argenteuil-sud");
    }

    private JsonNode chart(String user, String path) throws Exception {
        return DashboardApi.chart(port, user, path);
    }

    private String csv(String user, String path) {
        return DashboardApi.csv(port, user, path);
    }

    private static List<String> lines(JsonNode chart, String... keys) {
        return DashboardApi.lines(chart, keys);
    }
}
