package fr.conventionent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.conventionent.aaf.process.AafRunLog;
import fr.conventionent.aaf.process.AafRunReport;
import fr.conventionent.convention.ConventionLife;
import fr.conventionent.demo.SampleConventions;
import fr.conventionent.incident.IncidentProcess;
import fr.conventionent.signature.SignatureCircuitProcess;
import fr.conventionent.support.Circuits;
import fr.conventionent.support.ConventionLifeTest;
import fr.conventionent.support.ConventionTables;
import fr.conventionent.support.WebSession;

/**
 * The dashboard's figures, checked against conventions driven through the processes day by day (engine clock moved):
 * Versailles (78) rejected once by its IEN then signed, Nanterre (92) rejected by its IEN after 10 days and left
 * with the commune, Évry (91) never completed. Each role gets only the figures of its scope, in JSON as in CSV.
 */
class DashboardWebTest extends ConventionLifeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PERIOD = "du=2026-01-01&au=2026-02-28";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AafRunLog aafRuns;
    @Autowired
    FinishedStepsBackfill backfill;

    private String versailles;
    private String nanterre;

    @BeforeEach
    void conventionsDrivenThroughTheCircuit() {
        ConventionTables.empty(jdbc);
        jdbc.update("DELETE FROM livraison_aaf");
        jdbc.update("DELETE FROM livraison_aaf_jour");
        jdbc.update("DELETE FROM ACT_HI_DETAIL");
        jdbc.update("DELETE FROM ACT_HI_TASKINST");
        jdbc.update("DELETE FROM etape_terminee");
        jdbc.update("DELETE FROM etape_duree_mois");
        moveClockTo("2026-01-05", 9);
        ProcessInstance v = startConvention("78646");
        ProcessInstance n = startConvention("92050");
        startConvention("91228");

        step(n, "2026-01-06", SampleConventions.completion("92050", "Nanterre", 1));
        step(v, "2026-01-07", SampleConventions.completion("78646", "Versailles", 2));
        step(n, "2026-01-07", Circuits.signedCopies());
        step(v, "2026-01-08", Circuits.signedCopies());
        step(v, "2026-01-11", Circuits.reject("Annexe 1 incomplète."));
        step(v, "2026-01-12", SampleConventions.completion("78646", "Versailles", 2));
        step(v, "2026-01-13", Circuits.signedCopies());
        step(v, "2026-01-14", Circuits.approve());
        step(v, "2026-01-15", Circuits.approve());
        step(n, "2026-01-17", Circuits.reject("  annexe 1 : INCOMPLETE "));
        step(v, "2026-01-17", Circuits.approve());
        step(v, "2026-01-18", Circuits.approve());
        step(v, "2026-01-20", Circuits.recteurSigns("2026-01-20"));
        step(v, "2026-01-21", Circuits.scanUploaded());
        executeDueJobs();
        versailles = numero(v);
        nanterre = numero(n);
        moveClockTo("2026-03-01", 9);
    }

    private void step(ProcessInstance convention, String day, Map<String, Object> submission) {
        moveClockTo(day, 9);
        taskService.complete(openTask(convention).getId(), submission);
    }

    @Test
    void stepDurationsAreMediansAndNinthDecilesOfTheStepsEndedInThePeriodPerDepartement() throws Exception {
        List<String> lines = lines(chart("daces", "etapes?" + PERIOD), "etape", "groupe", "nombre", "medianeJours",
                "p90Jours");
        assertThat(lines).contains(
                "Compléter (commune) | 78 | 2 | 1.5 | 1.9",
                "Compléter (commune) | 92 | 1 | 1.0 | 1.0",
                "Transmettre (IEN) | 78 | 2 | 2.0 | 2.8",
                "Transmettre (IEN) | 92 | 1 | 10.0 | 10.0",
                "Valider (IA-DASEN) | 78 | 1 | 2.0 | 2.0",
                "Numériser la convention signée (DACES) | 78 | 1 | 1.0 | 1.0");
        assertThat(lines.get(0)).startsWith("Compléter (commune)");

        assertThat(lines(chart("daces", "etapes?du=2026-01-13&au=2026-02-28&par=circonscription"), "etape",
                "groupe", "nombre")).contains("Transmettre (IEN) | versailles | 1", "Transmettre (IEN) | nanterre | 1")
                .noneMatch(line -> line.startsWith("Compléter"));
    }

    @Test
    void stepDurationsReadFromTheMonthlyCountersAreTheSameAsCountedStepByStep() throws Exception {
        // the whole of January from its counters; from 2 January no month is whole: every step is read
        for (String scope : List.of("daces", "dasen.92", "ien.versailles")) {
            for (String par : List.of("departement", "circonscription")) {
                List<String> fromCounters = lines(chart(scope, "etapes?du=2026-01-01&au=2026-01-31&par=" + par),
                        "etape", "groupe", "nombre", "medianeJours", "p90Jours");
                assertThat(fromCounters).as(scope + " par " + par).isNotEmpty().isEqualTo(lines(chart(scope,
                        "etapes?du=2026-01-02&au=2026-01-31&par=" + par), "etape", "groupe", "nombre",
                        "medianeJours", "p90Jours"));
            }
        }
        // the académie per circonscription is computed step by step: the same figures as the counters'
        List<String> academie = lines(chart("daces", "etapes?" + PERIOD + "&par=circonscription"), "etape", "groupe",
                "nombre", "medianeJours", "p90Jours");
        for (String scope : List.of("dasen.92", "ien.versailles")) {
            assertThat(academie).as(scope).containsAll(lines(chart(scope, "etapes?" + PERIOD
                    + "&par=circonscription"), "etape", "groupe", "nombre", "medianeJours", "p90Jours"));
        }
        assertThat(academie).contains("Transmettre (IEN) | versailles | 2 | 2.0 | 2.8");
    }

    @Test
    void stepsOfACancelledConventionLeaveTheDurationsThoughTheirMonthsCountedThem() throws Exception {
        jdbc.update("UPDATE convention SET statut = ? WHERE numero = ?", ConventionLife.STATUT_ANNULEE, nanterre);

        for (String period : List.of(PERIOD, "du=2026-01-02&au=2026-02-28")) {
            assertThat(lines(chart("daces", "etapes?" + period), "etape", "groupe", "nombre", "medianeJours",
                    "p90Jours")).as(period).contains("Compléter (commune) | 78 | 2 | 1.5 | 1.9")
                    .noneMatch(line -> line.contains("| 92 |"));
        }
    }

    @Test
    void theMigrationCountsTheStepsWrittenBeforeItOnceRoundedToTheNearestDay() throws Exception {
        List<String> january = lines(chart("daces", "etapes?" + PERIOD), "etape", "groupe", "nombre",
                "medianeJours", "p90Jours");
        // steps of the previous release: their rows only, no counters; 1.4 and 1.6 days count 1 and 2 days
        jdbc.update("DELETE FROM etape_duree_mois");
        String instance = jdbc.queryForObject("SELECT process_instance_id FROM convention WHERE numero = ?",
                String.class, versailles);
        String previousRelease = "INSERT INTO etape_terminee (tache_id, instance_convention, etape, commune_insee,"
                + " departement, circonscription, terminee_le, duree_ms, rejet) VALUES (?, ?, ?, '78646', '78',"
                + " 'versailles', ?, ?, FALSE)";
        jdbc.update(previousRelease, "ancienne-1", instance, SignatureCircuitProcess.TASK_SIGN_BY_RECTEUR,
                new java.sql.Timestamp(day("2026-03-10", 9).getTime()), 121_000_000L);
        jdbc.update(previousRelease, "ancienne-2", instance, SignatureCircuitProcess.TASK_SIGN_BY_RECTEUR,
                new java.sql.Timestamp(day("2026-03-20", 9).getTime()), 138_000_000L);
        assertThat(chart("daces", "etapes?" + PERIOD).get("lignes")).isEmpty();

        // H2 runs the script again at each start, which must not count them twice
        Resource migration = new ClassPathResource("db/migration/V19__Durees_des_etapes_par_mois.sql");
        new ResourceDatabasePopulator(migration).execute(jdbc.getDataSource());
        new ResourceDatabasePopulator(migration).execute(jdbc.getDataSource());

        assertThat(lines(chart("daces", "etapes?" + PERIOD), "etape", "groupe", "nombre", "medianeJours",
                "p90Jours")).isEqualTo(january);
        for (String par : List.of("departement", "circonscription")) {
            assertThat(lines(chart("daces", "etapes?du=2026-03-01&au=2026-03-31&par=" + par), "etape", "nombre",
                    "medianeJours", "p90Jours")).as(par).containsExactly("Signer (Recteur) | 2 | 1.5 | 1.9");
        }
    }

    @Test
    void rejectionsAreCountedPerStepAndTheirReasonsGroupedWhateverTheirCaseAccentsOrPunctuation() throws Exception {
        assertThat(lines(chart("daces", "rejets?" + PERIOD), "etape", "nombre")).containsExactly("Transmettre (IEN) | 2");
        assertThat(lines(chart("daces", "motifs?" + PERIOD), "etape", "motif", "nombre"))
                .containsExactly("Transmettre (IEN) | annexe 1 incomplete | 2");
        assertThat(lines(chart("ien.versailles", "rejets?" + PERIOD), "etape", "nombre"))
                .containsExactly("Transmettre (IEN) | 1");
        assertThat(lines(chart("daces", "rejets?du=2026-01-12&au=2026-02-28"), "etape", "nombre"))
                .as("le rejet du 11 janvier est hors période").containsExactly("Transmettre (IEN) | 1");
    }

    @Test
    void stepsEndedBeforeTheDashboardKeptThemAreCopiedFromTheEnginesHistoryWithTheSameFigures() throws Exception {
        List<String> durations = lines(chart("daces", "etapes?" + PERIOD), "etape", "groupe", "nombre",
                "medianeJours", "p90Jours");
        List<String> motifs = lines(chart("daces", "motifs?" + PERIOD), "etape", "motif", "nombre");
        List<String> ien = lines(chart("ien.versailles", "rejets?" + PERIOD), "etape", "nombre");
        assertThat(durations).hasSizeGreaterThan(8);

        // a database from before etape_terminee: no steps, and no copy made yet
        jdbc.update("DELETE FROM etape_terminee");
        jdbc.update("DELETE FROM reprise_demarrage");
        jdbc.update("DELETE FROM etape_duree_mois");
        assertThat(chart("daces", "etapes?" + PERIOD).get("lignes")).isEmpty();
        backfill.run(null);
        assertThat(lines(chart("daces", "etapes?" + PERIOD), "etape", "groupe", "nombre", "medianeJours",
                "p90Jours")).isEqualTo(durations);
        assertThat(lines(chart("daces", "motifs?" + PERIOD), "etape", "motif", "nombre")).isEqualTo(motifs)
                .containsExactly("Transmettre (IEN) | annexe 1 incomplete | 2");
        assertThat(lines(chart("ien.versailles", "rejets?" + PERIOD), "etape", "nombre")).isEqualTo(ien);

        Integer steps = jdbc.queryForObject("SELECT COUNT(*) FROM etape_terminee", Integer.class);
        backfill.run(null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM etape_terminee", Integer.class))
                .as("une seconde reprise ne copie rien").isEqualTo(steps);
    }

    @Test
    void aLaterStartCopiesOnlyTheStepsEndedSinceTheDayBeforeThePreviousCopy() {
        jdbc.update("DELETE FROM reprise_demarrage");
        moveClockTo("2026-01-15", 12);
        backfill.run(null);
        jdbc.update("DELETE FROM etape_terminee");

        backfill.run(null);

        assertThat(jdbc.queryForList("SELECT terminee_le FROM etape_terminee ORDER BY terminee_le",
                java.sql.Timestamp.class)).isNotEmpty()
                .allMatch(end -> !end.toLocalDateTime().toLocalDate().isBefore(LocalDate.of(2026, 1, 14)),
                        "terminée depuis la veille de la reprise précédente");
        assertThat(jdbc.queryForObject("SELECT jusqu_au FROM reprise_demarrage WHERE nom = 'etapes-terminees'",
                java.sql.Timestamp.class).toLocalDateTime().toLocalDate()).isEqualTo(LocalDate.of(2026, 1, 15));
    }

    @Test
    void conventionsWaitingBeyondTheThresholdAreListedWithALinkToTheRegistry() throws Exception {
        assertThat(lines(chart("daces", "bloquees?seuil=30"), "etape", "nombre"))
                .containsExactly("Compléter la convention | 2");
        JsonNode list = chart("daces", "bloquees-liste?seuil=30");
        assertThat(lines(list, "departement", "jours")).containsExactly("91 | 55", "92 | 43");
        assertThat(list.at("/lignes/1/lien").asText()).isEqualTo("/registre/#" + nanterre);
        assertThat(lines(chart("daces", "bloquees-liste?seuil=50"), "departement")).containsExactly("91");
        assertThat(lines(chart("dasen.92", "bloquees-liste"), "numero")).containsExactly(nanterre);
        assertThat(chart("ien.versailles", "bloquees-liste").get("lignes")).isEmpty();
    }

    @Test
    void coverageCountsEveryCommuneOfTheReferentialAndTheSchoolsOfTheConventionsInForce() throws Exception {
        assertThat(lines(chart("daces", "couverture"), "groupe", "enVigueur", "dansLeCircuit", "terminee", "aucune",
                "communes", "tauxCouverture", "ecoles")).containsExactly(
                "78 | 1 | 0 | 0 | 1 | 2 | 50.0 | 2",
                "91 | 0 | 1 | 0 | 1 | 2 | 0.0 | 0",
                "92 | 0 | 1 | 0 | 1 | 2 | 0.0 | 0",
                "95 | 0 | 0 | 0 | 3 | 3 | 0.0 | 0");
        assertThat(lines(chart("daces", "couverture?par=circonscription&departement=92"), "groupe", "dansLeCircuit",
                "aucune")).containsExactly("nanterre | 1 | 1");
    }

    @Test
    void dueDatesAreCountedPerMonthForTheNextTwelveMonths() throws Exception {
        LocalDate committee = jdbc.queryForObject("SELECT prochain_comite FROM convention WHERE numero = ?",
                java.sql.Date.class, versailles).toLocalDate();
        JsonNode now = chart("daces", "echeances");
        assertThat(now.get("lignes")).hasSize(12);
        assertThat(now.at("/lignes/0/mois").asText()).isEqualTo("mars 2026");
        for (JsonNode month : now.get("lignes")) {
            boolean committeeMonth = month.get("moisIso").asText().equals(committee.toString().substring(0, 7));
            assertThat(month.get("comites").asLong()).as(month.get("mois").asText()).isEqualTo(committeeMonth ? 1 : 0);
            assertThat(month.get("reconductions").asLong()).isZero();
        }

        moveClockTo("2029-03-01", 9);
        JsonNode later = chart("daces", "echeances");
        assertThat(lines(later, "mois", "reconductions", "limitesDenonciation")).contains(
                "octobre 2029 | 0 | 1", "janvier 2030 | 1 | 0", "mars 2029 | 0 | 0");
        assertThat(chart("dasen.92", "echeances").toString()).doesNotContain("\"reconductions\":1");
    }

    @Test
    void aafRunsAreCountedPerWeekAndExploitantWithTheirFailuresByCause() throws Exception {
        String exploitant = jdbc.queryForObject("SELECT exploitant_ent FROM convention_version WHERE numero = ?"
                + " AND version = 1", String.class, versailles);
        aafRuns.ended(versailles, day("2026-02-02", 6), AafRunReport.Result.ENVOYE);
        aafRuns.ended(versailles, day("2026-02-03", 6), AafRunReport.Result.AUCUN_FICHIER);
        aafRuns.ended(versailles, day("2026-02-05", 6), AafRunReport.Result.REFUSE);
        aafRuns.ended(versailles, day("2026-02-05", 7), AafRunReport.Result.REFUSE, List.of("0751234A"));
        aafRuns.failed(versailles, day("2026-02-06", 8), "Livraison AAF ENT78_Complet_20260206 de la convention "
                + versailles + " : échec d'envoi SFTP – connexion impossible à 127.0.0.1:2222.");
        aafRuns.ended(versailles, day("2026-02-09", 6), AafRunReport.Result.DEJA_LIVRE);
        aafRuns.failed(nanterre, day("2026-02-10", 6), "Livraison suspendue : un avenant a changé l'exploitant");
        aafRuns.ended(versailles, day("2026-03-02", 6), AafRunReport.Result.ENVOYE);

        assertThat(lines(chart("daces", "aaf?" + PERIOD), "semaine", "exploitant", "livraisons", "envoyees",
                "sansFichier", "fichiersRefuses", "uaiHorsAnnexe", "sftpInjoignable", "autresEchecs")).containsExactly(
                "Semaine du 2 février 2026 | " + exploitant + " | 5 | 1 | 1 | 1 | 1 | 1 | 0",
                "Semaine du 9 février 2026 | " + exploitant + " | 2 | 1 | 0 | 0 | 0 | 0 | 1");
        assertThat(lines(chart("ien.versailles", "aaf?" + PERIOD), "semaine", "livraisons", "uaiHorsAnnexe"))
                .containsExactly("Semaine du 2 février 2026 | 5 | 1", "Semaine du 9 février 2026 | 1 | 0");
        assertThat(lines(chart("dasen.92", "aaf?" + PERIOD), "semaine", "livraisons", "autresEchecs"))
                .containsExactly("Semaine du 9 février 2026 | 1 | 1");
        assertThat(csv("dasen.92", "aaf.csv?" + PERIOD)).contains(
                "Semaine;Exploitant;Livraisons;Envoyées;Sans fichier;Échec : fichiers refusés;"
                        + "Échec : UAI hors annexe 1;Échec : SFTP injoignable;Échec : autre cause\r\n",
                "Semaine du 9 février 2026;" + exploitant + ";1;0;0;0;0;0;1\r\n")
                .doesNotContain("2 février");
    }

    @Test
    void aafRunsWrittenBeforeTheDailyCountersAreCountedOnceAfterTheMigration() throws Exception {
        String exploitant = jdbc.queryForObject("SELECT exploitant_ent FROM convention_version WHERE numero = ?"
                + " AND version = 1", String.class, versailles);
        // runs of the previous release: their rows only, no counters
        String previousRelease = "INSERT INTO livraison_aaf (numero, exploitant, executee_le, resultat, cause)"
                + " VALUES (?, ?, ?, ?, ?)";
        jdbc.update(previousRelease, versailles, exploitant, new java.sql.Timestamp(day("2026-02-03", 6).getTime()),
                "envoye", null);
        jdbc.update(previousRelease, nanterre, exploitant, new java.sql.Timestamp(day("2026-02-10", 6).getTime()),
                "echec", AafRunLog.SFTP_INJOIGNABLE);
        assertThat(lines(chart("daces", "aaf?" + PERIOD), "semaine")).isEmpty();

        // the migrations copy them; H2 runs the scripts again at each start, which must not count them twice
        ResourceDatabasePopulator migrations = new ResourceDatabasePopulator(
                new ClassPathResource("db/migration/V15__Livraisons_AAF_par_jour.sql"),
                new ClassPathResource("db/migration/V16__Circonscriptions_des_incidents_et_livraisons.sql"));
        migrations.execute(jdbc.getDataSource());
        migrations.execute(jdbc.getDataSource());
        aafRuns.ended(versailles, day("2026-02-04", 6), AafRunReport.Result.AUCUN_FICHIER);

        assertThat(lines(chart("daces", "aaf?" + PERIOD), "semaine", "exploitant", "livraisons", "envoyees",
                "sansFichier", "sftpInjoignable")).containsExactly(
                "Semaine du 2 février 2026 | " + exploitant + " | 2 | 1 | 1 | 0",
                "Semaine du 9 février 2026 | " + exploitant + " | 1 | 0 | 0 | 1");
        assertThat(lines(chart("ien.versailles", "aaf?" + PERIOD), "semaine", "livraisons"))
                .containsExactly("Semaine du 2 février 2026 | 2");
        assertThat(lines(chart("dasen.92", "aaf?" + PERIOD), "semaine", "livraisons", "sftpInjoignable"))
                .containsExactly("Semaine du 9 février 2026 | 1 | 1");
    }

    private static java.util.Date day(String isoDate, int hour) {
        return java.util.Date.from(LocalDate.parse(isoDate).atTime(hour, 0)
                .atZone(java.time.ZoneId.of("Europe/Paris")).toInstant());
    }

    @Test
    void incidentsAreCountedByQualificationNatureAndBreachWithTheShareOfCnilNotificationsWithin72Hours()
            throws Exception {
        moveClockTo("2026-02-02", 10);
        ProcessInstance leak = incident("78646", "2026-02-02T09:00");
        ProcessInstance lateLeak = incident("92050", "2026-02-02T09:00");
        ProcessInstance minor = incident("78646", "2026-02-02T08:00");
        runtimeService.setVariable(minor.getId(), IncidentProcess.COMPETENCE, IncidentProcess.COMMUNE);
        runtimeService.removeVariable(lateLeak.getId(), IncidentProcess.COMPETENCE); // reported before the field
        qualify(leak, "elevee", IncidentProcess.OUI);
        qualify(lateLeak, "elevee", IncidentProcess.OUI);
        qualify(minor, "faible", IncidentProcess.NON);
        moveClockTo("2026-02-04", 9); // 48 h after detection
        notifyCnil(leak, "CNIL-2026-0101");
        moveClockTo("2026-02-06", 9); // 96 h after detection
        notifyCnil(lateLeak, "CNIL-2026-0102");
        moveClockTo("2026-03-01", 9);
        String week = "du=2026-02-02&au=2026-02-08";

        assertThat(lines(chart("daces", "incidents?" + week), "qualification", "nature", "competence",
                "violationDonnees", "nombre", "notifieesCnil", "dans72h", "partDans72h")).containsExactly(
                "Élevée | Fuite ou divulgation de données | Champ de l'académie | oui | 2 | 2 | 1 | 50.0",
                "Faible | Fuite ou divulgation de données | Champ de la commune | non | 1 | 0 | 0 | null");
        assertThat(lines(chart("ien.versailles", "incidents?" + week), "qualification", "nombre", "partDans72h"))
                .containsExactly("Élevée | 1 | 100.0", "Faible | 1 | null");
        assertThat(lines(chart("dasen.92", "incidents?" + week), "qualification", "nombre", "dans72h"))
                .containsExactly("Élevée | 1 | 0");
        assertThat(csv("dasen.92", "incidents.csv?" + week))
                .contains("Élevée;Fuite ou divulgation de données;Champ de l'académie;oui;1;1;0;0,0\r\n")
                .doesNotContain("Faible");
        assertThat(chart("daces", "incidents?du=2026-02-03&au=2026-02-08").get("lignes")).isEmpty();
    }

    private ProcessInstance incident(String insee, String detection) {
        Map<String, Object> report = new java.util.HashMap<>();
        report.put(IncidentProcess.TYPE_INCIDENT, "fuite-donnees");
        report.put(IncidentProcess.DATE_DETECTION, detection);
        report.put(IncidentProcess.COMMUNE_INSEE, insee);
        report.put(IncidentProcess.DONNEES_PERSONNELLES, true);
        report.put(IncidentProcess.DESCRIPTION, "Liste des élèves visible par tous les parents.");
        ProcessInstance incident = runtimeService.startProcessInstanceByKey(IncidentProcess.KEY, report);
        executeDueJobs();
        return incident;
    }

    private void qualify(ProcessInstance incident, String gravity, String breach) {
        completeIncidentTask(incident, IncidentProcess.TASK_QUALIFY, Map.of(IncidentProcess.GRAVITE, gravity,
                IncidentProcess.PERIMETRE, "ecoles", IncidentProcess.VIOLATION_DONNEES, breach,
                IncidentProcess.ANALYSE, "Droits mal paramétrés."));
        executeDueJobs();
    }

    private void notifyCnil(ProcessInstance incident, String reference) {
        completeIncidentTask(incident, IncidentProcess.TASK_NOTIFY_CNIL, Map.of(IncidentProcess.NOTIFICATION_CNIL,
                IncidentProcess.NOTIFIEE, IncidentProcess.REFERENCE_NOTIFICATION_CNIL, reference));
    }

    private void completeIncidentTask(ProcessInstance incident, String key, Map<String, Object> variables) {
        taskService.complete(taskService.createTaskQuery().processInstanceId(incident.getId())
                .taskDefinitionKey(key).singleResult().getId(), variables);
    }

    @Test
    void anIenNeverSeesAnotherCirconscriptionsFiguresNeitherInJsonNorInCsv() throws Exception {
        for (String name : List.of("etapes", "rejets", "motifs", "bloquees", "bloquees-liste", "couverture", "aaf", "incidents")) {
            String json = chart("ien.versailles", name + "?" + PERIOD + "&par=circonscription").toString();
            assertThat(json).as(name).doesNotContain("nanterre").doesNotContain("\"92\"").doesNotContain(nanterre);
            String csv = csv("ien.versailles", name + ".csv?" + PERIOD + "&par=circonscription");
            assertThat(csv).as(name + ".csv").doesNotContain("nanterre").doesNotContain(nanterre);
            String asked = chart("ien.versailles", name + "?" + PERIOD + "&circonscription=nanterre").toString();
            assertThat(asked).as(name + " filtré sur une autre circonscription").doesNotContain("nanterre\"")
                    .doesNotContain(nanterre);
        }
        assertThat(lines(chart("ien.versailles", "couverture?par=circonscription"), "groupe", "enVigueur", "aucune"))
                .containsExactly("versailles | 1 | 1");
        assertThat(lines(chart("dasen.92", "etapes?" + PERIOD), "groupe")).containsOnly("92");
        assertThat(chart("ien.versailles", "perimetre").get("circonscriptions").toString())
                .contains("versailles").doesNotContain("nanterre");
    }

    @Test
    void theCsvOpensInAFrenchSpreadsheet() {
        HttpResponse<byte[]> response = WebSession.loggedIn(port, "daces").getBytes("/registre/api/tableau-de-bord/"
                + "etapes.csv?" + PERIOD);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .contains("tableau-de-bord-etapes-2026-03-01.csv");
        byte[] bytes = response.body();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("Étape;Département;Étapes terminées;Médiane (jours);9e décile (jours)\r\n")
                .contains("Transmettre (IEN);78;2;2,0;2,8\r\n");
    }

    @Test
    void communesBadFiltersAndUnknownChartsGetAFrenchAnswerNeverAnError500() throws Exception {
        WebSession daces = WebSession.loggedIn(port, "daces");
        Map<String, String> refused = Map.of(
                "etapes?du=2026-13-01", "Date invalide pour la date de début de période : « 2026-13-01 »",
                "etapes?du=2026-03-01&au=2026-01-01", "Période inversée",
                "couverture?par=commune", "Regroupement inconnu : « commune »",
                "bloquees?seuil=beaucoup", "Nombre de jours attendu pour le seuil : « beaucoup »",
                "bloquees?seuil=0", "Seuil hors limites",
                "couverture?departement=Yvelines", "Département invalide : « Yvelines »",
                "couverture?circonscription=%27%3B--", "Circonscription invalide");
        for (Map.Entry<String, String> bad : refused.entrySet()) {
            HttpResponse<String> response = daces.get("/registre/api/tableau-de-bord/" + bad.getKey());
            assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("message").asText()).as(bad.getKey())
                    .startsWith(bad.getValue());
            assertThat(daces.get("/registre/api/tableau-de-bord/" + bad.getKey().replace("?", ".csv?")).statusCode())
                    .isEqualTo(400);
        }
        HttpResponse<String> unknown = daces.get("/registre/api/tableau-de-bord/camembert");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("message").asText()).startsWith("Graphique inconnu : « camembert »");

        assertThat(JSON.readTree(WebSession.loggedIn(port, "mairie.versailles").get("/registre/api/moi").body())
                .get("tableauDeBord").asBoolean()).as("le registre ne montre pas le lien à une commune").isFalse();
        for (String user : List.of("daces", "dasen.92", "ien.versailles")) {
            assertThat(JSON.readTree(WebSession.loggedIn(port, user).get("/registre/api/moi").body())
                    .get("tableauDeBord").asBoolean()).as(user).isTrue();
        }
        HttpResponse<String> commune = WebSession.loggedIn(port, "mairie.versailles")
                .get("/registre/api/tableau-de-bord/couverture");
        assertThat(commune.statusCode()).isEqualTo(403);
        assertThat(commune.body()).contains("réservé aux services de l'académie");
        assertThat(WebSession.loggedIn(port, "mairie.versailles").get("/registre/api/tableau-de-bord/couverture.csv")
                .statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = new WebSession(port).get("/registre/api/tableau-de-bord/etapes");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("Connectez-vous d'abord");
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
