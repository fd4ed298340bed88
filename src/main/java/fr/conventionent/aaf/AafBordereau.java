package fr.conventionent.aaf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * Bordereau d'envoi (Annexe 2 §2) : code destinataire, date d'envoi, nom de l'archive zip, et pour chaque
 * fichier XML son nom, sa taille en lignes et son empreinte SHA-256.
 *
 * <p>Format, fixe et déterministe (mêmes données → mêmes octets) : texte UTF-8 (en pratique ASCII), fins de ligne
 * {@code \n}, une information par ligne « libellé : valeur », puis une ligne par fichier, champs séparés par
 * {@code " ; "}, dans l'ordre catégorie (Eleve, EtabEducNat, PersEducNat, PersRelEleve) puis numéro :
 * <pre>
 * BORDEREAU D'ENVOI AAF
 * Code destinataire : 0781234A
 * Date d'envoi : 19/09/2024
 * Archive zip : ENT_Complet_20240919.zip          (ou « aucune »)
 * Nombre de fichiers : 4
 * Nombre total de lignes : 2701452
 * Fichier ; Lignes ; SHA-256
 * ENT_Complet_20240919_Eleve_0000.xml ; 1350008 ; c39a…(64 hex)
 * …
 * FIN DU BORDEREAU
 * </pre>
 * Les lignes sont comptées comme {@code wc -l} (voir {@link CountingDigestInputStream}), pour que l'exploitant
 * puisse les recompter avec l'outil standard. La dernière ligne permet de voir qu'un bordereau n'est pas tronqué.
 */
public record AafBordereau(String recipientCode, LocalDate sendDate, String archiveName, List<Entry> files) {

    public static final String NO_ARCHIVE = "aucune";
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /** Une ligne du tableau : fichier XML, taille en lignes, SHA-256 hexadécimal. */
    public record Entry(String fileName, long lines, String sha256) {
    }

    public AafBordereau {
        Objects.requireNonNull(recipientCode, "recipientCode");
        Objects.requireNonNull(sendDate, "sendDate");
        files = List.copyOf(files);
    }

    /** Bordereau des fichiers vérifiés, dans l'ordre donné (celui des noms acceptés). */
    public static AafBordereau of(String recipientCode, LocalDate sendDate, String archiveName, List<AafXmlCheck> checks) {
        return new AafBordereau(recipientCode, sendDate, archiveName,
                checks.stream().map(c -> new Entry(c.fileName(), c.lines(), c.sha256())).toList());
    }

    public long totalLines() {
        return files.stream().mapToLong(Entry::lines).sum();
    }

    public String render() {
        StringBuilder sb = new StringBuilder(256 + files.size() * 128);
        sb.append("BORDEREAU D'ENVOI AAF\n");
        sb.append("Code destinataire : ").append(recipientCode).append('\n');
        sb.append("Date d'envoi : ").append(FRENCH_DATE.format(sendDate)).append('\n');
        sb.append("Archive zip : ").append(archiveName == null || archiveName.isBlank() ? NO_ARCHIVE : archiveName).append('\n');
        sb.append("Nombre de fichiers : ").append(files.size()).append('\n');
        sb.append("Nombre total de lignes : ").append(totalLines()).append('\n');
        sb.append("Fichier ; Lignes ; SHA-256\n");
        for (Entry e : files) {
            sb.append(e.fileName()).append(" ; ").append(e.lines()).append(" ; ").append(e.sha256()).append('\n');
        }
        sb.append("FIN DU BORDEREAU\n");
        return sb.toString();
    }

    /** Écrit le bordereau (via un fichier temporaire renommé : jamais de bordereau à moitié écrit). */
    public Path writeTo(Path file) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, render(), StandardCharsets.UTF_8);
            return Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("écriture du bordereau impossible : " + file, e);
        }
    }
}
