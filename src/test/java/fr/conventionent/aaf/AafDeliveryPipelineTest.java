package fr.conventionent.aaf;

import static org.assertj.core.api.Assertions.assertThat;

import fr.conventionent.aaf.generator.AafGenerationResult;
import fr.conventionent.aaf.generator.AafGenerator;
import fr.conventionent.aaf.generator.AafGeneratorOptions;
import fr.conventionent.aaf.sftp.AafSftpUploader;
import fr.conventionent.aaf.sftp.DeliveryKeyPair;
import fr.conventionent.aaf.sftp.Ed25519Keys;
import fr.conventionent.aaf.sftp.EmbeddedSftpServer;
import fr.conventionent.aaf.sftp.SftpTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Envoi complet : dossier de dépôt → vérification → bordereau → zip → SFTP (serveur MINA local) → rangement. */
class AafDeliveryPipelineTest {

    private static final LocalDate DATE = LocalDate.of(2024, 9, 19);
    private static final AafExtraction EXTRACTION = new AafExtraction("ENT2DVA-ENT16", AafFileType.COMPLET, DATE);
    private static DeliveryKeyPair clientKey;
    private static DeliveryKeyPair hostKey;

    @TempDir
    Path inbox;
    @TempDir
    Path archives;
    @TempDir
    Path serverRoot;

    private EmbeddedSftpServer server;
    private AafGenerationResult generated;
    private final AafDeliveryPipeline pipeline = new AafDeliveryPipeline(new AafInboxSelector(), new AafVerifier(),
            new AafZipPackager(), new AafSftpUploader(),
            Clock.fixed(DATE.plusDays(1).atStartOfDay(ZoneId.of("Europe/Paris")).toInstant(), ZoneId.of("Europe/Paris")));

    @BeforeAll
    static void keys() {
        clientKey = Ed25519Keys.generate("convention-ent");
        hostKey = Ed25519Keys.generate("exploitant");
    }

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(serverRoot.resolve("depot"));
        server = new EmbeddedSftpServer(serverRoot, clientKey.keyPair().getPublic(), hostKey.keyPair()).start(0);
        generated = new AafGenerator().generate(new AafGeneratorOptions(EXTRACTION, 700, 1).withMaxEntriesPerFile(400), inbox);
    }

    @AfterEach
    void tearDown() throws IOException {
        server.close();
    }

    private AafDeliveryConfig config(boolean zip) {
        return new AafDeliveryConfig(EXTRACTION, zip, zip ? "ENT2DVA-ENT16_20240919.zip" : null, true, "0781234T",
                new SftpTarget("127.0.0.1", server.port(), "ent", "/depot", server.hostKeyFingerprint()), clientKey, archives);
    }

    @Test
    void a_valid_set_is_zipped_sent_with_its_bordereau_and_archived() throws Exception {
        Files.writeString(inbox.resolve("ENT2DVA-ENT16_Complet_20240912_Eleve_0000.xml"), "<ficAlimMENESR/>");
        Files.writeString(inbox.resolve("AUTRE_Complet_20240919_Eleve_0000.xml"), "<ficAlimMENESR/>");

        AafDeliveryReport report = pipeline.deliver(inbox, config(true));

        assertThat(report.problems()).isEmpty();
        assertThat(report.status()).isEqualTo(AafDeliveryReport.Status.SENT);
        assertThat(report.files()).hasSize(generated.files().size());
        assertThat(report.totalBytes()).isEqualTo(generated.bytes());
        assertThat(report.ignored()).containsExactly("ENT2DVA-ENT16_Complet_20240912_Eleve_0000.xml (extraction du 20240912)");
        assertThat(report.timings()).containsKeys(AafDeliveryStage.SELECT, AafDeliveryStage.VERIFY, AafDeliveryStage.BORDEREAU,
                AafDeliveryStage.ZIP, AafDeliveryStage.UPLOAD, AafDeliveryStage.ARCHIVE);
        assertThat(report.uploaded()).extracting(u -> u.fileName())
                .containsExactly("ENT2DVA-ENT16_20240919.zip", "ENT2DVA-ENT16_Complet_20240919_bordereau.txt");

        Path remote = serverRoot.resolve("depot");
        assertThat(list(remote)).containsExactly("ENT2DVA-ENT16_20240919.zip", "ENT2DVA-ENT16_Complet_20240919_bordereau.txt");
        try (ZipFile zip = new ZipFile(remote.resolve("ENT2DVA-ENT16_20240919.zip").toFile())) {
            assertThat(zip.size()).isEqualTo(generated.files().size());
        }
        String bordereau = Files.readString(remote.resolve("ENT2DVA-ENT16_Complet_20240919_bordereau.txt"));
        assertThat(bordereau).contains("Code destinataire : 0781234T\n", "Date d'envoi : 20/09/2024\n",
                "Archive zip : ENT2DVA-ENT16_20240919.zip\n", "Nombre de fichiers : " + generated.files().size() + "\n",
                "ENT2DVA-ENT16_Complet_20240919_Eleve_0000.xml ; ");

        Path archivedTo = archives.resolve("ENT2DVA-ENT16_Complet_20240919");
        assertThat(report.archivedTo()).isEqualTo(archivedTo);
        assertThat(list(archivedTo)).hasSize(generated.files().size() + 2);
        assertThat(list(inbox)).containsExactly("AUTRE_Complet_20240919_Eleve_0000.xml", "ENT2DVA-ENT16_Complet_20240912_Eleve_0000.xml");
        assertThat(report.summary()).contains("envoyé", "envoi SFTP");
    }

    @Test
    void without_zip_the_xml_files_are_sent_one_by_one_then_the_bordereau() throws Exception {
        AafDeliveryReport report = pipeline.deliver(inbox, config(false));

        assertThat(report.sent()).isTrue();
        assertThat(report.uploaded()).hasSize(generated.files().size() + 1);
        assertThat(report.uploaded().get(report.uploaded().size() - 1).fileName()).endsWith("_bordereau.txt");
        assertThat(list(serverRoot.resolve("depot"))).hasSize(generated.files().size() + 1)
                .contains("ENT2DVA-ENT16_Complet_20240919_PersRelEleve_0002.xml");
        assertThat(Files.readString(serverRoot.resolve("depot/ENT2DVA-ENT16_Complet_20240919_bordereau.txt")))
                .contains("Archive zip : aucune\n");
    }

    @Test
    void any_problem_means_nothing_is_sent_and_every_reason_is_reported() throws Exception {
        Files.delete(inbox.resolve("ENT2DVA-ENT16_Complet_20240919_Eleve_0000.xml"));
        Files.writeString(inbox.resolve("ENT2DVA-ENT16_Complet_20240919_PersEducNat_0000.xml"), "<ficAlimMENESR><addRequest>");
        Files.writeString(inbox.resolve("ENT2DVA-ENT16_Delta_20240919_EtabEducNat_0001.xml"), "<ficAlimMENESR/>");
        List<String> before = list(inbox);

        AafDeliveryReport report = pipeline.deliver(inbox, config(true));

        assertThat(report.status()).isEqualTo(AafDeliveryReport.Status.REFUSED);
        assertThat(report.problems()).contains(
                "numéro 0000 manquant dans la catégorie Eleve",
                "ENT2DVA-ENT16_Delta_20240919_EtabEducNat_0001.xml : type Complet attendu, Delta trouvé");
        assertThat(report.problems()).anyMatch(p -> p.startsWith("ENT2DVA-ENT16_Complet_20240919_PersEducNat_0000.xml : XML mal formé ou tronqué"));
        assertThat(list(serverRoot.resolve("depot"))).isEmpty();
        assertThat(list(inbox)).isEqualTo(before);
        assertThat(list(archives)).isEmpty();
        assertThat(report.timings()).doesNotContainKey(AafDeliveryStage.UPLOAD);
    }

    @Test
    void a_bad_content_with_good_names_abandons_the_archive_prepared_meanwhile() throws Exception {
        Path last = inbox.resolve("ENT2DVA-ENT16_Complet_20240919_PersRelEleve_0002.xml");
        Files.writeString(last, Files.readString(last).replace("</ficAlimMENESR>", ""));

        AafDeliveryReport report = pipeline.deliver(inbox, config(true));

        assertThat(report.status()).isEqualTo(AafDeliveryReport.Status.REFUSED);
        assertThat(report.problems()).singleElement().asString()
                .startsWith("ENT2DVA-ENT16_Complet_20240919_PersRelEleve_0002.xml : XML mal formé ou tronqué");
        assertThat(report.archive()).isNull();
        assertThat(list(archives)).isEmpty();
        assertThat(list(serverRoot.resolve("depot"))).isEmpty();
        assertThat(list(inbox)).hasSize(generated.files().size());
    }

    @Test
    void server_down_fails_cleanly_and_a_later_run_sends_everything() throws Exception {
        int port = server.port();
        List<String> before = list(inbox);
        server.stop();

        AafDeliveryReport failed = pipeline.deliver(inbox, config(true));

        assertThat(failed.status()).isEqualTo(AafDeliveryReport.Status.FAILED);
        assertThat(failed.problems()).singleElement().asString().startsWith("connexion impossible à 127.0.0.1:" + port);
        assertThat(list(inbox)).isEqualTo(before);
        assertThat(list(archives)).isEmpty();

        server.start(port);
        AafDeliveryReport retried = pipeline.deliver(inbox, config(true));

        assertThat(retried.sent()).isTrue();
        assertThat(list(serverRoot.resolve("depot"))).hasSize(2);
        assertThat(list(inbox)).isEmpty();
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
