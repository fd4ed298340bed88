package fr.conventionent.aaf.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.OpenMode;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHPosixRenameExtension;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * Dépose des fichiers sur le serveur SFTP de l'exploitant (Apache MINA SSHD).
 *
 * <ul>
 *   <li>authentification par clé ed25519 uniquement ;</li>
 *   <li>clé d'hôte vérifiée contre l'empreinte convenue ({@link FingerprintServerKeyVerifier}) : une autre clé
 *       coupe la connexion avant toute authentification, donc avant tout envoi ;</li>
 *   <li>chaque fichier est écrit sous {@code <nom>.part} (écrasé s'il reste d'une tentative précédente), sa taille
 *       distante est comparée à la taille locale, puis il est renommé sous son nom final. Une coupure en cours de
 *       route ne laisse donc jamais de fichier incomplet sous son nom final, et la tentative suivante renvoie le
 *       fichier en entier ;</li>
 *   <li>délais de connexion, d'authentification et d'inactivité bornés ({@link SftpTarget}).</li>
 * </ul>
 * Un client SSH est démarré et arrêté à chaque envoi : les livraisons sont rares (quotidiennes), on ne garde
 * aucune connexion ni thread ouverts entre deux.
 */
public class AafSftpUploader {

    public static final String PART_SUFFIX = ".part";

    /** Taille des blocs envoyés ; le client MINA en garde plusieurs en vol sans attendre les accusés. */
    private static final int WRITE_BUFFER = 1 << 16;

    /**
     * Chiffrements proposés, dans l'ordre : AES-GCM/CTR d'abord, accélérés par le processeur (AES-NI) dans le JDK,
     * bien plus rapides que ChaCha20 en Java pur pour des fichiers de centaines de Mo.
     */
    private static final List<NamedFactory<Cipher>> CIPHERS = List.of(
            BuiltinCiphers.aes128gcm, BuiltinCiphers.aes256gcm, BuiltinCiphers.aes128ctr,
            BuiltinCiphers.aes192ctr, BuiltinCiphers.aes256ctr, BuiltinCiphers.cc20p1305_openssh);

    public List<UploadedFile> upload(SftpTarget target, DeliveryKeyPair key, List<Path> files) throws SftpDeliveryException {
        try (Connection connection = open(target, key)) {
            return connection.upload(files);
        }
    }

    /**
     * Ouvre la session (connexion, vérification de la clé d'hôte, authentification, canal SFTP, contrôle du
     * répertoire de dépôt) sans rien envoyer : permet de préparer la connexion pendant un travail local.
     */
    public Connection open(SftpTarget target, DeliveryKeyPair key) throws SftpDeliveryException {
        FingerprintServerKeyVerifier verifier = new FingerprintServerKeyVerifier(target.hostKeyFingerprint());
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(verifier);
        client.setCipherFactories(CIPHERS.stream().filter(f -> ((BuiltinCiphers) f).isSupported()).toList());
        CoreModuleProperties.IO_CONNECT_TIMEOUT.set(client, target.connectTimeout());
        CoreModuleProperties.AUTH_TIMEOUT.set(client, target.authTimeout());
        CoreModuleProperties.IDLE_TIMEOUT.set(client, target.idleTimeout());
        CoreModuleProperties.NIO2_READ_TIMEOUT.set(client, target.idleTimeout());
        client.start();
        ClientSession session = null;
        try {
            session = connect(client, target, key, verifier);
            SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
            requireDirectory(sftp, target);
            return new Connection(target, client, session, sftp);
        } catch (SftpDeliveryException e) {
            closeQuietly(session);
            client.stop();
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(session);
            client.stop();
            throw new SftpDeliveryException("ouverture SFTP impossible avec " + target.address() + " : " + message(e), e);
        }
    }

    /** Session SFTP ouverte et authentifiée ; à fermer après usage. */
    public static final class Connection implements AutoCloseable {
        private final SftpTarget target;
        private final SshClient client;
        private final ClientSession session;
        private final SftpClient sftp;

        private Connection(SftpTarget target, SshClient client, ClientSession session, SftpClient sftp) {
            this.target = target;
            this.client = client;
            this.session = session;
            this.sftp = sftp;
        }

        /** Faux si le serveur ou un délai d'inactivité a coupé la session depuis son ouverture. */
        public boolean isOpen() {
            return session.isOpen() && sftp.isOpen();
        }

        public List<UploadedFile> upload(List<Path> files) throws SftpDeliveryException {
            List<UploadedFile> uploaded = new ArrayList<>();
            try {
                for (Path file : files) {
                    uploaded.add(uploadOne(sftp, target, file));
                }
                return uploaded;
            } catch (IOException e) {
                throw new SftpDeliveryException("échange SFTP interrompu avec " + target.address() + " : " + message(e), e);
            }
        }

        @Override
        public void close() {
            try {
                sftp.close();
            } catch (IOException ignored) {
                // fermeture : rien à sauver
            }
            closeQuietly(session);
            client.stop();
        }
    }

    private static ClientSession connect(SshClient client, SftpTarget target, DeliveryKeyPair key,
                                         FingerprintServerKeyVerifier verifier) throws SftpDeliveryException {
        ClientSession session;
        try {
            session = client.connect(target.user(), target.host(), target.port())
                    .verify(target.connectTimeout())
                    .getSession();
        } catch (IOException | RuntimeException e) {
            throw connectionFailure(target, e);
        }
        try {
            session.addPublicKeyIdentity(key.keyPair());
            session.auth().verify(target.authTimeout());
            return session;
        } catch (IOException | RuntimeException e) {
            closeQuietly(session);
            String rejected = verifier.rejectedFingerprint();
            if (rejected != null) {
                throw new SftpDeliveryException("clé d'hôte refusée pour " + target.address()
                        + " : empreinte attendue " + target.hostKeyFingerprint() + ", reçue " + rejected
                        + ". Connexion coupée avant authentification, aucun fichier envoyé. Si l'exploitant a changé"
                        + " de clé, faire confirmer la nouvelle empreinte avant de mettre à jour la configuration.", e);
            }
            if (isTimeout(e)) {
                throw new SftpDeliveryException("délai d'authentification dépassé (" + seconds(target.authTimeout())
                        + ") avec " + target.address(), e);
            }
            throw new SftpDeliveryException("authentification refusée par " + target.address() + " pour l'utilisateur "
                    + target.user() + " avec la clé " + key.fingerprint()
                    + " (la clé publique a-t-elle été installée par l'exploitant ?) : " + message(e), e);
        }
    }

    private static SftpDeliveryException connectionFailure(SftpTarget target, Exception e) {
        Throwable root = rootCause(e);
        if (root instanceof UnknownHostException || root instanceof UnresolvedAddressException) {
            return new SftpDeliveryException("serveur SFTP inconnu : " + target.host(), e);
        }
        if (root instanceof ConnectException || root instanceof NoRouteToHostException) {
            return new SftpDeliveryException("connexion impossible à " + target.address()
                    + " (serveur arrêté ou injoignable) : " + message(root), e);
        }
        if (isTimeout(e)) {
            return new SftpDeliveryException("délai de connexion dépassé (" + seconds(target.connectTimeout())
                    + ") vers " + target.address(), e);
        }
        return new SftpDeliveryException("connexion impossible à " + target.address() + " : " + message(e), e);
    }

    private static void requireDirectory(SftpClient sftp, SftpTarget target) throws IOException, SftpDeliveryException {
        try {
            if (!sftp.stat(target.remoteDir()).isDirectory()) {
                throw new SftpDeliveryException("« " + target.remoteDir() + " » n'est pas un répertoire sur " + target.address());
            }
        } catch (SftpException e) {
            throw new SftpDeliveryException("répertoire de dépôt « " + target.remoteDir() + " » introuvable sur "
                    + target.address() + " : " + message(e), e);
        }
    }

    private static UploadedFile uploadOne(SftpClient sftp, SftpTarget target, Path file)
            throws IOException, SftpDeliveryException {
        long started = System.nanoTime();
        String name = file.getFileName().toString();
        String finalPath = target.remotePath(name);
        String partPath = finalPath + PART_SUFFIX;
        long localSize = Files.size(file);

        try (InputStream in = Files.newInputStream(file);
             OutputStream out = sftp.write(partPath, WRITE_BUFFER,
                     EnumSet.of(OpenMode.Write, OpenMode.Create, OpenMode.Truncate))) {
            byte[] buffer = new byte[WRITE_BUFFER];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new SftpDeliveryException("envoi de " + name + " interrompu vers " + target.address() + " : "
                    + message(e) + ". Aucun fichier n'a été créé sous ce nom ; il sera renvoyé en entier.", e);
        }
        long remoteSize = sftp.stat(partPath).getSize();
        if (remoteSize != localSize) {
            throw new SftpDeliveryException("taille distante de " + partPath + " incorrecte : " + remoteSize
                    + " octets au lieu de " + localSize + " ; fichier laissé sous son nom provisoire");
        }
        rename(sftp, partPath, finalPath);
        long finalSize = sftp.stat(finalPath).getSize();
        if (finalSize != localSize) {
            throw new SftpDeliveryException("taille distante de " + finalPath + " incorrecte après renommage : "
                    + finalSize + " octets au lieu de " + localSize);
        }
        return new UploadedFile(name, finalPath, localSize, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Renommage qui remplace un éventuel fichier du même nom (envoi refait) : {@code posix-rename@openssh.com}
     * quand le serveur le propose (atomique), sinon suppression puis renommage SFTP v3.
     */
    private static void rename(SftpClient sftp, String from, String to) throws IOException {
        OpenSSHPosixRenameExtension posix = sftp.getExtension(OpenSSHPosixRenameExtension.class);
        if (posix != null && posix.isSupported()) {
            posix.posixRename(from, to);
            return;
        }
        try {
            sftp.remove(to);
        } catch (SftpException e) {
            if (e.getStatus() != SftpConstants.SSH_FX_NO_SUCH_FILE) {
                throw e;
            }
        }
        sftp.rename(from, to);
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof java.nio.channels.InterruptedByTimeoutException) {
                return true;
            }
            String m = t.getMessage();
            if (t instanceof SshException && m != null && m.toLowerCase().contains("timeout")) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String message(Throwable e) {
        Throwable root = rootCause(e);
        String m = root.getMessage();
        return m == null || m.isBlank() ? root.getClass().getSimpleName() : m;
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }

    private static void closeQuietly(ClientSession session) {
        if (session == null) {
            return;
        }
        try {
            session.close();
        } catch (IOException ignored) {
            // déjà en échec : l'erreur d'origine est celle qui compte
        }
    }
}
