package fr.conventionent.aaf;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ParallelScatterZipCreator;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.parallel.FileBasedScatterGatherBackingStore;
import org.apache.commons.compress.parallel.InputStreamSupplier;

/**
 * Archive zip des fichiers à livrer, écrite en flux (mémoire bornée quel que soit le volume ; Zip64 automatique
 * au-delà de 4 Go). Les entrées sont à plat, sous leur seul nom de fichier, avec leur date de modification, dans
 * l'ordre donné, en compression « deflate » de niveau 6 (celui de la commande {@code zip} par défaut).
 *
 * <p>Les fichiers sont compressés en parallèle, un par cœur (Commons Compress, {@link ParallelScatterZipCreator}) :
 * la compression est l'étape la plus lente d'un envoi, et un lot compte plusieurs fichiers de taille voisine (le
 * générateur de l'académie les coupe vers 90 Mo). Chaque fil écrit ses entrées compressées dans un fichier de
 * travail à côté de l'archive, recopiées ensuite telles quelles dans l'archive (quelques Mo : le XML se compresse
 * de 20 à 25 fois).
 *
 * <p>L'archive est écrite sous un nom provisoire puis renommée : pas d'archive tronquée sous le nom attendu.
 * Interrompre le thread qui écrit annule la création (les fichiers provisoires sont supprimés).
 */
public class AafZipPackager {

    /** Niveau de la commande {@code zip} par défaut : même taille d'archive, comparaison honnête avec elle. */
    static final int LEVEL = 6;

    private final int threads;

    public AafZipPackager() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** @param threads fichiers compressés en même temps (au moins 1) */
    public AafZipPackager(int threads) {
        this.threads = Math.max(1, threads);
    }

    /** @return taille de l'archive en octets */
    public long zip(List<Path> files, Path archive) {
        Path tmp = archive.resolveSibling(archive.getFileName() + ".tmp");
        List<Path> scratch = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, files.size())), r -> {
            Thread t = new Thread(r, "aaf-zip");
            t.setDaemon(true);
            return t;
        });
        try {
            ParallelScatterZipCreator creator = new ParallelScatterZipCreator(pool, () -> {
                Path part = Files.createTempFile(archive.toAbsolutePath().getParent(), archive.getFileName() + ".", ".fil");
                scratch.add(part);
                return new FileBasedScatterGatherBackingStore(part);
            }, LEVEL);
            for (Path file : files) {
                ZipArchiveEntry entry = new ZipArchiveEntry(file.getFileName().toString());
                entry.setMethod(ZipEntry.DEFLATED);
                entry.setLastModifiedTime(Files.getLastModifiedTime(file));
                creator.addArchiveEntry(entry, open(file));
            }
            try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(tmp)) {
                creator.writeTo(zip);
            }
            Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Files.size(archive);
        } catch (InterruptedException e) {
            // archive préparée pendant la vérification, devenue inutile
            Thread.currentThread().interrupt();
            throw failed(archive, tmp, new InterruptedIOException("création de l'archive annulée"), pool);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
            throw failed(archive, tmp, cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause), pool);
        } catch (IOException e) {
            throw failed(archive, tmp, e, pool);
        } finally {
            pool.shutdownNow();
            awaitQuietly(pool);
            scratch.forEach(AafZipPackager::deleteQuietly);
        }
    }

    /** Le fichier, ouvert par le fil qui le compresse ; sa lecture s'arrête si l'archive est annulée. */
    private static InputStreamSupplier open(Path file) {
        return () -> {
            try {
                return new FilterInputStream(Files.newInputStream(file)) {
                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        if (Thread.currentThread().isInterrupted()) {
                            throw new InterruptedIOException("création de l'archive annulée");
                        }
                        return super.read(b, off, len);
                    }
                };
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static UncheckedIOException failed(Path archive, Path tmp, IOException e, ExecutorService pool) {
        pool.shutdownNow();
        awaitQuietly(pool); // les fils ne doivent plus écrire quand on supprime leurs fichiers
        deleteQuietly(tmp);
        return new UncheckedIOException("création de l'archive " + archive.getFileName() + " impossible : "
                + e.getMessage(), e);
    }

    /** Attend les fils de compression, même quand l'annulation a interrompu celui qui attend. */
    private static void awaitQuietly(ExecutorService pool) {
        boolean interrupted = Thread.interrupted();
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // l'erreur d'origine est celle qui compte
        }
    }
}
