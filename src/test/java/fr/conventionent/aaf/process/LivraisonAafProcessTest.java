package fr.conventionent.aaf.process;

import static fr.conventionent.aaf.process.LivraisonAafProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.conventionent.aaf.AafExtraction;
import fr.conventionent.aaf.AafFileType;
import fr.conventionent.aaf.generator.AafGenerationResult;
import fr.conventionent.aaf.generator.AafGenerator;
import fr.conventionent.aaf.generator.AafGeneratorOptions;
import fr.conventionent.aaf.sftp.DeliveryKeyPair;
import fr.conventionent.aaf.sftp.Ed25519Keys;
import fr.conventionent.aaf.sftp.EmbeddedSftpServer;
import fr.conventionent.demo.SampleConventions;
import fr.conventionent.kernel.Contact;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.support.Circuits;
import fr.conventionent.support.EngineRest;
import fr.conventionent.support.EngineTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * livraison-aaf end to end: the engine (job executor off, clock moved by the test), the AAF library and an embedded
 * MINA SSHD SFTP server on the loopback. Week of Monday 2 March 2026: Thursday 5 March is a Complet day.
 */
class LivraisonAafProcessTest extends EngineTest {

    /** Deliveries started by hand, under a number no convention of these tests takes (the safety net would stop them). */
    private static final String NUMERO = "CONV-78646-1999-01";
    private static final String OTHER_NUMERO = "CONV-92050-1999-01";
    private static final String PREFIX = "ENT78-VERSAILLES_01";
    private static final Path DEPOT = Path.of("target/test-data/aaf/depot");
    private static final Path ARCHIVES = Path.of("target/test-data/aaf/archives");
    private static final Path CLES = Path.of("target/test-data/aaf/cles");
    private static final List<Contact> CORRESPONDANTS = List.of(
            new Contact("LEROY Anne", "01 40 00 00 02", "anne.leroy@exploitant.example"),
            new Contact("MOREAU Luc", "06 12 34 56 78", "luc.moreau@exploitant.example"));

    private static DeliveryKeyPair hostKey;

    @Autowired
    AafDeliveries deliveries;
    @Autowired
    fr.conventionent.convention.ConventionRecords records;
    @Autowired
    HistoryService historyService;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate restTemplate;

    @TempDir
    Path serverRoot;
    private EmbeddedSftpServer server;

    @BeforeAll
    static void operatorHostKey() {
        hostKey = Ed25519Keys.generate("sftp.exploitant.example");
    }

    @BeforeEach
    void emptyFoldersOnMondayMorning() throws IOException {
        for (Path folder : List.of(DEPOT, ARCHIVES, CLES)) {
            deleteRecursively(folder);
        }
        Files.createDirectories(DEPOT);
        Files.createDirectories(serverRoot.resolve("depot"));
        moveClockTo(paris("2026-03-02T10:00"));
        jdbc.update("DELETE FROM livraison_aaf WHERE numero IN (?, ?)", NUMERO, OTHER_NUMERO);
    }

    /** The outcomes the dashboard counts (livraison_aaf), oldest first, as « resultat/cause ». */
    private List<String> runsLogged() {
        return jdbc.queryForList("SELECT resultat || '/' || COALESCE(cause, '-') FROM livraison_aaf WHERE numero = ?"
                + " ORDER BY executee_le", String.class, NUMERO);
    }

    @AfterEach
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    // ---------------------------------------------------------------- start

    @Test
    void startingTwiceForTheSameConventionKeepsOneInstanceReadableByItsCommune() {
        String first = deliveries.start(NUMERO, "78646", "Versailles", JsonVariables.write(CORRESPONDANTS));
        String second = deliveries.start(NUMERO, "78646", "Versailles", JsonVariables.write(CORRESPONDANTS));

        assertThat(second).isEqualTo(first);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(NUMERO).count()).isEqualTo(1);
        ProcessInstance instance = instance(first);
        assertThat(instance).isWaitingAt(TASK_GENERATE_KEY_PAIR).variables()
                .containsEntry(CONVENTION_NUMERO, NUMERO)
                .containsEntry(COMMUNE_INSEE, "78646")
                .containsEntry(COMMUNE_LIBELLE, "Versailles")
                .containsEntry(HEURE_LIVRAISON, "06:00");
        assertThat(JsonVariables.readList(runtimeService.getVariable(first, CORRESPONDANTS_TECHNIQUES), Contact.class))
                .isEqualTo(CORRESPONDANTS);
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn("commune-78646")
                .resourceType(Resources.PROCESS_INSTANCE).resourceId(first).hasPermission(Permissions.READ).count())
                .isEqualTo(1);
        assertThat(deliveries.isRunning(NUMERO)).isTrue();
    }

    @Test
    void aConventionComingIntoForceStartsItsDeliveriesAndTheDsiIsAskedToSetThemUp() throws Exception {
        ProcessInstance convention = startConvention("91228");
        taskService.complete(openTask(convention).getId(), SampleConventions.completion("91228", "Évry", 1));
        taskService.complete(openTask(convention).getId(), Circuits.signedCopies());
        for (int i = 0; i < 4; i++) {
            taskService.complete(openTask(convention).getId(), Circuits.approve());
        }
        taskService.complete(openTask(convention).getId(), Circuits.recteurSignsToday());
        taskService.complete(openTask(convention).getId(), Circuits.scanUploaded());
        executeDueJobs();

        String numero = convention.getBusinessKey();
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(numero).singleResult();
        assertThat(instance).isWaitingAt(TASK_SET_UP).variables()
                .containsEntry(CONVENTION_NUMERO, numero)
                .containsEntry(COMMUNE_INSEE, "91228")
                .containsEntry(COMMUNE_LIBELLE, runtimeService.getVariable(convention.getId(), COMMUNE_LIBELLE))
                .containsKey(CLE_PUBLIQUE_SFTP);
        assertThat(JsonVariables.readList(runtimeService.getVariable(instance.getId(), CORRESPONDANTS_TECHNIQUES),
                Contact.class)).isEqualTo(records.current(numero).orElseThrow().correspondantsTechniques()).hasSize(2);
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn("commune-91228")
                .resourceType(Resources.PROCESS_INSTANCE).resourceId(instance.getId()).count()).isEqualTo(1);
        assertThat(mailAbout("À faire\u00a0: Paramétrer les livraisons AAF – " + numero).getSubject()).contains("Évry");
        assertThat(CLES.resolve(numero).resolve("id_ed25519")).exists();
    }

    @Test
    void overRestTheDsiSetsUpARefusalIs400AndNoAnswerHoldsThePrivateKey() throws Exception {
        ProcessInstance instance = started();
        startServer(instance);
        EngineRest dsi = new EngineRest(restTemplate, "dsi");
        String taskId = setUpTask(instance).getId();
        String privateKey = Files.readString(CLES.resolve(NUMERO).resolve("id_ed25519"));

        JsonNode form = dsi.getJson("/task/" + taskId + "/form-variables");
        assertThat(form.get(CLE_PUBLIQUE_SFTP).get("value").asText()).startsWith("ssh-ed25519 ");
        Map<String, Object> submission = new HashMap<>();
        setUp(Map.of()).forEach((name, value) -> submission.put(name, value instanceof org.camunda.bpm.engine.variable.value.TypedValue
                ? EngineRest.json(JsonVariables.read(value)) : EngineRest.value(value)));
        submission.put(PORT_SFTP, EngineRest.value(0));

        var refused = dsi.submitForm(taskId, submission);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("Saisie refusée : « Port » doit valoir au moins 1 (0 reçu).");

        submission.put(PORT_SFTP, EngineRest.value(server.port()));
        assertThat(dsi.submitForm(taskId, submission).getStatusCode().value()).isEqualTo(204);
        assertThat(instance).isWaitingAt(GATEWAY_WAIT_FOR_DELIVERY);

        List<String> answers = new ArrayList<>();
        answers.add(dsi.get("/process-instance/" + instance.getId() + "/variables").getBody());
        answers.add(dsi.get("/history/variable-instance?processInstanceId=" + instance.getId()).getBody());
        answers.add(dsi.get("/history/detail?processInstanceId=" + instance.getId()).getBody());
        EngineRest commune = new EngineRest(restTemplate, "mairie.versailles");
        answers.add(commune.get("/process-instance/" + instance.getId() + "/variables").getBody());
        assertThat(answers.get(0)).contains(CLE_PUBLIQUE_SFTP, PREFIX);
        assertThat(answers.get(3)).contains(CLE_PUBLIQUE_SFTP);
        String keyBody = privateKey.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        for (String answer : answers) {
            assertThat(answer).doesNotContain("PRIVATE KEY").doesNotContain(keyBody);
        }
        assertThat(new EngineRest(restTemplate, "mairie.nanterre")
                .getJson("/process-instance?processDefinitionKey=" + KEY)).isEmpty();
    }

    // ---------------------------------------------------------------- set-up and keys

    @Test
    void setUpShowsThePublicKeyToTheDsiAndTheOperatorButNeverThePrivateKey() throws Exception {
        ProcessInstance instance = started();

        assertThat(instance).isWaitingAt(TASK_SET_UP);
        Task setUp = setUpTask(instance);
        assertThat(candidateGroupOf(setUp)).isEqualTo("dsi");
        assertThat(setUp.getName()).isEqualTo("Paramétrer les livraisons AAF");
        assertThat(setUp.getDescription()).isEqualTo("Convention " + NUMERO + " – commune de Versailles");
        String publicKey = (String) runtimeService.getVariable(instance.getId(), CLE_PUBLIQUE_SFTP);
        assertThat(publicKey).startsWith("ssh-ed25519 AAAA").endsWith(" convention-ent-aaf-" + NUMERO);
        assertThat((String) runtimeService.getVariable(instance.getId(), EMPREINTE_CLE_SFTP)).startsWith("SHA256:");
        assertThat((String) runtimeService.getVariable(instance.getId(), CORRESPONDANTS_TECHNIQUES_TEXTE))
                .contains("**LEROY Anne** – 01 40 00 00 02 – anne.leroy@exploitant.example", "MOREAU Luc");

        Path privateKeyFile = CLES.resolve(NUMERO).resolve("id_ed25519");
        assertThat(Files.getPosixFilePermissions(privateKeyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String privateKey = Files.readString(privateKeyFile);
        assertThat(privateKey).contains("BEGIN OPENSSH PRIVATE KEY");
        assertThat(Files.readString(Ed25519Keys.publicKeyFile(privateKeyFile)).strip()).isEqualTo(publicKey);

        var formVariables = formService().getTaskFormVariables(setUp.getId());
        assertThat(formVariables.get(CLE_PUBLIQUE_SFTP)).isEqualTo(publicKey);
        formVariables.values().forEach(v -> assertThat(String.valueOf(v)).doesNotContain("PRIVATE KEY"));

        startServer(instance);
        completeSetUp(instance, setUp(Map.of()));
        executeDueJobs();

        assertThat(instance).isWaitingAt(GATEWAY_WAIT_FOR_DELIVERY).variables()
                .containsEntry(PREFIXE_FICHIERS, PREFIX)
                .containsEntry(PORT_SFTP, server.port())
                .containsEntry(CALENDRIER_TEXTE,
                        "Complet le jeudi, Delta le lundi, mardi, mercredi et vendredi, à 06:00 (heure de Paris)")
                .containsEntry(PROCHAINE_LIVRAISON, paris("2026-03-03T06:00"))
                .containsEntry(PROCHAINE_LIVRAISON_TYPE, "Delta");
        MimeMessage keyMail = mailAbout("clé publique SFTP à installer");
        assertThat(recipients(keyMail)).containsExactlyInAnyOrder("anne.leroy@exploitant.example",
                "luc.moreau@exploitant.example", "dsi@demo.example");
        assertThat(body(keyMail)).contains(publicKey, "ent@127.0.0.1, port " + server.port(),
                "Première livraison\u00a0: Delta du 3 mars 2026 à 06:00");

        // a delivery runs, so that history holds every kind of variable the process writes
        generate(AafFileType.DELTA, "2026-03-03");
        moveClockTo(paris("2026-03-03T06:00"));
        executeDueJobs();
        assertThat(report(instance).get("resultat").asText()).isEqualTo("envoye");

        List<String> body = privateKey.lines().filter(l -> !l.startsWith("-----")).toList();
        for (String text : everyVariableText()) {
            assertThat(text).doesNotContain("PRIVATE KEY");
            body.forEach(line -> assertThat(text).doesNotContain(line));
        }
    }

    @Test
    void anInvalidSetUpIsRefusedInFrenchAndStoresNothing() {
        ProcessInstance instance = started();
        Map<String, Object> bad = new HashMap<>(setUp(Map.of()));
        bad.put(PREFIXE_FICHIERS, "ENT 78/versailles");
        bad.put(JOURS_COMPLET, JsonVariables.write(List.of("jeudi")));
        bad.put(JOURS_DELTA, JsonVariables.write(List.of("lundi", "jeudi")));
        bad.put(HEURE_LIVRAISON, "6h");
        bad.put(NOM_ARCHIVE_ZIP, "../aaf.zip");
        bad.put(CODE_DESTINATAIRE, " ");
        bad.put(HOTE_SFTP, "sftp exploitant");
        bad.put(PORT_SFTP, 70000L);
        bad.put(UTILISATEUR_SFTP, "-ent");
        bad.put(REPERTOIRE_DISTANT, "/depot/../etc");
        bad.put(EMPREINTE_HOTE_SFTP, "MD5:12:34:56");
        String taskId = setUpTask(instance).getId();

        assertThatThrownBy(() -> taskService.complete(taskId, bad))
                .hasMessageContaining("Saisie refusée : ")
                .hasMessageContaining("Le préfixe « ENT 78/versailles » n'est pas valide")
                .hasMessageContaining("L'heure de livraison « 6h » doit s'écrire HH:MM")
                .hasMessageContaining("Le nom d'archive « ../aaf.zip » n'est pas valide")
                .hasMessageContaining("Indiquez le code destinataire")
                .hasMessageContaining("Le serveur SFTP « sftp exploitant » n'est pas un nom d'hôte")
                .hasMessageContaining("Le port SFTP doit être un nombre entier de 1 à 65535")
                .hasMessageContaining("L'utilisateur SFTP « -ent » n'est pas valide")
                .hasMessageContaining("Le répertoire distant « /depot/../etc » n'est pas valide")
                .hasMessageContaining("L'empreinte de clé d'hôte « MD5:12:34:56 » n'est pas au format attendu");

        Map<String, Object> overlapping = new HashMap<>(setUp(Map.of()));
        overlapping.put(JOURS_DELTA, JsonVariables.write(List.of("lundi", "jeudi")));
        assertThatThrownBy(() -> taskService.complete(taskId, overlapping))
                .hasMessageContaining("Un jour ne peut pas recevoir à la fois un Complet et un Delta : jeudi.");

        assertThat(instance).isWaitingAt(TASK_SET_UP);
        assertThat(runtimeService.getVariable(instance.getId(), PREFIXE_FICHIERS)).isNull();
        assertThat(runtimeService.getVariable(instance.getId(), PORT_SFTP)).isEqualTo(22);
    }

    @Test
    void twoConventionsCannotShareAPrefix() {
        ProcessInstance instance = started();
        startServer(instance);
        completeSetUp(instance, setUp(Map.of()));
        String other = deliveries.start(OTHER_NUMERO, "92050", "Nanterre", JsonVariables.write(CORRESPONDANTS));
        executeDueJobs();
        String otherTask = setUpTask(instance(other)).getId();

        assertThatThrownBy(() -> taskService.complete(otherTask, setUp(Map.of())))
                .hasMessageContaining("Le préfixe « " + PREFIX + " » est déjà celui des livraisons de la convention " + NUMERO);
        assertThatThrownBy(() -> taskService.complete(otherTask, setUp(Map.of(PREFIXE_FICHIERS, "ENT78-VERSAILLES"))))
                .hasMessageContaining("Le préfixe « ENT78-VERSAILLES » se confond avec « " + PREFIX + " »");
        taskService.complete(otherTask, setUp(Map.of(PREFIXE_FICHIERS, "ENT92-NANTERRE")));
        assertThat(runtimeService.getVariable(other, PREFIXE_FICHIERS)).isEqualTo("ENT92-NANTERRE");
    }

    // ---------------------------------------------------------------- scheduled runs

    @Test
    void aThursdayRunDeliversACompletWithItsBordereauThenWaitsForFriday() throws Exception {
        moveClockTo(paris("2026-03-04T10:00"));
        ProcessInstance instance = setUpWithServer(Map.of());
        assertThat(nextDelivery(instance)).isEqualTo(paris("2026-03-05T06:00"));
        AafGenerationResult files = generate(AafFileType.COMPLET, "2026-03-05");

        moveClockTo(paris("2026-03-05T06:00"));
        executeDueJobs();

        Path remote = serverRoot.resolve("depot");
        assertThat(list(remote)).containsExactlyInAnyOrder("ENT78_Complet_20260305.zip",
                PREFIX + "_Complet_20260305_bordereau.txt");
        assertThat(Files.readString(remote.resolve(PREFIX + "_Complet_20260305_bordereau.txt")))
                .contains("Code destinataire : ENT-ITOP-78\n", "Date d'envoi : 05/03/2026\n",
                        "Archive zip : ENT78_Complet_20260305.zip\n", "Nombre de fichiers : " + files.files().size());
        JsonNode report = report(instance);
        assertThat(report.get("resultat").asText()).isEqualTo("envoye");
        assertThat(report.get("type").asText()).isEqualTo("Complet");
        assertThat(report.get("extraction").asText()).isEqualTo(PREFIX + "_Complet_20260305");
        assertThat(report.get("fichiers").asInt()).isEqualTo(files.files().size());
        assertThat(report.get("octets").asLong()).isEqualTo(files.bytes());
        assertThat(report.get("lignes").asLong()).isPositive();
        assertThat(report.get("resume").asText()).startsWith("Complet du 5 mars 2026 : envoyé – " + files.files().size() + " fichiers");
        assertThat(list(DEPOT)).isEmpty();
        assertThat(ARCHIVES.resolve(NUMERO).resolve(PREFIX + "_Complet_20260305")).isDirectory();
        assertThat(history(instance)).hasSize(1);

        assertThat(instance).isWaitingAt(GATEWAY_WAIT_FOR_DELIVERY);
        assertThat(nextDelivery(instance)).isEqualTo(paris("2026-03-06T06:00"));
        assertThat(runtimeService.getVariable(instance.getId(), PROCHAINE_LIVRAISON_TYPE)).isEqualTo("Delta");
    }

    @Test
    void aTuesdayRunDeliversADeltaFileByFileWithoutZipNorBordereau() throws Exception {
        ProcessInstance instance = setUpWithServer(Map.of(LIVRER_ZIP, false, JOINDRE_BORDEREAU, false));
        AafGenerationResult files = generate(AafFileType.DELTA, "2026-03-03");

        moveClockTo(paris("2026-03-03T06:00"));
        executeDueJobs();

        assertThat(list(serverRoot.resolve("depot")))
                .hasSize(files.files().size())
                .allMatch(name -> name.startsWith(PREFIX + "_Delta_20260303_") && name.endsWith(".xml"));
        assertThat(report(instance).get("type").asText()).isEqualTo("Delta");
        assertThat(report(instance).get("envoyes")).hasSize(files.files().size());
        assertThat(runtimeService.getVariable(instance.getId(), NOM_ARCHIVE_ZIP)).isNull();
        assertThat(nextDelivery(instance)).isEqualTo(paris("2026-03-04T06:00"));
    }

    @Test
    void badFilesSendNothingAndTheDsiAndCorrespondentsGetEveryReason() throws Exception {
        moveClockTo(paris("2026-03-04T10:00"));
        ProcessInstance instance = setUpWithServer(Map.of());
        generate(AafFileType.COMPLET, "2026-03-05");
        Path truncated = DEPOT.resolve(PREFIX + "_Complet_20260305_Eleve_0000.xml");
        Files.writeString(truncated, Files.readString(truncated).replace("</ficAlimMENESR>", ""));
        Files.writeString(DEPOT.resolve(PREFIX + "_Delta_20260305_PersEducNat_0000.xml"), "<ficAlimMENESR/>");
        List<String> before = list(DEPOT);
        GREEN_MAIL.reset();

        moveClockTo(paris("2026-03-05T06:00"));
        executeDueJobs();

        assertThat(list(serverRoot.resolve("depot"))).isEmpty();
        assertThat(list(DEPOT)).isEqualTo(before);
        JsonNode report = report(instance);
        assertThat(report.get("resultat").asText()).isEqualTo("refuse");
        assertThat(report.get("problemes").toString()).contains(
                PREFIX + "_Complet_20260305_Eleve_0000.xml : XML mal formé ou tronqué",
                PREFIX + "_Delta_20260305_PersEducNat_0000.xml : type Complet attendu, Delta trouvé");
        MimeMessage mail = mailAbout("Livraison AAF refusée");
        assertThat(mail.getSubject()).isEqualTo("[Convention ENT] Livraison AAF refusée\u00a0: " + PREFIX
                + "_Complet_20260305 – convention " + NUMERO + " (Versailles)");
        assertThat(recipients(mail)).containsExactlyInAnyOrder("anne.leroy@exploitant.example",
                "luc.moreau@exploitant.example", "dsi@demo.example");
        assertThat(body(mail)).contains("Aucun fichier n'a été envoyé à l'exploitant.",
                "  - " + PREFIX + "_Complet_20260305_Eleve_0000.xml : XML mal formé ou tronqué",
                "  - " + PREFIX + "_Delta_20260305_PersEducNat_0000.xml : type Complet attendu, Delta trouvé",
                "aaf-check <dossier de dépôt> --prefix " + PREFIX + " --type Complet --date 20260305");
        assertThat(instance).isWaitingAt(GATEWAY_WAIT_FOR_DELIVERY);
        assertThat(nextDelivery(instance)).isEqualTo(paris("2026-03-06T06:00"));
        assertThat(runsLogged()).containsExactly("refuse/fichiers-refuses");
    }

    @Test
    void noFileForTheDayIsRecordedAndOnlyAMissingCompletIsMailedToTheDsi() throws Exception {
        ProcessInstance instance = setUpWithServer(Map.of());
        GREEN_MAIL.reset();

        moveClockTo(paris("2026-03-03T06:00"));
        executeDueJobs();

        assertThat(report(instance).get("resultat").asText()).isEqualTo("aucun-fichier");
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();

        moveClockTo(paris("2026-03-05T06:00"));
        executeDueJobs(); // Wednesday's Delta, then Thursday's Complet
        executeDueJobs();

        assertThat(history(instance)).extracting(e -> e.get("extraction").asText()).containsExactly(
                PREFIX + "_Delta_20260303", PREFIX + "_Delta_20260304", PREFIX + "_Complet_20260305");
        MimeMessage mail = mailAbout("aucun fichier pour le Complet");
        assertThat(recipients(mail)).containsExactly("dsi@demo.example");
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
        assertThat(list(serverRoot.resolve("depot"))).isEmpty();
        assertThat(runsLogged()).containsExactly("aucun-fichier/-", "aucun-fichier/-", "aucun-fichier/-");
    }

    @Test
    void aRunPerformedAgainAfterItsFilesWereSentAndArchivedSendsNothingTwice() throws Exception {
        ProcessInstance instance = setUpWithServer(Map.of());
        generate(AafFileType.DELTA, "2026-03-03");
        moveClockTo(paris("2026-03-03T06:00"));
        executeDueJobs();
        Path remote = serverRoot.resolve("depot");
        Files.delete(remote.resolve("ENT78_Delta_20260303.zip"));

        // as if the job ran again (upload done, engine transaction lost): same scheduled run, files already archived
        runtimeService.setVariables(instance.getId(), Map.of(PROCHAINE_LIVRAISON, paris("2026-03-03T06:00"),
                PROCHAINE_LIVRAISON_TYPE, "Delta"));
        runtimeService.createProcessInstanceModification(instance.getId())
                .cancelAllForActivity(GATEWAY_WAIT_FOR_DELIVERY)
                .startBeforeActivity(TASK_DELIVER)
                .execute();
        executeDueJobs();

        assertThat(report(instance).get("resultat").asText()).isEqualTo("deja-livre");
        assertThat(list(remote)).containsExactly(PREFIX + "_Delta_20260303_bordereau.txt");
        assertThat(history(instance)).extracting(e -> e.get("resultat").asText()).containsExactly("envoye", "deja-livre");
        assertThat(nextDelivery(instance)).isEqualTo(paris("2026-03-04T06:00"));
    }

    // ---------------------------------------------------------------- failures

    @Test
    void sftpDownFailsTheRunWhichIsRetriedWithBackOffThenBecomesAnIncidentAndIsDeliveredOnceWhenRetried()
            throws Exception {
        ProcessInstance instance = setUpWithServer(Map.of());
        AafGenerationResult files = generate(AafFileType.DELTA, "2026-03-03");
        int port = server.port();
        server.stop();

        moveClockTo(paris("2026-03-03T06:00"));
        fireTimer(instance);
        Job job = deliveryJob(instance);
        List<Integer> retriesLeft = new ArrayList<>();
        List<Date> nextAttempts = new ArrayList<>();
        for (int attempt = 0; attempt < 10 && job.getRetries() > 0; attempt++) {
            String jobId = job.getId();
            assertThatThrownBy(() -> managementService.executeJob(jobId))
                    .hasMessageContaining("Livraison AAF " + PREFIX + "_Delta_20260303 de la convention " + NUMERO
                            + " : échec d'envoi SFTP – connexion impossible à 127.0.0.1:" + port);
            job = deliveryJob(instance);
            retriesLeft.add(job.getRetries());
            nextAttempts.add(job.getDuedate());
            if (job.getDuedate() != null) {
                moveClockTo(job.getDuedate());
            }
        }

        // back-off PT5M,PT15M,PT30M,PT1H,PT2H: five more attempts after the first, then an incident
        assertThat(retriesLeft).containsExactly(5, 4, 3, 2, 1, 0);
        assertThat(nextAttempts.subList(0, 5)).containsExactly(paris("2026-03-03T06:05"), paris("2026-03-03T06:20"),
                paris("2026-03-03T06:50"), paris("2026-03-03T07:50"), paris("2026-03-03T09:50"));
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo(TASK_DELIVER);
        assertThat(incident.getIncidentMessage()).contains("échec d'envoi SFTP", "connexion impossible",
                "Le dossier de dépôt est intact");
        assertThat(list(DEPOT)).hasSize(files.files().size());
        assertThat(list(ARCHIVES.resolve(NUMERO))).isEmpty();
        assertThat(runsLogged()).as("les essais qui seront refaits ne comptent pas ; l'incident, une fois")
                .containsExactly("echec/sftp-injoignable");

        server.start(port);
        managementService.setJobRetries(job.getId(), 1);
        executeDueJobs();

        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(list(serverRoot.resolve("depot"))).containsExactlyInAnyOrder("ENT78_Delta_20260303.zip",
                PREFIX + "_Delta_20260303_bordereau.txt");
        assertThat(history(instance)).singleElement().satisfies(e -> {
            assertThat(e.get("resultat").asText()).isEqualTo("envoye");
            assertThat(e.get("prevueLe").asText()).isEqualTo("2026-03-03T06:00:00+01:00");
        });
        assertThat(list(DEPOT)).isEmpty();
        assertThat(runsLogged()).containsExactly("echec/sftp-injoignable", "envoye/-");
        // the retry happened after Wednesday's run was due: it is caught up, not skipped
        assertThat(nextDelivery(instance)).isEqualTo(paris("2026-03-04T06:00"));
    }

    @Test
    void anUploadCutHalfwayLeavesNoFileUnderItsFinalNameAndTheRetrySendsItWhole() throws Exception {
        ProcessInstance instance = setUpWithServer(Map.of());
        generate(AafFileType.DELTA, "2026-03-03");
        server.cutSessionAfter(512);

        moveClockTo(paris("2026-03-03T06:00"));
        fireTimer(instance);
        String jobId = deliveryJob(instance).getId();
        assertThatThrownBy(() -> managementService.executeJob(jobId)).hasMessageContaining("échec d'envoi SFTP");

        assertThat(list(serverRoot.resolve("depot"))).allMatch(name -> name.endsWith(".part"));
        moveClockBy(java.time.Duration.ofMinutes(5));
        executeDueJobs();

        Path zip = serverRoot.resolve("depot").resolve("ENT78_Delta_20260303.zip");
        assertThat(list(serverRoot.resolve("depot"))).containsExactlyInAnyOrder("ENT78_Delta_20260303.zip",
                PREFIX + "_Delta_20260303_bordereau.txt");
        try (java.util.zip.ZipFile archive = new java.util.zip.ZipFile(zip.toFile())) {
            assertThat(archive.size()).isPositive();
        }
        assertThat(report(instance).get("resultat").asText()).isEqualTo("envoye");
    }

    // ---------------------------------------------------------------- end of the convention

    @Test
    void conventionTermineeEndsTheDeliveriesCancelsTheTimerAndDeletesThePrivateKey() throws Exception {
        ProcessInstance instance = setUpWithServer(Map.of());
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).timers().count()).isEqualTo(1);
        GREEN_MAIL.reset();

        // as the convention's closure does it (dénonciation, résiliation): by business key, on waiting instances
        List<Execution> waiting = runtimeService.createExecutionQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(NUMERO).messageEventSubscriptionName(MESSAGE_CONVENTION_TERMINEE).list();
        assertThat(waiting).hasSize(1);
        runtimeService.createMessageCorrelation(MESSAGE_CONVENTION_TERMINEE)
                .processInstanceId(waiting.get(0).getProcessInstanceId()).setVariable("statut", "terminee").correlateAll();

        assertThat(instance).isEnded().hasPassed(END_STOPPED);
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(CLES.resolve(NUMERO).resolve("id_ed25519")).doesNotExist();
        executeDueJobs();
        MimeMessage mail = mailAbout("Fin des livraisons AAF");
        assertThat(recipients(mail)).contains("anne.leroy@exploitant.example", "dsi@demo.example");
        assertThat(deliveries.stop(NUMERO)).isZero();
        assertThat(deliveries.isRunning(NUMERO)).isFalse();
    }

    @Test
    void atARunsTimeDeliveriesWhoseConventionHasEndedStopEvenWithoutTheMessage() throws Exception {
        ProcessInstance convention = startConvention("92050");
        String numero = convention.getBusinessKey();
        String id = deliveries.start(numero, "92050", "Nanterre", JsonVariables.write(CORRESPONDANTS));
        executeDueJobs();
        ProcessInstance instance = instance(id);
        startServer(instance);
        completeSetUp(instance, setUp(Map.of()));
        Files.createDirectories(DEPOT);
        generate(AafFileType.DELTA, "2026-03-03");
        moveClockTo(paris("2026-03-03T06:00"));
        executeDueJobs();
        assertThat(report(instance).get("resultat").asText()).isEqualTo("envoye");

        runtimeService.deleteProcessInstance(convention.getId(), "convention close sans message (essai)");
        moveClockTo(paris("2026-03-04T06:00"));
        executeDueJobs();

        assertThat(instance).isEnded().hasPassed(GATEWAY_CONVENTION_IN_FORCE, TASK_CLOSE_AT_END, END_ENDED)
                .hasNotPassed(END_STOPPED);
        assertThat(history(id)).hasSize(1);
        assertThat(CLES.resolve(numero).resolve("id_ed25519")).doesNotExist();
        assertThat(mailAbout("Fin des livraisons AAF de la convention " + numero)).isNotNull();
    }

    @Test
    void stoppingByBusinessKeyAlsoEndsARunInIncidentAndTouchesNoOtherConvention() throws Exception {
        ProcessInstance instance = setUpWithServer(Map.of());
        String other = deliveries.start(OTHER_NUMERO, "92050", "Nanterre", JsonVariables.write(CORRESPONDANTS));
        generate(AafFileType.DELTA, "2026-03-03");
        server.stop();
        moveClockTo(paris("2026-03-03T06:00"));
        fireTimer(instance);
        for (Job job = deliveryJob(instance); job.getRetries() > 0; job = deliveryJob(instance)) {
            String jobId = job.getId();
            assertThatThrownBy(() -> managementService.executeJob(jobId)).hasMessageContaining("échec d'envoi SFTP");
        }
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);

        assertThat(deliveries.stop(NUMERO)).isEqualTo(1);

        assertThat(instance).isEnded().hasPassed(END_STOPPED);
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(deliveries.isRunning(OTHER_NUMERO)).isTrue();
        assertThat(instance(other)).isNotEnded();
        assertThat(list(DEPOT)).isNotEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private ProcessInstance started() {
        String id = deliveries.start(NUMERO, "78646", "Versailles", JsonVariables.write(CORRESPONDANTS));
        executeDueJobs();
        return instance(id);
    }

    private ProcessInstance instance(String id) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    /** Started, key generated, server up with that key authorised, set-up completed: the timer waits. */
    private ProcessInstance setUpWithServer(Map<String, Object> overrides) {
        ProcessInstance instance = started();
        startServer(instance);
        completeSetUp(instance, setUp(overrides));
        executeDueJobs();
        return instance;
    }

    /** What the DSI submits: defaults of the form, the operator's server, zip and bordereau. */
    private Map<String, Object> setUp(Map<String, Object> overrides) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(PREFIXE_FICHIERS, PREFIX);
        variables.put(JOURS_COMPLET, JsonVariables.write(List.of("jeudi")));
        variables.put(JOURS_DELTA, JsonVariables.write(List.of("lundi", "mardi", "mercredi", "vendredi")));
        variables.put(HEURE_LIVRAISON, "06:00");
        variables.put(LIVRER_ZIP, true);
        variables.put(NOM_ARCHIVE_ZIP, "ENT78_{type}_{date}.zip");
        variables.put(JOINDRE_BORDEREAU, true);
        variables.put(CODE_DESTINATAIRE, "ENT-ITOP-78");
        variables.put(HOTE_SFTP, "127.0.0.1");
        variables.put(PORT_SFTP, server == null ? 2222L : (long) server.port());
        variables.put(UTILISATEUR_SFTP, "ent");
        variables.put(REPERTOIRE_DISTANT, "/depot");
        variables.put(EMPREINTE_HOTE_SFTP, Ed25519Keys.fingerprint(hostKey.keyPair().getPublic()));
        variables.putAll(overrides);
        return variables;
    }

    private void completeSetUp(ProcessInstance instance, Map<String, Object> variables) {
        taskService.complete(setUpTask(instance).getId(), variables);
    }

    private Task setUpTask(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_SET_UP)
                .singleResult();
    }

    private org.camunda.bpm.engine.FormService formService() {
        return processEngine.getFormService();
    }

    /** The operator's server, accepting only the public key the application shows. */
    private void startServer(ProcessInstance instance) {
        String line = (String) runtimeService.getVariable(instance.getId(), CLE_PUBLIQUE_SFTP);
        try {
            PublicKey clientKey = AuthorizedKeyEntry.parseAuthorizedKeyEntry(line)
                    .resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.IGNORING);
            server = new EmbeddedSftpServer(serverRoot, clientKey, hostKey.keyPair()).start(0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private AafGenerationResult generate(AafFileType type, String isoDate) {
        AafExtraction extraction = new AafExtraction(PREFIX, type, LocalDate.parse(isoDate));
        return new AafGenerator().generate(new AafGeneratorOptions(extraction, 60, 7).withMaxEntriesPerFile(50), DEPOT);
    }

    private Date nextDelivery(ProcessInstance instance) {
        Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(runtimeService.getVariable(instance.getId(), PROCHAINE_LIVRAISON));
        return timer.getDuedate();
    }

    private void fireTimer(ProcessInstance instance) {
        Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        managementService.executeJob(timer.getId());
    }

    private Job deliveryJob(ProcessInstance instance) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(TASK_DELIVER)
                .singleResult();
    }

    private JsonNode report(ProcessInstance instance) {
        return JsonVariables.read(runtimeService.getVariableTyped(instance.getId(), DERNIERE_LIVRAISON));
    }

    private List<JsonNode> history(ProcessInstance instance) {
        return history(instance.getId());
    }

    /** From history: also once the instance has ended. */
    private List<JsonNode> history(String instanceId) {
        var variable = historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
                .variableName(HISTORIQUE_LIVRAISONS).singleResult();
        List<JsonNode> entries = new ArrayList<>();
        JsonVariables.read(variable.getTypedValue()).forEach(entries::add);
        return entries;
    }

    /** Every variable value the engine holds or has held, as text: runtime, history, and each update. */
    private List<String> everyVariableText() throws IOException {
        List<String> texts = new ArrayList<>();
        for (var v : runtimeService.createVariableInstanceQuery().disableCustomObjectDeserialization().list()) {
            texts.add(v.getName() + "=" + text(v::getValue));
        }
        for (var v : historyService.createHistoricVariableInstanceQuery().disableCustomObjectDeserialization().list()) {
            texts.add(v.getName() + "=" + text(v::getValue));
        }
        for (var d : historyService.createHistoricDetailQuery().variableUpdates().disableCustomObjectDeserialization().list()) {
            var update = (org.camunda.bpm.engine.history.HistoricVariableUpdate) d;
            texts.add(update.getVariableName() + "=" + text(update::getValue));
        }
        assertThat(texts).anyMatch(t -> t.startsWith(CLE_PUBLIQUE_SFTP + "=ssh-ed25519 "));
        return texts;
    }

    /** Other tests share the history: a Json variable stored empty cannot be read back, and holds no key. */
    private static String text(java.util.function.Supplier<Object> read) throws IOException {
        Object value;
        try {
            value = read.get();
        } catch (IllegalArgumentException emptyJson) {
            return "";
        }
        if (value instanceof InputStream in) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return String.valueOf(value);
    }

    private static MimeMessage mailAbout(String subjectPart) {
        return Arrays.stream(GREEN_MAIL.getReceivedMessages()).filter(m -> subject(m).contains(subjectPart))
                .findFirst().orElseThrow(() -> new AssertionError("aucun courriel « " + subjectPart + " » parmi "
                        + Arrays.stream(GREEN_MAIL.getReceivedMessages()).map(m -> subject(m)).toList()));
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            return String.valueOf(multipart.getBodyPart(0).getContent());
        }
        return String.valueOf(content);
    }

    private static List<String> recipients(MimeMessage message) throws Exception {
        return Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
    }

    private static Date paris(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime).atZone(FrenchFormats.PARIS).toInstant());
    }

    private static List<String> list(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
