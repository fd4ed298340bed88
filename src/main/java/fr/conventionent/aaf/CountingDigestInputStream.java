package fr.conventionent.aaf;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Flux qui compte octets et fins de ligne et calcule le SHA-256 de tout ce qui le traverse, pour que la
 * vérification XML, la taille en lignes du bordereau et l'empreinte se fassent en une seule lecture du fichier.
 *
 * <p>Les lignes sont comptées comme {@code wc -l} : nombre d'octets {@code \n} (une dernière ligne sans fin de
 * ligne n'est pas comptée). C'est la mesure que l'exploitant peut refaire avec l'outil standard.
 *
 * <p>Garde-fou optionnel : {@link #limitUntilReleased(long)} fait échouer la lecture si plus de N octets passent
 * avant {@link #releaseLimit()} ; sert à borner le prologue XML (un DOCTYPE géant serait sinon gardé en mémoire
 * par l'analyseur).
 */
public class CountingDigestInputStream extends FilterInputStream {

    private final MessageDigest sha256;
    private long bytes;
    private long lines;
    private long limit = Long.MAX_VALUE;

    public CountingDigestInputStream(InputStream in) {
        super(in);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 indisponible dans cette JVM", e);
        }
    }

    @Override
    public int read() throws IOException {
        checkLimit();
        int b = in.read();
        if (b >= 0) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
            sha256.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        checkLimit();
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            bytes += n;
            long newLines = 0;
            for (int i = offset, end = offset + n; i < end; i++) {
                if (buffer[i] == '\n') {
                    newLines++;
                }
            }
            lines += newLines;
            sha256.update(buffer, offset, n);
        }
        return n;
    }

    /** Lit sans rien sauter, pour que l'empreinte couvre tous les octets. */
    @Override
    public long skip(long n) throws IOException {
        byte[] scratch = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Lit jusqu'à la fin, pour compter et empreinter ce que l'analyseur n'a pas consommé. */
    public void drain() throws IOException {
        byte[] scratch = new byte[1 << 16];
        while (read(scratch, 0, scratch.length) >= 0) {
            // rien : read() compte et empreinte
        }
    }

    public void limitUntilReleased(long maxBytes) {
        this.limit = maxBytes;
    }

    public void releaseLimit() {
        this.limit = Long.MAX_VALUE;
    }

    private void checkLimit() throws IOException {
        if (bytes > limit) {
            throw new PrologueTooLargeException(limit);
        }
    }

    public long bytes() {
        return bytes;
    }

    public long lines() {
        return lines;
    }

    /** Empreinte en hexadécimal minuscule ; à n'appeler qu'une fois la lecture finie (réinitialise le calcul). */
    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** Levée quand le prologue (déclaration, DOCTYPE, commentaires) dépasse la limite. */
    public static class PrologueTooLargeException extends IOException {
        public PrologueTooLargeException(long limit) {
            super("prologue XML (avant l'élément racine) de plus de " + limit + " octets");
        }
    }
}
