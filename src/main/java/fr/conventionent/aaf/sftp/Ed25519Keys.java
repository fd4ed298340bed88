package fr.conventionent.aaf.sftp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Iterator;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Clés ed25519 des cibles de livraison : génération, forme publique OpenSSH à transmettre à l'exploitant
 * (« échange de clefs ssh » de l'Annexe 2), sérialisation de la clé privée au format OpenSSH (lisible aussi par
 * {@code ssh}/{@code sftp}) et relecture.
 *
 * <p>Les clés passent par MINA SSHD ({@link SecurityUtils}) et non par {@code KeyPairGenerator.getInstance("Ed25519")}
 * du JDK : MINA 2.20 ne sait encoder et signer qu'avec ses fournisseurs ed25519 (Bouncy Castle ici), pas avec les
 * clés EdEC du JDK.
 */
public final class Ed25519Keys {

    private Ed25519Keys() {
    }

    public static DeliveryKeyPair generate(String comment) {
        requireEd25519Support();
        try {
            return new DeliveryKeyPair(KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256), comment);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("génération de la clé ed25519 impossible : " + e.getMessage(), e);
        }
    }

    public static String publicKeyLine(PublicKey key, String comment) {
        String line = PublicKeyEntry.toString(key);
        return comment == null || comment.isBlank() ? line : line + " " + comment.strip();
    }

    /** Empreinte SHA-256 au format OpenSSH ({@code SHA256:} + base64 sans bourrage). */
    public static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }

    /**
     * Clé privée au format OpenSSH ({@code -----BEGIN OPENSSH PRIVATE KEY-----}).
     *
     * @param passphrase phrase de passe (chiffrement AES-256-CTR + bcrypt, comme ssh-keygen), ou {@code null}
     */
    public static String privateKeyText(DeliveryKeyPair key, String passphrase) {
        OpenSSHKeyEncryptionContext encryption = null;
        if (passphrase != null && !passphrase.isEmpty()) {
            encryption = new OpenSSHKeyEncryptionContext();
            encryption.setCipherName(OpenSSHKeyEncryptionContext.AES);
            encryption.setCipherType("256");
            encryption.setPassword(passphrase);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key.keyPair(), key.comment(), encryption, out);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("sérialisation de la clé privée impossible : " + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    /**
     * Écrit {@code privateKeyFile} (droits 600 quand le système de fichiers le permet) et {@code privateKeyFile.pub}.
     * Écriture via un fichier temporaire renommé : pas de clé à moitié écrite.
     */
    public static void write(DeliveryKeyPair key, Path privateKeyFile, String passphrase) {
        try {
            Path parent = privateKeyFile.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".cle-", ".tmp");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(tmp, privateKeyText(key, passphrase), StandardCharsets.US_ASCII);
            Files.move(tmp, privateKeyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(publicKeyFile(privateKeyFile), key.publicKeyLine() + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("écriture de la clé impossible : " + privateKeyFile, e);
        }
    }

    /** Relit une clé privée OpenSSH ; le commentaire vient du fichier {@code .pub} voisin s'il existe. */
    public static DeliveryKeyPair load(Path privateKeyFile, String passphrase) {
        try (InputStream in = Files.newInputStream(privateKeyFile)) {
            KeyPair pair = read(NamedResource.ofName(privateKeyFile.toString()), in, passphrase);
            Path pub = publicKeyFile(privateKeyFile);
            String comment = Files.exists(pub) ? commentOf(Files.readString(pub, StandardCharsets.US_ASCII)) : "";
            return new DeliveryKeyPair(pair, comment);
        } catch (IOException e) {
            throw new UncheckedIOException("lecture de la clé impossible : " + privateKeyFile, e);
        }
    }

    /** Relit une clé privée OpenSSH donnée sous forme de texte (ex. secret stocké en base). */
    public static DeliveryKeyPair parse(String privateKeyText, String passphrase, String comment) {
        try {
            KeyPair pair = read(NamedResource.ofName("clé"),
                    new ByteArrayInputStream(privateKeyText.getBytes(StandardCharsets.US_ASCII)), passphrase);
            return new DeliveryKeyPair(pair, comment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair read(NamedResource resource, InputStream in, String passphrase) throws IOException {
        requireEd25519Support();
        FilePasswordProvider password = passphrase == null ? FilePasswordProvider.EMPTY : FilePasswordProvider.of(passphrase);
        try {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, resource, in, password);
            Iterator<KeyPair> it = pairs == null ? null : pairs.iterator();
            if (it == null || !it.hasNext()) {
                throw new IOException("aucune clé privée lisible dans " + resource.getName());
            }
            return it.next();
        } catch (GeneralSecurityException e) {
            throw new IOException("clé privée illisible (" + resource.getName() + ") : " + e.getMessage(), e);
        }
    }

    public static Path publicKeyFile(Path privateKeyFile) {
        return privateKeyFile.resolveSibling(privateKeyFile.getFileName() + ".pub");
    }

    private static String commentOf(String publicKeyLine) {
        String[] parts = publicKeyLine.strip().split("\\s+", 3);
        return parts.length == 3 ? parts[2] : "";
    }

    private static void requireEd25519Support() {
        if (!SecurityUtils.isEDDSACurveSupported()) {
            throw new IllegalStateException(
                    "ed25519 non disponible : Bouncy Castle (bcprov-jdk18on) doit être présent sur le classpath");
        }
    }
}
