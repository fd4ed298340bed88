package fr.conventionent.aaf.process;

import fr.conventionent.aaf.sftp.DeliveryKeyPair;
import fr.conventionent.aaf.sftp.Ed25519Keys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The SSH keys of the delivery targets, one per convention, as files outside the engine:
 * {@code <convention.aaf.cles>/<numéro>/id_ed25519} (600, folder 700, optionally encrypted with
 * {@code convention.aaf.phrase-de-passe-cles}) and {@code id_ed25519.pub}. The private key never becomes a process
 * variable, so neither Tasklist, Cockpit nor the REST API can show it; only the public line and its fingerprint are.
 */
@Component
public class AafKeyStore {

    static final String PRIVATE_KEY_FILE = "id_ed25519";
    private static final Logger LOG = LoggerFactory.getLogger(AafKeyStore.class);
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final AafProperties properties;

    public AafKeyStore(AafProperties properties) {
        this.properties = properties;
    }

    /**
     * The target's key pair, generated on first call. A key already on disk is kept (a step retried after a
     * rollback must not replace a key the operator may already have installed).
     */
    public DeliveryKeyPair generateIfAbsent(String businessKey) {
        Path file = privateKeyFile(businessKey);
        if (Files.exists(file)) {
            return load(businessKey);
        }
        DeliveryKeyPair key = Ed25519Keys.generate("convention-ent-aaf-" + businessKey);
        createPrivateFolder(file.getParent());
        Ed25519Keys.write(key, file, properties.passphrase());
        LOG.info("Clé SFTP des livraisons AAF de {} créée : {}", businessKey, key.fingerprint());
        return key;
    }

    public DeliveryKeyPair load(String businessKey) {
        Path file = privateKeyFile(businessKey);
        if (!Files.exists(file)) {
            throw new IllegalStateException("Clé privée SFTP des livraisons AAF de " + businessKey + " introuvable ("
                    + file + ") : la restaurer depuis la sauvegarde, ou refaire le paramétrage avec une nouvelle clé.");
        }
        return Ed25519Keys.load(file, properties.passphrase());
    }

    public boolean exists(String businessKey) {
        return Files.exists(privateKeyFile(businessKey));
    }

    /** Deletes the target's keys (the deliveries have stopped); nothing to do if they are gone already. */
    public void delete(String businessKey) {
        Path file = privateKeyFile(businessKey);
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(Ed25519Keys.publicKeyFile(file));
            try (var rest = Files.list(file.getParent())) {
                if (rest.findAny().isEmpty()) {
                    Files.delete(file.getParent());
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            throw new UncheckedIOException("suppression de la clé impossible : " + file, e);
        }
    }

    Path privateKeyFile(String businessKey) {
        if (businessKey == null || !SAFE_NAME.matcher(businessKey).matches()) {
            throw new IllegalArgumentException("numéro de convention inattendu : « " + businessKey + " »");
        }
        return properties.clesPath().resolve(businessKey).resolve(PRIVATE_KEY_FILE);
    }

    private static void createPrivateFolder(Path folder) {
        try {
            Files.createDirectories(folder);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("création du dossier de clés impossible : " + folder, e);
        }
    }
}
