package fr.conventionent.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.conventionent.convention.ConventionLife;
import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.convention.ConventionRecordBackfill;
import fr.conventionent.convention.ConventionRecords;
import fr.conventionent.demo.SampleConventions;
import fr.conventionent.denonciation.DenonciationProcess;
import fr.conventionent.incident.IncidentProcess;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.Groups;
import fr.conventionent.kernel.Uai;
import fr.conventionent.support.Circuits;
import fr.conventionent.support.ConventionLifeTest;
import fr.conventionent.support.ConventionTables;

/** The registry follows each convention from its start to its end, whatever step changed it. */
class RegistryProjectionTest extends ConventionLifeTest {

    private static final Viewer DACES = new Viewer("daces", List.of(Groups.DACES));

    @Autowired
    RegistryService registry;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CalendarFeed calendars;
    @Autowired
    ConventionRecordBackfill backfill;
    @Autowired
    ConventionLife life;
    @Autowired
    ConventionRecords records;

    @BeforeEach
    void emptyRegistry() {
        ConventionTables.empty(jdbc);
    }

    private RegistryLine line(String numero) {
        return registry.detail(DACES, numero).convention();
    }

    @Test
    void theRegistryShowsWhereAConventionWaitsThenItsTermOnceSigned() {
        moveClockTo("2026-09-01", 9);
        ProcessInstance convention = startConvention("78646");
        String numero = numero(convention);
        RegistryLine started = line(numero);
        assertThat(started.statut()).isEqualTo(ConventionProcess.STATUT_EN_PREPARATION);
        assertThat(started.communeInsee()).isEqualTo("78646");
        assertThat(started.departement()).isEqualTo("78");
        assertThat(started.circonscription()).isEqualTo("versailles");
        assertThat(started.statutLibelle()).isEqualTo("en préparation à l'étape « Compléter la convention »"
                + " depuis aujourd'hui");

        taskService.complete(openTask(convention).getId(), SampleConventions.completion("78646", "Versailles", 2));
        taskService.complete(openTask(convention).getId(), Circuits.signedCopies());
        moveClockTo("2026-09-13", 9);
        RegistryLine inCircuit = line(numero);
        assertThat(inCircuit.statut()).isEqualTo(ConventionProcess.STATUT_DANS_LE_CIRCUIT);
        assertThat(inCircuit.joursALEtape()).isEqualTo(12);
        assertThat(registry.page(DACES, RegistryFilter.of(Map.of("bloqueeDepuisJours", "10"))).lignes())
                .extracting(RegistryLine::numero).containsExactly(numero);
        assertThat(registry.page(DACES, RegistryFilter.of(Map.of("bloqueeDepuisJours", "13"))).lignes()).isEmpty();
        assertThat(inCircuit.statutLibelle()).startsWith("dans le circuit à l'étape « ").endsWith(" » depuis 12 jours");
        assertThat(inCircuit.communeNom()).isEqualTo("Versailles");

        moveClockTo("2026-09-15", 9);
        for (Map<String, Object> step : List.of(Circuits.approve(), Circuits.approve(), Circuits.approve(),
                Circuits.approve(), Circuits.recteurSigns("2026-09-15"), Circuits.scanUploaded())) {
            taskService.complete(openTask(convention).getId(), step);
        }
        executeDueJobs();
        RegistryLine inForce = line(numero);
        assertThat(inForce.statutLibelle()).isEqualTo("en vigueur");
        assertThat(inForce.etape()).isNull();
        assertThat(inForce.dateSignature()).isEqualTo(LocalDate.parse("2026-09-15"));
        assertThat(inForce.dernierJourPeriodeInitiale()).isEqualTo(LocalDate.parse("2030-09-14"));
        assertThat(inForce.prochainAnniversaire()).isEqualTo(LocalDate.parse("2030-09-15"));
        assertThat(inForce.limiteDenonciation()).isEqualTo(LocalDate.parse("2030-06-15"));
        assertThat(inForce.prochainComite()).isEqualTo(LocalDate.parse("2027-03-15"));
        assertThat(inForce.version()).isEqualTo(1);
        assertThat(inForce.avenants()).isZero();
    }

    @Test
    void aRenewalMovesTheNextAnniversaryAndADeletedConventionLeavesTheRegistry() {
        ProcessInstance convention = signedConvention("2026-01-10");
        String numero = numero(convention);
        assertThat(registry.page(DACES, RegistryFilter.of(Map.of("renouveleeSousJours", "30"))).total()).isZero();
        fire(timer(convention.getId(), ConventionProcess.TIMER_DENUNCIATION_REMINDER));
        assertThat(registry.page(DACES, RegistryFilter.of(Map.of("renouveleeSousJours", "150"))).lignes())
                .extracting(RegistryLine::numero).containsExactly(numero);
        fire(timer(convention.getId(), ConventionProcess.TIMER_RENEWAL));
        assertThat(line(numero).prochainAnniversaire()).isEqualTo(LocalDate.parse("2031-01-10"));
        assertThat(line(numero).limiteDenonciation()).isEqualTo(LocalDate.parse("2030-10-10"));

        runtimeService.deleteProcessInstance(convention.getId(), "annulée par l'administrateur");
        assertThat(registry.page(DACES, RegistryFilter.of(Map.of())).total())
                .as("une convention supprimée par un administrateur sort du registre").isZero();
    }

    @Test
    void aRejectedConventionShowsTheCorrectionStep() {
        moveClockTo("2026-09-01", 9);
        ProcessInstance convention = startConvention("92050");
        taskService.complete(openTask(convention).getId(), SampleConventions.completion("92050", "Nanterre", 1));
        taskService.complete(openTask(convention).getId(), Circuits.signedCopies());
        taskService.complete(openTask(convention).getId(), Circuits.reject("Il manque une école"));
        RegistryLine rejected = line(numero(convention));
        assertThat(rejected.etape()).isEqualTo(openTask(convention).getName());
    }

    @Test
    void aDenouncedConventionIsUnderNoticeThenStaysInTheRegistryAsEnded() {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        moveClockTo("2027-06-08", 10);
        ProcessInstance denonciation = runtimeService.startProcessInstanceByKey(DenonciationProcess.KEY, Map.of(
                ConventionVariables.CONVENTION_NUMERO, numero, ConventionVariables.PARTIE_INITIATRICE, "commune",
                DenonciationProcess.MOTIF_DENONCIATION, "La commune rejoint l'ENT départemental."));
        taskService.complete(task(numero, DenonciationProcess.TASK_NOTIFY).getId(), Map.of(
                DenonciationProcess.DECISION_DENONCIATION, DenonciationProcess.DECISION_NOTIFIER,
                DenonciationProcess.DATE_NOTIFICATION, "2027-06-08"));
        RegistryLine notice = line(numero);
        assertThat(notice.statutLibelle()).isEqualTo("en préavis jusqu'au 7 septembre 2027 inclus");
        assertThat(notice.prochainAnniversaire()).as("plus de reconduction à attendre").isNull();
        assertThat(registry.detail(DACES, numero).documents()).extracting(ConventionDocumentRef::libelle)
                .contains("Lettre de dénonciation (DOCX)");

        fire(timer(denonciation.getId(), DenonciationProcess.TIMER_NOTICE_ENDS));
        assertThat(convention).isEnded();
        assertThat(line(numero).statutLibelle()).isEqualTo("terminée (jusqu'au 7 septembre 2027 inclus)");
        assertThat(registry.page(DACES, RegistryFilter.of(Map.of("statut", "terminee"))).lignes())
                .extracting(RegistryLine::numero).containsExactly(numero);
    }

    private String calendarOf(String user) {
        java.io.StringWriter out = new java.io.StringWriter();
        calendars.write(calendars.viewer(user), out);
        return out.toString().replace("\r\n ", "");
    }

    @Test
    void theRegistryShowsOpenIncidentsTheLastAafDeliveryTheVersionAndTheCnilDeadline() throws Exception {
        ProcessInstance convention = signedConvention("2026-03-02");
        String numero = numero(convention);
        Map<String, Object> incident = new java.util.HashMap<>();
        incident.put(IncidentProcess.TYPE_INCIDENT, "fuite-donnees");
        incident.put(IncidentProcess.DATE_DETECTION, "2026-03-02T08:15");
        incident.put(IncidentProcess.COMMUNE_INSEE, "78646");
        incident.put(IncidentProcess.ECOLES_UAI, Uai.withCheckLetter("0781234"));
        incident.put(IncidentProcess.DONNEES_PERSONNELLES, true);
        incident.put(IncidentProcess.DESCRIPTION, "La liste des élèves de CM2 est visible par tous les parents.");
        runtimeService.startProcessInstanceByKey(IncidentProcess.KEY, incident);
        executeDueJobs();
        taskService.complete(taskService.createTaskQuery().taskDefinitionKey(IncidentProcess.TASK_QUALIFY)
                .singleResult().getId(), Map.of(IncidentProcess.GRAVITE, "elevee", IncidentProcess.PERIMETRE, "ecoles",
                IncidentProcess.VIOLATION_DONNEES, IncidentProcess.OUI, IncidentProcess.ANALYSE, "Droits mal paramétrés."));
        executeDueJobs();
        assertThat(line(numero).incidentsOuverts()).isEqualTo(1);
        assertThat(calendarOf("dpo")).contains("Notification CNIL (72 h) – incident ", "DTSTART:20260305T071500Z");
        assertThat(calendarOf("mairie.versailles")).contains("Notification CNIL (72 h)");
        assertThat(calendarOf("mairie.nanterre")).doesNotContain("Notification CNIL");

        // what the delivery step records (a real delivery: aaf.process.LivraisonAafProcessTest)
        life.aafDelivered(numero, java.time.OffsetDateTime.parse("2026-03-05T06:00:12+01:00"), "refuse",
                "Delta du 5 mars 2026 refusé : 1 fichier mal nommé");
        // what an avenant's signature records (a real avenant: avenant.AvenantProcessTest)
        records.recordSigned(numero, 2, LocalDate.parse("2026-03-06"), "Avenant n° 1",
                records.current(numero).orElseThrow());
        RegistryLine line = line(numero);
        assertThat(line.aafResultat()).isEqualTo("refuse");
        assertThat(line.aafResume()).isEqualTo("Delta du 5 mars 2026 refusé : 1 fichier mal nommé");
        assertThat(line.aafDerniere()).isEqualTo(java.time.OffsetDateTime.parse("2026-03-05T06:00:12+01:00"));
        assertThat(line.version()).isEqualTo(2);
        assertThat(line.avenants()).isEqualTo(1);
    }

    @Test
    void conventionsStartedBeforeTheRegistryExistedAreAddedAtStartUp() throws Exception {
        ProcessInstance signed = signedConvention("2026-03-02");
        moveClockTo("2026-03-05", 9);
        ProcessInstance preparing = startConvention("92050");
        ConventionTables.empty(jdbc);

        backfill.run(null);
        backfill.run(null);

        assertThat(line(numero(signed)).statutLibelle()).isEqualTo("en vigueur");
        assertThat(line(numero(signed)).prochainComite()).isEqualTo(LocalDate.parse("2026-09-02"));
        assertThat(line(numero(preparing)).statutLibelle())
                .isEqualTo("en préparation à l'étape « Compléter la convention » depuis aujourd'hui");
        assertThat(registry.page(DACES, RegistryFilter.of(Map.of())).total()).isEqualTo(2);
    }
}
