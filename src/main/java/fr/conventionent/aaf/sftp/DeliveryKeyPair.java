package fr.conventionent.aaf.sftp;

import java.security.KeyPair;
import java.util.Objects;

/**
 * Paire de clés ed25519 d'une cible de livraison, avec son commentaire (ce qui suit la clé publique dans
 * {@code authorized_keys}, pour que l'exploitant sache à qui elle est).
 */
public record DeliveryKeyPair(KeyPair keyPair, String comment) {

    public DeliveryKeyPair {
        Objects.requireNonNull(keyPair, "keyPair");
        comment = comment == null ? "" : comment.strip();
    }

    /** Ligne à transmettre à l'exploitant : {@code ssh-ed25519 AAAA… commentaire}. */
    public String publicKeyLine() {
        return Ed25519Keys.publicKeyLine(keyPair.getPublic(), comment);
    }

    /** Empreinte comme l'affiche {@code ssh-keygen -l} : {@code SHA256:…}. */
    public String fingerprint() {
        return Ed25519Keys.fingerprint(keyPair.getPublic());
    }

    @Override
    public String toString() {
        // Jamais la clé privée dans un journal.
        return "DeliveryKeyPair[" + fingerprint() + " " + comment + "]";
    }
}
