package fr.conventionent.aaf.process;

import fr.conventionent.kernel.FrenchFormats;
import java.text.NumberFormat;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one scheduled run did, as Cockpit shows it ({@code derniereLivraison}, {@code historiqueLivraisons}).
 *
 * @param extraction {@code <préfixe>_<type>_<aaaammjj>}
 * @param plannedAt  the scheduled time of the run (its date is the extraction date)
 * @param ranAt      when it actually ran
 * @param sent       names of the files put on the operator's server, in order
 * @param archivedTo local folder where what was sent is kept
 * @param problems   every reason of a refusal, in French
 * @param ignored    files of the prefix left aside (another extraction date)
 * @param structures after a run that sent its files: the schools the operator now knows (jointure → UAI), for the
 *                   next runs' Annexe 1 check; null otherwise
 * @param uaisOutsideAnnex the UAIs outside the convention's Annexe 1 that a refused run named (schools declared, or
 *                   schools its pupils and staff are attached to): the refusal's cause "UAI hors annexe 1"
 */
public record AafRunReport(String extraction, String type, ZonedDateTime plannedAt, ZonedDateTime ranAt,
                           Result result, int files, long lines, long bytes, long durationMillis, List<String> sent,
                           String archivedTo, List<String> problems, List<String> ignored,
                           Map<String, String> structures, List<String> uaisOutsideAnnex) {

    public AafRunReport(String extraction, String type, ZonedDateTime plannedAt, ZonedDateTime ranAt, Result result,
                        int files, long lines, long bytes, long durationMillis, List<String> sent, String archivedTo,
                        List<String> problems, List<String> ignored) {
        this(extraction, type, plannedAt, ranAt, result, files, lines, bytes, durationMillis, sent, archivedTo,
                problems, ignored, null, List.of());
    }

    /** How many UAIs a summary names: the mail and the delivery record give more. */
    static final int MAX_UAIS_IN_SUMMARY = 10;

    /** How many reasons a report keeps: the mail gives them all. */
    static final int MAX_PROBLEMS = 50;

    public enum Result {
        ENVOYE("envoye", "envoyé"),
        REFUSE("refuse", "refusé, rien n'a été envoyé"),
        AUCUN_FICHIER("aucun-fichier", "aucun fichier à livrer"),
        DEJA_LIVRE("deja-livre", "déjà livré (extraction déjà envoyée et rangée)");

        private final String code;
        private final String label;

        Result(String code, String label) {
            this.code = code;
            this.label = label;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }
    }

    public AafRunReport {
        sent = List.copyOf(sent);
        problems = List.copyOf(problems);
        ignored = List.copyOf(ignored);
        uaisOutsideAnnex = uaisOutsideAnnex == null ? List.of() : List.copyOf(uaisOutsideAnnex);
    }

    /** Refused because it names schools outside Annexe 1 (whatever else was wrong with it). */
    public boolean outsideAnnex() {
        return result == Result.REFUSE && !uaisOutsideAnnex.isEmpty();
    }

    /**
     * « Complet du 5 mars 2026 : envoyé – 9 fichiers, 12 345 lignes, 1 234 567 octets en 3 s » ; a refusal for schools
     * outside Annexe 1 adds « – UAI hors annexe 1 : 0751234A, 0751235B ».
     */
    public String summary() {
        StringBuilder text = new StringBuilder(type).append(" du ").append(FrenchFormats.longDate(plannedAt.toLocalDate()))
                .append(" : ").append(result.label());
        if (files > 0) {
            NumberFormat number = NumberFormat.getIntegerInstance(Locale.FRANCE);
            text.append(" – ").append(files).append(files > 1 ? " fichiers, " : " fichier, ")
                    .append(number.format(lines)).append(" lignes, ").append(number.format(bytes)).append(" octets");
            text.append(" en ").append(durationMillis < 1000 ? durationMillis + " ms" : durationMillis / 1000 + " s");
        }
        if (!problems.isEmpty()) {
            text.append(" – ").append(problems.size()).append(problems.size() > 1 ? " problèmes" : " problème");
        }
        if (outsideAnnex()) {
            text.append(" – UAI hors annexe 1 : ").append(String.join(", ", uaisOutsideAnnex.stream()
                    .limit(MAX_UAIS_IN_SUMMARY).toList()));
            if (uaisOutsideAnnex.size() > MAX_UAIS_IN_SUMMARY) {
                text.append(" … (").append(uaisOutsideAnnex.size()).append(" en tout)");
            }
        }
        return text.toString();
    }

    /** The JSON object stored in the process variables, with French keys. */
    public Map<String, Object> toVariable() {
        Map<String, Object> json = toHistoryEntry();
        json.put("envoyes", sent);
        if (archivedTo != null) {
            json.put("rangement", archivedTo);
        }
        json.put("problemes", problems.size() > MAX_PROBLEMS ? append(problems.subList(0, MAX_PROBLEMS),
                "… et " + (problems.size() - MAX_PROBLEMS) + " autres (voir le courriel)") : problems);
        json.put("ignores", ignored.size() > MAX_PROBLEMS ? ignored.subList(0, MAX_PROBLEMS) : ignored);
        if (outsideAnnex()) {
            json.put("uaiHorsAnnexe", uaisOutsideAnnex);
        }
        return json;
    }

    /** The short form kept in {@code historiqueLivraisons}: every update of it is kept in the engine's history. */
    public Map<String, Object> toHistoryEntry() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("extraction", extraction);
        json.put("type", type);
        json.put("prevueLe", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(plannedAt));
        json.put("executeeLe", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ranAt));
        json.put("resultat", result.code());
        json.put("resume", summary());
        json.put("fichiers", files);
        json.put("lignes", lines);
        json.put("octets", bytes);
        json.put("dureeMs", durationMillis);
        return json;
    }

    private static List<String> append(List<String> list, String last) {
        List<String> all = new java.util.ArrayList<>(list);
        all.add(last);
        return all;
    }
}
