package fr.conventionent.aaf.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AafEd25519KeysTest {

    @TempDir
    Path dir;

    @Test
    void public_key_is_in_openssh_form_with_its_comment() {
        DeliveryKeyPair key = Ed25519Keys.generate("envoi-aaf@ent-commune");

        assertThat(key.publicKeyLine()).matches("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5[A-Za-z0-9+/=]+ envoi-aaf@ent-commune");
        assertThat(key.fingerprint()).matches("SHA256:[A-Za-z0-9+/]{43}");
        assertThat(key.toString()).doesNotContain("PRIVATE");
    }

    @Test
    void private_key_round_trips_through_a_file_without_passphrase() throws Exception {
        DeliveryKeyPair key = Ed25519Keys.generate("cible-1");
        Path file = dir.resolve("cible-1_ed25519");

        Ed25519Keys.write(key, file, null);
        DeliveryKeyPair loaded = Ed25519Keys.load(file, null);

        assertThat(Files.readString(file)).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(Ed25519Keys.publicKeyFile(file))).isEqualTo(key.publicKeyLine() + "\n");
        assertThat(loaded.fingerprint()).isEqualTo(key.fingerprint());
        assertThat(loaded.comment()).isEqualTo("cible-1");
        assertSignsForPublicKeyOf(loaded.keyPair(), key.keyPair());
    }

    @Test
    void private_key_can_be_protected_by_a_passphrase() {
        DeliveryKeyPair key = Ed25519Keys.generate("cible-2");
        String text = Ed25519Keys.privateKeyText(key, "phrase de passe");

        DeliveryKeyPair loaded = Ed25519Keys.parse(text, "phrase de passe", "cible-2");

        assertThat(loaded.fingerprint()).isEqualTo(key.fingerprint());
        assertThatThrownBy(() -> Ed25519Keys.parse(text, "mauvaise", "x")).isInstanceOf(RuntimeException.class);
        assertThat(text).isNotEqualTo(Ed25519Keys.privateKeyText(key, null));
    }

    @Test
    void missing_key_file_gives_a_french_error() {
        assertThatThrownBy(() -> Ed25519Keys.load(dir.resolve("absente"), null))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("lecture de la clé impossible");
    }

    /** Interopérabilité : OpenSSH relit la clé privée et calcule la même empreinte (si ssh-keygen est installé). */
    @Test
    void openssh_reads_the_private_key_and_agrees_on_the_fingerprint() throws Exception {
        assumeThat(Path.of("/usr/bin/ssh-keygen")).exists();
        DeliveryKeyPair key = Ed25519Keys.generate("interop");
        Path file = dir.resolve("interop_ed25519");
        Ed25519Keys.write(key, file, null);

        String derivedPublic = run("ssh-keygen", "-y", "-f", file.toString());
        String fingerprint = run("ssh-keygen", "-l", "-f", Ed25519Keys.publicKeyFile(file).toString());

        assertThat(derivedPublic.strip()).startsWith(key.publicKeyLine().substring(0, key.publicKeyLine().lastIndexOf(' ')));
        assertThat(fingerprint).contains(key.fingerprint());
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static void assertSignsForPublicKeyOf(KeyPair signer, KeyPair original) throws Exception {
        byte[] data = "bordereau".getBytes(StandardCharsets.UTF_8);
        org.apache.sshd.common.signature.Signature sign = BuiltinSignatures.ed25519.create();
        sign.initSigner(null, signer.getPrivate());
        sign.update(null, data);
        byte[] signature = sign.sign(null);
        org.apache.sshd.common.signature.Signature verify = BuiltinSignatures.ed25519.create();
        verify.initVerifier(null, original.getPublic());
        verify.update(null, data);
        assertThat(verify.verify(null, signature)).isTrue();
    }
}
