package fr.conventionent.cluster;

import static fr.conventionent.aaf.process.LivraisonAafProcess.*;
import static fr.conventionent.support.EngineRest.json;
import static fr.conventionent.support.EngineRest.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import fr.conventionent.aaf.AafExtraction;
import fr.conventionent.aaf.AafFileType;
import fr.conventionent.aaf.generator.AafGenerator;
import fr.conventionent.aaf.generator.AafGeneratorOptions;
import fr.conventionent.aaf.sftp.DeliveryKeyPair;
import fr.conventionent.aaf.sftp.Ed25519Keys;
import fr.conventionent.aaf.sftp.EmbeddedSftpServer;
import fr.conventionent.kernel.Contact;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.support.AppNode;
import fr.conventionent.support.CircuitJourney;
import fr.conventionent.support.EmbeddedPostgres;
import fr.conventionent.support.InForceConventions;
import fr.conventionent.support.NodeRest;
import fr.conventionent.support.SentMails;
import fr.conventionent.support.Sql;

/**
 * The application killed (SIGKILL of its JVM) while users push signature circuits forward and an AAF delivery is
 * being uploaded, then started again on the same database: everything resumes, nothing is lost, nothing is done twice
 * (a mail whose sending was under way when the JVM died may be sent again: at least once, see README).
 */
@DisplayName("Reprise après l'arrêt brutal de l'application")
class CrashRecoveryTest {

    private static final String DATABASE = "convention_crash";
    private static final int CONVENTIONS = 12;
    /** Steps done before the users wait for the AAF upload to start: 40 of 96. */
    private static final int HALFWAY = 40;
    private static final String PREFIX = "ENT78-REPRISE";
    private static final String NUMERO_AAF = "CONV-78646-1998-01";

    @TempDir
    Path data;
    @TempDir
    Path sftpRoot;
    private GreenMail smtp;
    private AppNode node;
    private EmbeddedSftpServer sftp;

    @AfterEach
    void stopAll() throws Exception {
        if (node != null) {
            node.stop();
        }
        if (sftp != null) {
            sftp.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    @DisplayName("Tuée pendant des circuits de signature et un dépôt AAF, l'application redémarrée termine tout une seule fois")
    void killedDuringCircuitsAndAnAafUploadTheRestartedApplicationFinishesEverythingOnce() throws Exception {
        var pg = EmbeddedPostgres.createDatabase(DATABASE);
        Sql sql = new Sql(pg.getJdbcUrl("postgres", DATABASE));
        smtp = new GreenMail(new ServerSetup(AppNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path communes = InForceConventions.communesCsv(data.resolve("communes.csv"), "789", CONVENTIONS);
        node = AppNode.on("reprise", pg.getJdbcUrl("postgres", DATABASE), smtp.getSmtp().getPort(), data).quickStart()
                .set("convention.referentiel.communes", "file:" + communes)
                .set("camunda.bpm.job-execution.lock-time-in-millis", "10000")
                .start();

        // an AAF delivery, uploading through a slow link
        String deliveries = setUpAafDeliveries();
        Map<String, Long> generated = generateTheFilesOfTheNextDelivery(deliveries);
        sftp.pauseAfterEachWrite(150);
        makeTheDeliveryDueNow(deliveries);

        // circuits pushed forward by 3 users at once
        List<CircuitJourney> journeys = new ArrayList<>();
        for (int i = 0; i < CONVENTIONS; i++) {
            journeys.add(CircuitJourney.open(node.admin(), InForceConventions.synthetic("789", i)));
        }
        AtomicInteger steps = new AtomicInteger();
        ExecutorService users = Executors.newFixedThreadPool(3);
        List<Future<?>> running = new ArrayList<>();
        for (CircuitJourney journey : journeys) {
            running.add(users.submit(() -> advanceUntilTheNodeDies(journey, steps)));
        }

        AppNode.await(Duration.ofSeconds(90), () -> sftp.totalBytesWritten() > 64 * 1024,
                () -> sftp.totalBytesWritten() + " octets déposés");
        // the upload crawls from here, so that it is still under way when the circuits reach halfway, however slow
        // their steps (each completed convention is turned into a PDF)
        sftp.pauseAfterEachWrite(2_000);
        AppNode.await(Duration.ofSeconds(120), () -> steps.get() >= HALFWAY + 3,
                () -> steps.get() + " étapes, " + sftp.totalBytesWritten() + " octets déposés");
        node.kill();
        assertThat(node.exitCode()).isEqualTo(137);
        long uploadedBeforeTheKill = sftp.totalBytesWritten();
        int stepsBeforeTheKill = steps.get();
        List<String> inFlight = sql.column("select v.text_ from act_ru_job j join act_ru_variable v"
                + " on v.proc_inst_id_ = j.process_instance_id_ and v.name_ = 'objet' where j.lock_owner_ is not null");
        for (Future<?> user : running) {
            user.get();
        }
        users.shutdown();
        assertThat(stepsBeforeTheKill).isLessThan(CONVENTIONS * CircuitJourney.STEPS.size());
        assertThat(uploadedBeforeTheKill).isLessThan(generated.values().stream().mapToLong(Long::longValue).sum());
        for (String name : listRemote()) { // under its final name, a file is whole; the one cut is still a .part
            if (generated.containsKey(name)) {
                assertThat(Files.size(sftpRoot.resolve("depot").resolve(name))).as(name).isEqualTo(generated.get(name));
            }
        }

        sftp.pauseAfterEachWrite(0);
        node.start();
        // a step whose job the dead node had locked comes back when the lock expires: until every convention is in
        // force, keep doing whichever step is open
        AppNode.await(Duration.ofSeconds(120), () -> {
            for (CircuitJourney journey : journeys) {
                try {
                    while (journey.advance(node.admin()) != null) {
                        steps.incrementAndGet();
                    }
                } catch (IOException e) {
                    return false;
                }
            }
            return journeys.stream().allMatch(journey -> sql.count("select count(*) from act_ru_variable v"
                    + " join act_ru_execution e on e.id_ = v.execution_id_ where e.business_key_ = ?"
                    + " and e.parent_id_ is null and e.proc_def_id_ like 'convention:%' and v.name_ = 'statut'"
                    + " and v.text_ = 'en-vigueur'", journey.businessKey()) == 1);
        }, () -> "des conventions ne sont pas en vigueur après la reprise");

        // every circuit signed once, every convention in force once, with one AAF delivery process each
        AppNode.await(Duration.ofSeconds(120), () -> sql.count("select count(*) from act_ru_job"
                + " where duedate_ is null or duedate_ <= now()") == 0, () -> "des tâches techniques restent à exécuter");
        for (CircuitJourney journey : journeys) {
            String key = journey.businessKey();
            assertThat(sql.count("select count(*) from act_hi_procinst where business_key_ = ?"
                    + " and proc_def_key_ = 'signature-circuit' and end_time_ is not null", key)).isEqualTo(1);
            assertThat(sql.count("select count(*) from act_hi_actinst a join act_hi_procinst p on p.id_ = a.proc_inst_id_"
                    + " where p.business_key_ = ? and a.act_id_ = 'ServiceTask_RecordConventionInForce'", key)).isEqualTo(1);
            assertThat(sql.count("select count(*) from act_hi_procinst where business_key_ = ?"
                    + " and proc_def_key_ = 'livraison-aaf'", key)).isEqualTo(1);
            assertThat(sql.column("select v.text_ from act_ru_variable v join act_ru_execution e on e.id_ = v.execution_id_"
                    + " where e.business_key_ = ? and e.parent_id_ is null and e.proc_def_id_ like 'convention:%'"
                    + " and v.name_ = 'statut'", key)).containsExactly("en-vigueur");
        }

        // every mail queued was sent; a second send only for a mail whose job was running when the JVM died
        assertThat(sql.count("select count(*) from act_hi_procinst where proc_def_key_ = 'envoi-courriel'"
                + " and end_time_ is null")).isZero();
        Map<String, Long> queued = sql.counts("select text_, count(*) from act_hi_varinst where name_ = 'objet'"
                + " and proc_def_key_ = 'envoi-courriel' group by text_");
        SentMails sent = SentMails.of(smtp);
        queued.forEach((subject, times) -> assertThat(sent.sends(subject)).as(subject).isGreaterThanOrEqualTo(times.intValue()));
        assertThat(sent.subjects()).containsExactlyInAnyOrderElementsOf(queued.keySet());
        for (String subject : sent.subjects()) {
            if (sent.sends(subject) > queued.get(subject)) {
                assertThat(inFlight).as("envoyé deux fois : " + subject).contains(subject);
            }
        }

        // the AAF delivery: sent once, whole, no .part left, every file with its full content
        JsonNode report = JsonVariables.read(node.admin().get("/process-instance/" + deliveries
                + "/variables/" + DERNIERE_LIVRAISON + "?deserializeValue=false").get("value").asText());
        assertThat(report.get("resultat").asText()).isEqualTo("envoye");
        JsonNode history = JsonVariables.read(node.admin().get("/process-instance/" + deliveries
                + "/variables/" + HISTORIQUE_LIVRAISONS + "?deserializeValue=false").get("value").asText());
        assertThat(history).hasSize(1);
        List<String> remote = listRemote();
        assertThat(remote).noneMatch(name -> name.endsWith(".part"))
                .containsAll(generated.keySet()).hasSize(generated.size() + 1); // + bordereau
        for (Map.Entry<String, Long> file : generated.entrySet()) {
            assertThat(Files.size(sftpRoot.resolve("depot").resolve(file.getKey()))).as(file.getKey())
                    .isEqualTo(file.getValue());
        }
    }

    /**
     * Users (here all as admin) take a circuit forward step by step, until the node stops answering. Halfway through
     * they wait for the AAF upload to be under way, so that the kill falls in the middle of both.
     */
    private void advanceUntilTheNodeDies(CircuitJourney journey, AtomicInteger steps) {
        try {
            while (true) {
                if (steps.get() >= HALFWAY) {
                    AppNode.await(Duration.ofSeconds(60), () -> sftp.totalBytesWritten() > 0, () -> "dépôt AAF non commencé");
                }
                if (journey.advance(node.admin()) == null) {
                    return;
                }
                steps.incrementAndGet();
            }
        } catch (Exception | AssertionError nodeDown) {
            // the JVM was killed: the step is redone after the restart if it was not committed
        }
    }

    // ---------------------------------------------------------------- AAF delivery

    /** livraison-aaf started by hand (as AafDeliveries does when a convention comes into force) and set up by the DSI. */
    private String setUpAafDeliveries() throws Exception {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CONVENTION_NUMERO, value(NUMERO_AAF));
        variables.put(COMMUNE_INSEE, value("78646"));
        variables.put(COMMUNE_LIBELLE, value("Versailles"));
        variables.put(CORRESPONDANTS_TECHNIQUES, json(List.of(
                new Contact("LEROY Anne", "01 40 00 00 02", "anne.leroy@exploitant.example"))));
        variables.put(CORRESPONDANTS_TECHNIQUES_TEXTE, value("LEROY Anne"));
        variables.put(JOURS_COMPLET, json(List.of("jeudi")));
        variables.put(JOURS_DELTA, json(List.of("lundi", "mardi", "mercredi", "vendredi")));
        variables.put(HEURE_LIVRAISON, value("06:00"));
        variables.put(LIVRER_ZIP, value(false));
        variables.put(JOINDRE_BORDEREAU, value(false));
        variables.put(PORT_SFTP, value(22));
        String id = node.admin().post("/process-definition/key/" + KEY + "/start",
                Map.of("businessKey", NUMERO_AAF, "variables", variables)).json().get("id").asText();
        NodeRest dsi = node.as("dsi");
        AppNode.await(Duration.ofSeconds(60), () -> !dsi.list("/task?processInstanceId=" + id).isEmpty(),
                () -> "pas de tâche de paramétrage");
        String publicKey = node.admin().get("/process-instance/" + id + "/variables/" + CLE_PUBLIQUE_SFTP)
                .get("value").asText();
        PublicKey clientKey = AuthorizedKeyEntry.parseAuthorizedKeyEntry(publicKey)
                .resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.IGNORING);
        DeliveryKeyPair hostKey = Ed25519Keys.generate("sftp.exploitant.example");
        Files.createDirectories(sftpRoot.resolve("depot"));
        sftp = new EmbeddedSftpServer(sftpRoot, clientKey, hostKey.keyPair()).start(0);

        Map<String, Object> setUp = new HashMap<>();
        setUp.put(PREFIXE_FICHIERS, value(PREFIX));
        setUp.put(JOURS_COMPLET, json(List.of("jeudi")));
        setUp.put(JOURS_DELTA, json(List.of("lundi", "mardi", "mercredi", "vendredi")));
        setUp.put(HEURE_LIVRAISON, value("06:00"));
        setUp.put(LIVRER_ZIP, value(false));
        setUp.put(JOINDRE_BORDEREAU, value(true));
        setUp.put(CODE_DESTINATAIRE, value("ENT-ITOP-78"));
        setUp.put(HOTE_SFTP, value("127.0.0.1"));
        setUp.put(PORT_SFTP, value(sftp.port()));
        setUp.put(UTILISATEUR_SFTP, value("ent"));
        setUp.put(REPERTOIRE_DISTANT, value("/depot"));
        setUp.put(EMPREINTE_HOTE_SFTP, value(Ed25519Keys.fingerprint(hostKey.keyPair().getPublic())));
        String taskId = dsi.list("/task?processInstanceId=" + id).get(0).get("id").asText();
        NodeRest.Answer answer = dsi.submitForm(taskId, setUp);
        assertThat(answer.status()).as(answer.body()).isEqualTo(204);
        return id;
    }

    /** The académie's extraction drops the files of the next scheduled delivery in the node's inbox: name → size. */
    private Map<String, Long> generateTheFilesOfTheNextDelivery(String deliveries) throws Exception {
        AppNode.await(Duration.ofSeconds(30), () -> !node.admin().list("/job?timers=true&processInstanceId="
                + deliveries).isEmpty(), () -> "pas de minuterie de livraison");
        String when = node.admin().get("/process-instance/" + deliveries + "/variables/" + PROCHAINE_LIVRAISON)
                .get("value").asText();
        String type = node.admin().get("/process-instance/" + deliveries + "/variables/" + PROCHAINE_LIVRAISON_TYPE)
                .get("value").asText();
        LocalDate day = OffsetDateTime.parse(when, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
                .atZoneSameInstant(fr.conventionent.kernel.ConventionDates.ZONE).toLocalDate();
        AafExtraction extraction = new AafExtraction(PREFIX, AafFileType.fromLabel(type).orElseThrow(), day);
        Path depot = data.resolve("aaf/depot");
        Files.createDirectories(depot);
        new AafGenerator().generate(new AafGeneratorOptions(extraction, 30000, 11).withMaxEntriesPerFile(20000), depot);
        Map<String, Long> files = new HashMap<>();
        try (Stream<Path> list = Files.list(depot)) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), Files.size(file));
            }
        }
        return files;
    }

    /** As "Relancer"/"Modifier l'échéance" in Cockpit: the delivery timer falls due now. */
    private void makeTheDeliveryDueNow(String deliveries) {
        String timer = node.admin().list("/job?timers=true&processInstanceId=" + deliveries).get(0).get("id").asText();
        String now = OffsetDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
        node.admin().put("/job/" + timer + "/duedate", Map.of("duedate", now));
    }

    private List<String> listRemote() throws Exception {
        try (Stream<Path> list = Files.list(sftpRoot.resolve("depot"))) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
