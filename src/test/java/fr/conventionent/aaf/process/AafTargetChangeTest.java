package fr.conventionent.aaf.process;

import static fr.conventionent.aaf.process.LivraisonAafProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import fr.conventionent.aaf.AafExtraction;
import fr.conventionent.aaf.AafFileType;
import fr.conventionent.aaf.generator.AafGenerator;
import fr.conventionent.aaf.generator.AafGeneratorOptions;
import fr.conventionent.aaf.sftp.DeliveryKeyPair;
import fr.conventionent.aaf.sftp.Ed25519Keys;
import fr.conventionent.aaf.sftp.EmbeddedSftpServer;
import fr.conventionent.avenant.AvenantProcess;
import fr.conventionent.convention.ConventionRecords;
import fr.conventionent.kernel.Contact;
import fr.conventionent.kernel.ConventionData;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.Groups;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.registry.RegistryLine;
import fr.conventionent.registry.RegistryService;
import fr.conventionent.registry.Viewer;
import fr.conventionent.signature.SignatureCircuitProcess;
import fr.conventionent.support.Circuits;
import fr.conventionent.support.ConventionLifeTest;
import jakarta.mail.internet.MimeMessage;

/**
 * An avenant changes the ENT operator: the pupils' data must stop going to the former operator at once. The
 * running deliveries wait for the DSI to confirm the new operator's SFTP server and host-key fingerprint; the public
 * key goes to the new correspondents; the next delivery reaches the new server only. Two real SFTP servers (MINA
 * SSHD) on the loopback; week of Monday 2 March 2026 (Thursday 5 is a Complet day).
 */
class AafTargetChangeTest extends ConventionLifeTest {

    @Autowired
    ConventionRecords records;
    @Autowired
    RegistryService registry;

    private static final Path DEPOT = Path.of("target/test-data/aaf/depot");
    private static final String PREFIX = "ENT78-VERSAILLES_07";
    private static final String NEW_OPERATOR = "Numérique Nouvelle SAS";
    private static final Contact NEW_CORRESPONDENT = new Contact("GARNIER Chloé", "01 40 00 00 77",
            "chloe.garnier@nouvelle.example");

    @TempDir
    Path formerRoot;
    @TempDir
    Path newRoot;
    private EmbeddedSftpServer formerServer;
    private EmbeddedSftpServer newServer;

    @BeforeEach
    void emptyInbox() throws IOException {
        if (Files.exists(DEPOT)) {
            try (Stream<Path> paths = Files.walk(DEPOT)) {
                paths.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(DEPOT)).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(DEPOT);
        Files.createDirectories(formerRoot.resolve("depot"));
        Files.createDirectories(newRoot.resolve("depot"));
    }

    @AfterEach
    void stopServers() throws IOException {
        for (EmbeddedSftpServer server : new EmbeddedSftpServer[] {formerServer, newServer}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void afterAnAvenantChangingTheOperatorTheNextDeliveryGoesToTheNewServerOnceConfirmed() throws Exception {
        ProcessInstance convention = signedConvention("78646", "Versailles", "2026-03-02");
        String numero = numero(convention);
        ProcessInstance deliveries = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(numero).singleResult();
        assertThat(deliveries).isWaitingAt(TASK_SET_UP);
        DeliveryKeyPair formerHostKey = Ed25519Keys.generate("sftp.exploitant.example");
        formerServer = server(deliveries, formerRoot, formerHostKey);
        completeSetUp(deliveries, formerServer, formerHostKey);
        executeDueJobs();

        // Thursday: a Complet goes to the operator of the signed convention
        generate(numero, AafFileType.COMPLET, "2026-03-05");
        moveClockTo("2026-03-05", 6);
        executeDueJobs();
        List<String> formerFiles = list(formerRoot);
        assertThat(formerFiles).isNotEmpty();

        // Thursday morning: an avenant hands the ENT to another operator, with its own correspondent
        moveClockTo("2026-03-05", 10);
        applyAvenantChangingTheOperator(numero);

        assertThat(deliveries).isWaitingAt(TASK_SET_UP);
        assertThat(runtimeService.getVariable(deliveries.getId(), HOTE_SFTP)).as("l'ancienne cible est oubliée").isNull();
        assertThat((String) runtimeService.getVariable(deliveries.getId(), RAISON_PARAMETRAGE))
                .contains("l'exploitant (Exploitant Numérique SAS → " + NEW_OPERATOR + ")");
        assertThat((String) runtimeService.getVariable(deliveries.getId(), CORRESPONDANTS_TECHNIQUES_TEXTE))
                .contains(NEW_CORRESPONDENT.nom()).doesNotContain("LEROY Anne");

        // Friday: nothing leaves while the DSI has not confirmed the new target
        generate(numero, AafFileType.DELTA, "2026-03-06");
        moveClockTo("2026-03-06", 6);
        executeDueJobs();
        assertThat(list(formerRoot)).isEqualTo(formerFiles);
        assertThat(list(newRoot)).isEmpty();
        assertThat(managementService.createJobQuery().processInstanceId(deliveries.getId())
                .activityId(TIMER_DELIVERY_TIME).count()).as("aucune livraison programmée").isZero();

        // the DSI confirms the new server and its fingerprint; the public key goes to the new correspondent
        moveClockTo("2026-03-06", 10);
        DeliveryKeyPair newHostKey = Ed25519Keys.generate("sftp.nouvelle.example");
        newServer = server(deliveries, newRoot, newHostKey);
        completeSetUp(deliveries, newServer, newHostKey);
        executeDueJobs();
        List<MimeMessage> keyMails = mailsAbout("clé publique SFTP à installer");
        assertThat(keyMails).hasSize(2);
        assertThat(recipients(keyMails.get(0))).contains("anne.leroy@exploitant.example");
        assertThat(recipients(keyMails.get(1))).contains(NEW_CORRESPONDENT.email())
                .doesNotContain("anne.leroy@exploitant.example", "luc.moreau@exploitant.example");

        // Monday: the Delta goes to the new server only
        generate(numero, AafFileType.DELTA, "2026-03-09");
        moveClockTo("2026-03-09", 6);
        executeDueJobs();
        assertThat(list(newRoot)).anyMatch(name -> name.contains("20260309"));
        assertThat(list(formerRoot)).as("l'ancien exploitant ne reçoit plus rien").isEqualTo(formerFiles);
        RegistryLine line = registry.detail(new Viewer("daces", List.of(Groups.DACES)), numero).convention();
        assertThat(line.version()).as("the registry lists the avenant's version").isEqualTo(2);
        assertThat(line.aafResultat()).as("and the last delivery, to the new server").isEqualTo("envoye");
        assertThat(line.aafDerniere().toLocalDate()).isEqualTo(LocalDate.parse("2026-03-09"));
    }

    @Test
    void aChangeThatMissedTheWaitingDeliveriesStopsTheNextOneAndAsksTheDsi() throws Exception {
        ProcessInstance convention = signedConvention("78646", "Versailles", "2026-03-02");
        String numero = numero(convention);
        ProcessInstance deliveries = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(numero).singleResult();
        DeliveryKeyPair hostKey = Ed25519Keys.generate("sftp.exploitant.example");
        formerServer = server(deliveries, formerRoot, hostKey);
        completeSetUp(deliveries, formerServer, hostKey);
        executeDueJobs();

        // a new version recorded while a delivery was running: the deliveries never got the message
        ConventionData current = records.current(numero).orElseThrow();
        records.recordSigned(numero, 2, LocalDate.parse("2026-03-03"), "Avenant n° 1", new ConventionData(
                current.communeInsee(), current.communeNom(), current.communeAdresse(), current.maireNom(),
                current.ecoles(), current.referentEnt(), List.of(NEW_CORRESPONDENT), current.editeurEnt(),
                NEW_OPERATOR));
        generate(numero, AafFileType.COMPLET, "2026-03-05");
        moveClockTo("2026-03-05", 6);
        executeDueJobs();

        assertThat(list(formerRoot)).as("rien ne part vers l'ancien exploitant").isEmpty();
        assertThat(deliveries).isWaitingAt(TASK_SET_UP);
        assertThat((String) runtimeService.getVariable(deliveries.getId(), RAISON_PARAMETRAGE))
                .contains("l'exploitant (Exploitant Numérique SAS → " + NEW_OPERATOR + ")");
    }

    private void applyAvenantChangingTheOperator(String numero) {
        actAsVersailles();
        runtimeService.startProcessInstanceByKey(AvenantProcess.KEY, Map.of(ConventionVariables.CONVENTION_NUMERO,
                numero));
        actAsNobody();
        Task draft = task(numero, AvenantProcess.TASK_DRAFT);
        Map<String, Object> variables = new HashMap<>();
        variables.put(AvenantProcess.OBJET, "Changement d'exploitant de l'ENT");
        variables.put(AvenantProcess.CLAUSES, "L'annexe 2 est modifiée : exploitant et correspondant technique.");
        variables.put(ConventionVariables.ECOLES, taskService.getVariable(draft.getId(), ConventionVariables.ECOLES));
        variables.put(ConventionVariables.REFERENT_ENT, taskService.getVariable(draft.getId(),
                ConventionVariables.REFERENT_ENT));
        variables.put(ConventionVariables.EXPLOITANT_ENT, NEW_OPERATOR);
        variables.put(ConventionVariables.CORRESPONDANTS_TECHNIQUES, JsonVariables.write(List.of(NEW_CORRESPONDENT)));
        variables.put(AvenantProcess.ABANDONNER, false);
        taskService.complete(draft.getId(), variables);
        taskService.complete(task(numero, AvenantProcess.TASK_REVIEW_OBJECTIVES).getId(), Circuits.approve());
        taskService.complete(task(numero, SignatureCircuitProcess.TASK_SIGN_COPIES).getId(), Circuits.signedCopies());
        for (int i = 0; i < 4; i++) {
            taskService.complete(task(numero, SignatureCircuitProcess.REVIEW_STEPS[i]).getId(), Circuits.approve());
        }
        taskService.complete(task(numero, SignatureCircuitProcess.TASK_SIGN_BY_RECTEUR).getId(),
                Circuits.recteurSigns("2026-03-05"));
        taskService.complete(task(numero, SignatureCircuitProcess.TASK_UPLOAD_SIGNED_SCAN).getId(),
                Circuits.scanUploaded());
        executeDueJobs();
    }

    /** An operator's server accepting only the académie's public key for these deliveries. */
    private EmbeddedSftpServer server(ProcessInstance deliveries, Path root, DeliveryKeyPair hostKey) throws Exception {
        String line = (String) runtimeService.getVariable(deliveries.getId(), CLE_PUBLIQUE_SFTP);
        PublicKey clientKey = AuthorizedKeyEntry.parseAuthorizedKeyEntry(line)
                .resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.IGNORING);
        return new EmbeddedSftpServer(root, clientKey, hostKey.keyPair()).start(0);
    }

    private void completeSetUp(ProcessInstance deliveries, EmbeddedSftpServer server, DeliveryKeyPair hostKey) {
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
        Task setUp = taskService.createTaskQuery().processInstanceId(deliveries.getId()).taskDefinitionKey(TASK_SET_UP)
                .singleResult();
        taskService.complete(setUp.getId(), variables);
    }

    /** The académie's extraction of the convention's Annexe 1 schools. */
    private void generate(String numero, AafFileType type, String isoDate) {
        new AafGenerator().generate(new AafGeneratorOptions(new AafExtraction(PREFIX, type, LocalDate.parse(isoDate)),
                20, 3).withMaxEntriesPerFile(50).withSchoolUais(records.current(numero).orElseThrow().ecoles().stream()
                .map(fr.conventionent.kernel.Ecole::uai).toList()), DEPOT);
    }

    private static List<String> list(Path root) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("depot"))) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
