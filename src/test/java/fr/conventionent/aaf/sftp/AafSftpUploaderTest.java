package fr.conventionent.aaf.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Envoi SFTP de bout en bout contre un vrai serveur MINA sur la boucle locale. */
class AafSftpUploaderTest {

    private static DeliveryKeyPair clientKey;
    private static DeliveryKeyPair hostKey;

    @TempDir
    Path serverRoot;
    @TempDir
    Path local;

    private EmbeddedSftpServer server;
    private final AafSftpUploader uploader = new AafSftpUploader();

    @BeforeAll
    static void keys() {
        clientKey = Ed25519Keys.generate("test-client");
        hostKey = Ed25519Keys.generate("test-host");
    }

    @BeforeEach
    void startServer() throws IOException {
        Files.createDirectories(serverRoot.resolve("depot"));
        server = new EmbeddedSftpServer(serverRoot, clientKey.keyPair().getPublic(), hostKey.keyPair()).start(0);
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    private SftpTarget target(String fingerprint) {
        return new SftpTarget("127.0.0.1", server.port(), "ent", "/depot", fingerprint);
    }

    @Test
    void upload_places_every_file_under_its_final_name_with_matching_size() throws Exception {
        Path a = randomFile("ENT_Complet_20240919_Eleve_0000.xml", 3_000_000);
        Path b = randomFile("bordereau.txt", 1_234);

        List<UploadedFile> uploaded = uploader.upload(target(server.hostKeyFingerprint()), clientKey, List.of(a, b));

        assertThat(uploaded).extracting(UploadedFile::fileName).containsExactly(a.getFileName().toString(), "bordereau.txt");
        assertThat(serverFiles()).containsExactlyInAnyOrder(a.getFileName().toString(), "bordereau.txt");
        assertThat(sha256(serverRoot.resolve("depot").resolve(a.getFileName()))).isEqualTo(sha256(a));
        assertThat(Files.size(serverRoot.resolve("depot/bordereau.txt"))).isEqualTo(1_234);
    }

    @Test
    void resending_replaces_the_previous_file() throws Exception {
        Path a = randomFile("f.xml", 10_000);
        uploader.upload(target(server.hostKeyFingerprint()), clientKey, List.of(a));
        Path again = randomFile("f.xml", 20_000);

        uploader.upload(target(server.hostKeyFingerprint()), clientKey, List.of(again));

        assertThat(Files.size(serverRoot.resolve("depot/f.xml"))).isEqualTo(20_000);
        assertThat(serverFiles()).containsExactly("f.xml");
    }

    @Test
    void wrong_host_key_is_refused_with_both_fingerprints_and_nothing_is_written() throws Exception {
        Path a = randomFile("f.xml", 10_000);
        String otherFingerprint = Ed25519Keys.generate("autre").fingerprint();

        assertThatThrownBy(() -> uploader.upload(target(otherFingerprint), clientKey, List.of(a)))
                .isInstanceOf(SftpDeliveryException.class)
                .hasMessageContaining("clé d'hôte refusée")
                .hasMessageContaining(otherFingerprint)
                .hasMessageContaining(server.hostKeyFingerprint())
                .hasMessageContaining("aucun fichier envoyé");
        assertThat(serverFiles()).isEmpty();
    }

    @Test
    void unknown_client_key_is_refused_with_a_clear_message() throws Exception {
        Path a = randomFile("f.xml", 100);
        DeliveryKeyPair stranger = Ed25519Keys.generate("inconnu");

        assertThatThrownBy(() -> uploader.upload(target(server.hostKeyFingerprint()), stranger, List.of(a)))
                .isInstanceOf(SftpDeliveryException.class)
                .hasMessageContaining("authentification refusée")
                .hasMessageContaining(stranger.fingerprint());
        assertThat(serverFiles()).isEmpty();
    }

    @Test
    void missing_remote_directory_is_reported() throws Exception {
        Path a = randomFile("f.xml", 100);
        SftpTarget target = new SftpTarget("127.0.0.1", server.port(), "ent", "/absent", server.hostKeyFingerprint());

        assertThatThrownBy(() -> uploader.upload(target, clientKey, List.of(a)))
                .isInstanceOf(SftpDeliveryException.class)
                .hasMessageContaining("répertoire de dépôt « /absent » introuvable");
    }

    @Test
    void server_down_then_up_first_attempt_fails_clearly_second_succeeds() throws Exception {
        Path a = randomFile("f.xml", 50_000);
        int port = server.port();
        SftpTarget target = target(server.hostKeyFingerprint());
        server.stop();

        assertThatThrownBy(() -> uploader.upload(target, clientKey, List.of(a)))
                .isInstanceOf(SftpDeliveryException.class)
                .hasMessageContaining("connexion impossible à 127.0.0.1:" + port);

        server.start(port);
        uploader.upload(target, clientKey, List.of(a));
        assertThat(serverFiles()).containsExactly("f.xml");
    }

    @Test
    void interrupted_upload_leaves_no_final_file_and_next_attempt_sends_it_whole() throws Exception {
        Path big = randomFile("ENT_Complet_20240919_Eleve_0000.xml", 8_000_000);
        SftpTarget target = target(server.hostKeyFingerprint());
        server.cutSessionAfter(2_000_000);

        assertThatThrownBy(() -> uploader.upload(target, clientKey, List.of(big)))
                .isInstanceOf(SftpDeliveryException.class)
                .hasMessageContaining("ENT_Complet_20240919_Eleve_0000.xml");
        assertThat(serverFiles()).doesNotContain("ENT_Complet_20240919_Eleve_0000.xml");
        Path part = serverRoot.resolve("depot/ENT_Complet_20240919_Eleve_0000.xml.part");
        if (Files.exists(part)) {
            assertThat(Files.size(part)).isLessThan(Files.size(big));
        }

        uploader.upload(target, clientKey, List.of(big));

        Path delivered = serverRoot.resolve("depot/ENT_Complet_20240919_Eleve_0000.xml");
        assertThat(Files.size(delivered)).isEqualTo(Files.size(big));
        assertThat(sha256(delivered)).isEqualTo(sha256(big));
        assertThat(serverFiles()).containsExactly("ENT_Complet_20240919_Eleve_0000.xml");
    }

    private List<String> serverFiles() throws IOException {
        try (Stream<Path> s = Files.list(serverRoot.resolve("depot"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Path randomFile(String name, int size) throws IOException {
        Path file = local.resolve(name);
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(data);
        }
        return file;
    }

    static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(Files.readAllBytes(file));
        return HexFormat.of().formatHex(md.digest());
    }
}
