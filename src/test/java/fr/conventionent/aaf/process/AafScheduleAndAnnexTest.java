package fr.conventionent.aaf.process;

import static fr.conventionent.aaf.process.LivraisonAafProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.conventionent.aaf.AafExtraction;
import fr.conventionent.aaf.AafFileType;
import fr.conventionent.aaf.generator.AafGenerator;
import fr.conventionent.aaf.generator.AafGeneratorOptions;
import fr.conventionent.aaf.sftp.DeliveryKeyPair;
import fr.conventionent.aaf.sftp.Ed25519Keys;
import fr.conventionent.aaf.sftp.EmbeddedSftpServer;
import fr.conventionent.convention.ConventionRecords;
import fr.conventionent.kernel.ConventionData;
import fr.conventionent.kernel.Ecole;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.support.ConventionLifeTest;
import fr.conventionent.support.EngineRest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Annexe 2 §2 as the convention words it: the complets come each Thursday (another day only when the DSI confirms it
 * and says why), an optional initial load, and only the schools of Annexe 1 in a delivery (data minimisation). A
 * signed convention of two schools (Versailles), its deliveries, an embedded SFTP server; files written by the
 * project's AAF generator. Week of Monday 2 March 2026.
 */
class AafScheduleAndAnnexTest extends ConventionLifeTest {

    private static final Path DEPOT = Path.of("target/test-data/aaf/depot");
    private static final String PREFIX = "ENT78-VERSAILLES_09";
    private static final String FOREIGN_SCHOOL = "0751234A";

    @Autowired
    ConventionRecords records;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate restTemplate;

    @TempDir
    Path serverRoot;
    private EmbeddedSftpServer server;
    private DeliveryKeyPair hostKey;
    private String numero;
    private ProcessInstance deliveries;

    @BeforeEach
    void signedConventionWaitingForItsSetUp() throws Exception {
        if (Files.exists(DEPOT)) {
            try (Stream<Path> paths = Files.walk(DEPOT)) {
                paths.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(DEPOT)).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(DEPOT);
        Files.createDirectories(serverRoot.resolve("depot"));
        numero = numero(signedConvention("78646", "Versailles", "2026-03-02"));
        deliveries = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(numero).singleResult();
        assertThat(deliveries).isWaitingAt(TASK_SET_UP);
        hostKey = Ed25519Keys.generate("sftp.exploitant.example");
        PublicKey clientKey = AuthorizedKeyEntry.parseAuthorizedKeyEntry(
                (String) runtimeService.getVariable(deliveries.getId(), CLE_PUBLIQUE_SFTP))
                .resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.IGNORING);
        server = new EmbeddedSftpServer(serverRoot, clientKey, hostKey.keyPair()).start(0);
        moveClockTo("2026-03-02", 10);
    }

    @AfterEach
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
        jdbc.update("DELETE FROM livraison_aaf WHERE numero = ?", numero);
    }

    // ---------------------------------------------------------------- Complet day

    @Test
    void aCompletOnAnotherDayThanThursdayWithoutConfirmationIsRefusedThroughTasklistAndTheRestApi() {
        Map<String, Object> monday = setUp(Map.of(JOURS_COMPLET, JsonVariables.write(List.of("lundi")),
                JOURS_DELTA, JsonVariables.write(List.of("mardi", "mercredi", "jeudi", "vendredi"))));

        assertThatThrownBy(() -> taskService.complete(setUpTask().getId(), monday))
                .hasMessageContaining("L'annexe 2 prévoit les complets chaque jeudi : pour un Complet le lundi, cochez"
                        + " « Je confirme un Complet un autre jour que le jeudi » et indiquez la raison convenue avec"
                        + " l'exploitant.");
        Map<String, Object> withoutReason = new HashMap<>(monday);
        withoutReason.put(COMPLET_HORS_JEUDI_CONFIRME, true);
        assertThatThrownBy(() -> taskService.complete(setUpTask().getId(), withoutReason))
                .hasMessageContaining("Indiquez la raison d'un Complet le lundi plutôt que le jeudi.");

        var answer = new EngineRest(restTemplate, "dsi").submitForm(setUpTask().getId(), rest(monday));
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody()).contains("L'annexe 2 prévoit les complets chaque jeudi")
                .doesNotContain("Exception", "fr.conventionent");

        assertThat(deliveries).isWaitingAt(TASK_SET_UP);
        assertThat(runtimeService.getVariables(deliveries.getId())).doesNotContainKeys(HOTE_SFTP, CALENDRIER_TEXTE,
                RAISON_COMPLET_HORS_JEUDI, PROCHAINE_LIVRAISON);
    }

    @Test
    void aConfirmedCompletOnMondayIsAcceptedOverTheRestApiAndItsReasonIsKeptWithTheSchedule() throws Exception {
        Map<String, Object> monday = setUp(Map.of(JOURS_COMPLET, JsonVariables.write(List.of("lundi")),
                JOURS_DELTA, JsonVariables.write(List.of("mardi", "mercredi", "jeudi", "vendredi")),
                COMPLET_HORS_JEUDI_CONFIRME, true,
                RAISON_COMPLET_HORS_JEUDI, "L'exploitant recharge ses annuaires le lundi matin."));

        var answer = new EngineRest(restTemplate, "dsi").submitForm(setUpTask().getId(), rest(monday));
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(204);
        executeDueJobs();

        assertThat(deliveries).isWaitingAt(GATEWAY_WAIT_FOR_DELIVERY).variables()
                .containsEntry(COMPLET_HORS_JEUDI_CONFIRME, true)
                .containsEntry(RAISON_COMPLET_HORS_JEUDI, "L'exploitant recharge ses annuaires le lundi matin.")
                .containsEntry(CALENDRIER_TEXTE, "Complet le lundi, Delta le mardi, mercredi, jeudi et vendredi, à"
                        + " 06:00 (heure de Paris) ; Complet hors du jeudi, confirmé par la DSI : L'exploitant recharge"
                        + " ses annuaires le lundi matin.");
        MimeMessage keyMail = mailsAbout("clé publique SFTP à installer").get(0);
        assertThat(text(keyMail)).contains("Complet hors du jeudi, confirmé par la DSI : L'exploitant recharge ses"
                + " annuaires le lundi matin.");
    }

    // ---------------------------------------------------------------- initial load

    @Test
    void theInitialLoadIsOneCompletOnItsDayBeforeTheScheduleStarts() throws Exception {
        completeSetUp(setUp(Map.of(CHARGEMENT_INITIAL, true, DATE_CHARGEMENT_INITIAL, "2026-03-11")));
        executeDueJobs();

        assertThat(nextDelivery()).isEqualTo(paris("2026-03-11T06:00"));
        assertThat(runtimeService.getVariable(deliveries.getId(), PROCHAINE_LIVRAISON_TYPE)).isEqualTo("Complet");
        assertThat((String) runtimeService.getVariable(deliveries.getId(), CALENDRIER_TEXTE))
                .endsWith("; chargement initial : Complet du 11 mars 2026 à 06:00, avant le calendrier habituel");
        assertThat(text(mailsAbout("clé publique SFTP à installer").get(0)))
                .contains("Première livraison : Complet du 11 mars 2026 à 06:00");

        // no Delta nor Thursday Complet before it: the ENT has nothing to apply them to
        generate(AafFileType.COMPLET, "2026-03-05", annex());
        moveClockTo("2026-03-10", 23);
        executeDueJobs();
        assertThat(list()).isEmpty();

        generate(AafFileType.COMPLET, "2026-03-11", annex());
        moveClockTo("2026-03-11", 6);
        executeDueJobs();
        assertThat(list()).isNotEmpty().allMatch(name -> name.startsWith(PREFIX + "_Complet_20260311_"));
        assertThat(report().get("resultat").asText()).isEqualTo("envoye");
        assertThat(nextDelivery()).as("then the usual schedule").isEqualTo(paris("2026-03-12T06:00"));
    }

    @Test
    void anInitialLoadAlreadyPastIsRefused() {
        assertThatThrownBy(() -> completeSetUp(setUp(Map.of(CHARGEMENT_INITIAL, true,
                DATE_CHARGEMENT_INITIAL, "2026-03-02"))))
                .hasMessageContaining("Le chargement initial du 2 mars 2026 à 06:00 serait déjà passé : choisissez un"
                        + " jour à venir.");
        assertThatThrownBy(() -> completeSetUp(setUp(Map.of(CHARGEMENT_INITIAL, true))))
                .hasMessageContaining("Indiquez la date du chargement initial");
        assertThat(deliveries).isWaitingAt(TASK_SET_UP);
    }

    // ---------------------------------------------------------------- Annexe 1

    @Test
    void aDeliveryOfTheAnnexSchoolsGoesThroughAndTheirStructuresAreKept() throws Exception {
        completeSetUp(setUp(Map.of()));
        executeDueJobs();
        generate(AafFileType.COMPLET, "2026-03-05", annex());
        moveClockTo("2026-03-05", 6);
        executeDueJobs();

        assertThat(report().get("resultat").asText()).isEqualTo("envoye");
        assertThat(list()).isNotEmpty();
        JsonNode structures = JsonVariables.read(runtimeService.getVariableTyped(deliveries.getId(), STRUCTURES_LIVREES));
        assertThat(structures.get("100000").asText()).isEqualTo(annex().get(0));
        assertThat(structures.get("100001").asText()).isEqualTo(annex().get(1));
    }

    @Test
    void aSchoolOutsideAnnexOneInEtabEducNatRefusesTheDeliveryAndTheRefusalListsItsUai() throws Exception {
        completeSetUp(setUp(Map.of()));
        executeDueJobs();
        List<String> schools = new ArrayList<>(annex());
        schools.add(FOREIGN_SCHOOL);
        generate(AafFileType.COMPLET, "2026-03-05", schools);
        GREEN_MAIL.reset();
        moveClockTo("2026-03-05", 6);
        executeDueJobs();

        assertThat(list()).as("rien n'est envoyé").isEmpty();
        JsonNode report = report();
        assertThat(report.get("resultat").asText()).isEqualTo("refuse");
        List<String> problems = new ArrayList<>();
        report.get("problemes").forEach(p -> problems.add(p.asText()));
        assertThat(problems).contains(
                PREFIX + "_Complet_20260305_EtabEducNat_0000.xml : école hors de l'annexe 1 de la convention : UAI "
                        + FOREIGN_SCHOOL + " ; ces données ne doivent pas être transmises à l'exploitant",
                PREFIX + "_Complet_20260305_Eleve_0000.xml : élèves rattachés à une école hors de l'annexe 1 de la"
                        + " convention : UAI " + FOREIGN_SCHOOL,
                PREFIX + "_Complet_20260305_PersEducNat_0000.xml : personnels rattachés à une école hors de l'annexe 1"
                        + " de la convention : UAI " + FOREIGN_SCHOOL);
        assertThat(report.get("uaiHorsAnnexe").toString()).isEqualTo("[\"" + FOREIGN_SCHOOL + "\"]");
        assertThat(text(mailsAbout("refusée").get(0))).contains("école hors de l'annexe 1 de la convention : UAI "
                + FOREIGN_SCHOOL, "Cause : UAI hors annexe 1.", "UAI hors annexe 1 (1) : " + FOREIGN_SCHOOL);
        // the delivery record: its cause and the UAIs, the day's counter of that cause, the registry's summary
        // (the days before, runs with no file, ran at the same engine time)
        Map<String, Object> logged = jdbc.queryForMap("SELECT executee_le, cause, uai_hors_annexe,"
                + " nombre_uai_hors_annexe FROM livraison_aaf WHERE numero = ? AND resultat = 'refuse'", numero);
        assertThat(logged).containsEntry("CAUSE", "uai-hors-annexe")
                .containsEntry("UAI_HORS_ANNEXE", FOREIGN_SCHOOL).containsEntry("NOMBRE_UAI_HORS_ANNEXE", 1);
        assertThat(jdbc.queryForObject("SELECT SUM(nombre) FROM livraison_aaf_jour WHERE niveau = 'A' AND jour = ?"
                + " AND resultat = 'refuse' AND cause = 'uai-hors-annexe'", Long.class,
                java.sql.Date.valueOf("2026-03-05"))).isEqualTo(1L);
        assertThat(jdbc.queryForObject("SELECT aaf_resume FROM convention WHERE numero = ?", String.class, numero))
                .endsWith(" – UAI hors annexe 1 : " + FOREIGN_SCHOOL);
        assertThat(runtimeService.getVariable(deliveries.getId(), STRUCTURES_LIVREES)).isNull();
    }

    @Test
    void pupilsAndStaffOfASchoolAnAvenantTookOutOfAnnexOneAreRefusedInTheNextDelta() throws Exception {
        completeSetUp(setUp(Map.of()));
        executeDueJobs();
        List<String> schools = annex();
        generate(AafFileType.COMPLET, "2026-03-05", schools);
        moveClockTo("2026-03-05", 6);
        executeDueJobs();
        assertThat(report().get("resultat").asText()).isEqualTo("envoye");

        // an avenant leaves only the first school in Annexe 1; the académie's extraction still has both
        ConventionData current = records.current(numero).orElseThrow();
        records.recordSigned(numero, 2, LocalDate.parse("2026-03-05"), "Avenant n° 1", new ConventionData(
                current.communeInsee(), current.communeNom(), current.communeAdresse(), current.maireNom(),
                List.of(current.ecoles().get(0)), current.referentEnt(), current.correspondantsTechniques(),
                current.editeurEnt(), current.exploitantEnt()));
        List<String> before = list();
        generate(AafFileType.DELTA, "2026-03-06", schools);
        moveClockTo("2026-03-06", 6);
        executeDueJobs();

        assertThat(list()).as("rien de plus n'est envoyé").isEqualTo(before);
        assertThat(report().get("resultat").asText()).isEqualTo("refuse");
        assertThat(report().get("problemes").toString()).contains("rattachés à une école hors de l'annexe 1 de la"
                + " convention : UAI " + schools.get(1));
        assertThat(jdbc.queryForObject("SELECT cause || ' ' || uai_hors_annexe FROM livraison_aaf WHERE numero = ?"
                + " AND resultat = 'refuse'", String.class, numero))
                .as("the school the avenant took out, named by the pupils and staff attached to it")
                .isEqualTo("uai-hors-annexe " + schools.get(1));
    }

    // ---------------------------------------------------------------- helpers

    private List<String> annex() {
        return records.current(numero).orElseThrow().ecoles().stream().map(Ecole::uai).toList();
    }

    private Map<String, Object> setUp(Map<String, Object> overrides) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(PREFIXE_FICHIERS, PREFIX);
        variables.put(JOURS_COMPLET, JsonVariables.write(List.of("jeudi")));
        variables.put(JOURS_DELTA, JsonVariables.write(List.of("lundi", "mardi", "mercredi", "vendredi")));
        variables.put(HEURE_LIVRAISON, "06:00");
        variables.put(LIVRER_ZIP, false);
        variables.put(JOINDRE_BORDEREAU, false);
        variables.put(HOTE_SFTP, "127.0.0.1");
        variables.put(PORT_SFTP, (long) server.port());
        variables.put(UTILISATEUR_SFTP, "ent");
        variables.put(REPERTOIRE_DISTANT, "/depot");
        variables.put(EMPREINTE_HOTE_SFTP, Ed25519Keys.fingerprint(hostKey.keyPair().getPublic()));
        variables.putAll(overrides);
        return variables;
    }

    /** The same submission as the REST API carries it. */
    private static Map<String, Object> rest(Map<String, Object> variables) {
        Map<String, Object> submission = new HashMap<>();
        variables.forEach((name, value) -> submission.put(name,
                value instanceof org.camunda.bpm.engine.variable.value.TypedValue
                        ? EngineRest.json(JsonVariables.read(value)) : EngineRest.value(value)));
        return submission;
    }

    private void completeSetUp(Map<String, Object> variables) {
        taskService.complete(setUpTask().getId(), variables);
    }

    private Task setUpTask() {
        return taskService.createTaskQuery().processInstanceId(deliveries.getId()).taskDefinitionKey(TASK_SET_UP)
                .singleResult();
    }

    private void generate(AafFileType type, String isoDate, List<String> schools) {
        new AafGenerator().generate(new AafGeneratorOptions(new AafExtraction(PREFIX, type, LocalDate.parse(isoDate)),
                300, 4).withSchoolUais(schools), DEPOT);
    }

    private Date nextDelivery() {
        Job timer = managementService.createJobQuery().processInstanceId(deliveries.getId())
                .activityId(TIMER_DELIVERY_TIME).singleResult();
        return timer.getDuedate();
    }

    private JsonNode report() {
        return JsonVariables.read(runtimeService.getVariableTyped(deliveries.getId(), DERNIERE_LIVRAISON));
    }

    private List<String> list() throws IOException {
        try (Stream<Path> files = Files.list(serverRoot.resolve("depot"))) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    /** A mail's text, its non-breaking spaces (before « : ») as plain ones. */
    private static String text(MimeMessage mail) {
        return body(mail).replace('\u00a0', ' ');
    }

    private static Date paris(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant());
    }
}
