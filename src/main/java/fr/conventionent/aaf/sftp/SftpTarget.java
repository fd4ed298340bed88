package fr.conventionent.aaf.sftp;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Serveur SFTP de l'exploitant.
 *
 * @param hostKeyFingerprint empreinte de la clé d'hôte relevée avec l'exploitant, telle qu'OpenSSH l'affiche
 *                           ({@code SHA256:} + 43 caractères base64) ; toute autre clé est refusée
 * @param connectTimeout     délai maximal d'établissement de la connexion TCP
 * @param authTimeout        délai maximal d'échange de clés et d'authentification
 * @param idleTimeout        délai sans aucun échange au-delà duquel la session est coupée (serveur figé)
 */
public record SftpTarget(String host, int port, String user, String remoteDir, String hostKeyFingerprint,
                         Duration connectTimeout, Duration authTimeout, Duration idleTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_AUTH_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(2);

    private static final Pattern SHA256_FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}=?");

    public SftpTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(remoteDir, "remoteDir");
        Objects.requireNonNull(hostKeyFingerprint, "hostKeyFingerprint");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(authTimeout, "authTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port SFTP invalide : " + port);
        }
        if (!SHA256_FINGERPRINT.matcher(hostKeyFingerprint).matches()) {
            throw new IllegalArgumentException("empreinte de clé d'hôte invalide : « " + hostKeyFingerprint
                    + " » (attendu SHA256:… comme l'affiche ssh-keygen -lf)");
        }
    }

    public SftpTarget(String host, int port, String user, String remoteDir, String hostKeyFingerprint) {
        this(host, port, user, remoteDir, hostKeyFingerprint, DEFAULT_CONNECT_TIMEOUT, DEFAULT_AUTH_TIMEOUT,
                DEFAULT_IDLE_TIMEOUT);
    }

    public String address() {
        return host + ":" + port;
    }

    /** Chemin distant d'un fichier du répertoire de dépôt. */
    public String remotePath(String fileName) {
        return remoteDir.endsWith("/") ? remoteDir + fileName : remoteDir + "/" + fileName;
    }
}
