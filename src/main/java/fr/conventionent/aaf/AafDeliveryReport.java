package fr.conventionent.aaf;

import fr.conventionent.aaf.sftp.UploadedFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Compte rendu d'un envoi.
 *
 * @param status       envoyé, refusé (rien n'est parti) ou en échec d'envoi (rien n'est sous son nom final
 *                     pour le fichier en cours ; relancer renvoie tout)
 * @param files        fichiers XML vérifiés
 * @param ignored      fichiers du préfixe laissés de côté (autre date d'extraction)
 * @param problems     toutes les raisons de refus ou l'erreur d'envoi, en français
 * @param uaisOutsideAnnex UAI hors de l'annexe 1 que nomme le lot (cause de refus), sans doublon ; souvent vide
 * @param bordereau    bordereau écrit, ou {@code null}
 * @param archive      archive zip écrite, ou {@code null}
 * @param archiveBytes taille de l'archive zip (0 sans archive)
 * @param uploaded     fichiers déposés chez l'exploitant
 * @param archivedTo   dossier local où l'envoi a été rangé, ou {@code null}
 * @param timings      durée de chaque étape franchie
 */
public record AafDeliveryReport(Status status, AafExtraction extraction, List<AafXmlCheck> files, List<String> ignored,
                                List<String> problems, List<String> uaisOutsideAnnex, Path bordereau, Path archive, long archiveBytes,
                                List<UploadedFile> uploaded, Path archivedTo, Duration duration,
                                Map<AafDeliveryStage, Duration> timings) {

    public enum Status {
        SENT("envoyé"),
        REFUSED("refusé, rien n'a été envoyé"),
        FAILED("échec d'envoi");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public AafDeliveryReport {
        files = List.copyOf(files);
        ignored = List.copyOf(ignored);
        problems = List.copyOf(problems);
        uaisOutsideAnnex = List.copyOf(uaisOutsideAnnex);
        uploaded = List.copyOf(uploaded);
        EnumMap<AafDeliveryStage, Duration> ordered = new EnumMap<>(AafDeliveryStage.class);
        ordered.putAll(timings);
        timings = Collections.unmodifiableMap(ordered);
    }

    public boolean sent() {
        return status == Status.SENT;
    }

    public long totalBytes() {
        return files.stream().mapToLong(AafXmlCheck::bytes).sum();
    }

    public long totalLines() {
        return files.stream().mapToLong(AafXmlCheck::lines).sum();
    }

    /** Résumé lisible, pour un journal ou un courriel. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("Envoi AAF ").append(extraction.label()).append(" : ").append(status.label()).append('\n');
        sb.append("Fichiers : ").append(files.size()).append(", ").append(totalLines()).append(" lignes, ")
                .append(totalBytes()).append(" octets, en ").append(duration.toMillis()).append(" ms\n");
        timings.forEach((stage, d) -> sb.append("  ").append(stage.label()).append(" : ").append(d.toMillis()).append(" ms\n"));
        if (!uaisOutsideAnnex.isEmpty()) {
            sb.append("UAI hors annexe 1 : ").append(String.join(", ", uaisOutsideAnnex)).append('\n');
        }
        for (String problem : problems) {
            sb.append("  - ").append(problem).append('\n');
        }
        for (String name : ignored) {
            sb.append("  (ignoré : ").append(name).append(")\n");
        }
        return sb.toString();
    }
}
