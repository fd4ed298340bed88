package fr.conventionent.aaf.sftp;

import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/**
 * N'accepte que la clé d'hôte dont l'empreinte SHA-256 a été relevée avec l'exploitant. Pas de
 * {@code known_hosts} ni d'acceptation à la première connexion : l'empreinte fait partie de la configuration.
 * Garde l'empreinte reçue en cas de refus, pour un message d'erreur qui permette de trancher.
 */
final class FingerprintServerKeyVerifier implements ServerKeyVerifier {

    private final String expected;
    private final AtomicReference<String> rejected = new AtomicReference<>();

    FingerprintServerKeyVerifier(String expectedFingerprint) {
        this.expected = normalize(expectedFingerprint);
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        String actual = Ed25519Keys.fingerprint(serverKey);
        boolean ok = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                normalize(actual).getBytes(StandardCharsets.US_ASCII));
        if (!ok) {
            rejected.set(actual);
        }
        return ok;
    }

    /** Empreinte reçue et refusée, ou {@code null} si aucune clé n'a été refusée. */
    String rejectedFingerprint() {
        return rejected.get();
    }

    /** OpenSSH n'écrit pas le bourrage base64 ; certains outils si. */
    private static String normalize(String fingerprint) {
        String f = fingerprint.strip();
        while (f.endsWith("=")) {
            f = f.substring(0, f.length() - 1);
        }
        return f;
    }
}
