package fr.conventionent.aaf.sftp;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * Serveur SFTP MINA embarqué pour les tests et le banc d'essai : écoute sur la boucle locale, racine virtuelle
 * sur un dossier temporaire, n'accepte que la clé publique du client donnée. Peut couper la session au milieu
 * d'un envoi, pour simuler une panne réseau.
 */
public final class EmbeddedSftpServer implements AutoCloseable {

    private final Path root;
    private final PublicKey authorizedClientKey;
    private final KeyPair hostKey;
    private final AtomicLong cutAfterBytes = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong bytesWritten = new AtomicLong();
    private final AtomicLong totalBytesWritten = new AtomicLong();
    private final AtomicLong pauseAfterEachWriteMillis = new AtomicLong();
    private SshServer server;
    private int port;

    public EmbeddedSftpServer(Path root, PublicKey authorizedClientKey, KeyPair hostKey) {
        this.root = root;
        this.authorizedClientKey = authorizedClientKey;
        this.hostKey = hostKey;
    }

    /** Démarre sur {@code port} (0 = port libre choisi par le système). */
    public EmbeddedSftpServer start(int requestedPort) throws IOException {
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(requestedPort);
        sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        sshd.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, authorizedClientKey));
        sshd.setPasswordAuthenticator(null);
        sshd.setKeyboardInteractiveAuthenticator(null);
        SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder().build();
        sftp.addSftpEventListener(new SftpEventListener() {
            @Override
            public void written(ServerSession session, String remoteHandle, FileHandle localHandle, long offset,
                                byte[] data, int dataOffset, int dataLen, Throwable thrown) throws IOException {
                totalBytesWritten.addAndGet(dataLen);
                slowDown();
                if (bytesWritten.addAndGet(dataLen) > cutAfterBytes.get()) {
                    cutAfterBytes.set(Long.MAX_VALUE); // une seule coupure
                    session.close(true); // coupure brutale, comme une panne réseau
                }
            }
        });
        sshd.setSubsystemFactories(List.of(sftp));
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
        sshd.start();
        this.server = sshd;
        this.port = sshd.getPort();
        return this;
    }

    /** La prochaine session qui aura écrit plus de {@code bytes} octets sera coupée net. */
    public void cutSessionAfter(long bytes) {
        bytesWritten.set(0);
        cutAfterBytes.set(bytes);
    }

    /** Slows every write down (a slow link), so that a test can stop the client in the middle of an upload. */
    public void pauseAfterEachWrite(long millis) {
        pauseAfterEachWriteMillis.set(millis);
    }

    private void slowDown() throws IOException {
        long millis = pauseAfterEachWriteMillis.get();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }

    /** Bytes received since the start, every session together. */
    public long totalBytesWritten() {
        return totalBytesWritten.get();
    }

    public int port() {
        return port;
    }

    public Path root() {
        return root;
    }

    public String hostKeyFingerprint() {
        return Ed25519Keys.fingerprint(hostKey.getPublic());
    }

    public void stop() throws IOException {
        if (server != null) {
            server.stop(true);
            server = null;
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
