package fr.conventionent.aaf;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Archive zip des fichiers à livrer, écrite en flux (quelques dizaines de Ko de mémoire quel que soit le volume ;
 * Zip64 automatique au-delà de 4 Go). Les entrées sont à plat, sous leur seul nom de fichier, avec leur date de
 * modification, en compression « deflate » de niveau 6 (celui de la commande {@code zip} par défaut).
 * L'archive est écrite sous un nom provisoire puis renommée : pas d'archive tronquée sous le nom attendu.
 * Interrompre le thread qui écrit annule la création (le fichier provisoire est supprimé).
 */
public class AafZipPackager {

    private static final int BUFFER = 1 << 16;

    /** @return taille de l'archive en octets */
    public long zip(List<Path> files, Path archive) {
        Path tmp = archive.resolveSibling(archive.getFileName() + ".tmp");
        try {
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp), BUFFER);
                 ZipOutputStream zip = new ZipOutputStream(raw)) {
                zip.setLevel(Deflater.DEFAULT_COMPRESSION);
                byte[] buffer = new byte[BUFFER];
                for (Path file : files) {
                    ZipEntry entry = new ZipEntry(file.getFileName().toString());
                    entry.setLastModifiedTime(Files.getLastModifiedTime(file));
                    zip.putNextEntry(entry);
                    try (InputStream in = Files.newInputStream(file)) {
                        int n;
                        while ((n = in.read(buffer)) >= 0) {
                            if (Thread.currentThread().isInterrupted()) {
                                // archive préparée pendant la vérification, devenue inutile
                                throw new InterruptedIOException("création de l'archive annulée");
                            }
                            zip.write(buffer, 0, n);
                        }
                    }
                    zip.closeEntry();
                }
            }
            Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Files.size(archive);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // l'erreur d'origine est celle qui compte
            }
            throw new UncheckedIOException("création de l'archive " + archive.getFileName() + " impossible : " + e.getMessage(), e);
        }
    }
}
