package fr.conventionent.aaf;

import java.util.ArrayList;
import java.util.List;

/**
 * Verdict complet sur un lot : noms et contenu de chaque fichier.
 *
 * @param names  vérification des noms et de la numérotation
 * @param checks vérification en flux de chaque fichier, dans l'ordre du bordereau (catégorie puis numéro) pour
 *               les noms conformes, puis les autres dans l'ordre reçu
 * @param uaisOutsideAnnex UAI hors de l'annexe 1 que nomme le lot (écoles déclarées ou de rattachement), sans
 *               doublon, dans l'ordre de lecture ; vide quand l'annexe n'est pas contrôlée
 */
public record AafVerification(AafExtraction extraction, AafNameCheck names, List<AafXmlCheck> checks,
                              List<String> uaisOutsideAnnex) {

    public AafVerification {
        checks = List.copyOf(checks);
        uaisOutsideAnnex = List.copyOf(uaisOutsideAnnex);
    }

    public AafVerification(AafExtraction extraction, AafNameCheck names, List<AafXmlCheck> checks) {
        this(extraction, names, checks, List.of());
    }

    public boolean ok() {
        return names.ok() && checks.stream().allMatch(AafXmlCheck::ok);
    }

    /** Toutes les raisons de refus d'un fichier : nom d'abord, contenu ensuite. */
    public List<String> problemsOf(AafXmlCheck check) {
        List<String> all = new ArrayList<>(names.problemsOf(check.fileName()));
        all.addAll(check.problems());
        return all;
    }

    /** Toutes les raisons de refus du lot, chacune préfixée du fichier concerné quand il y en a un. */
    public List<String> problems() {
        List<String> all = new ArrayList<>();
        for (AafXmlCheck check : checks) {
            for (String p : problemsOf(check)) {
                all.add(check.fileName() + " : " + p);
            }
        }
        all.addAll(names.setProblems());
        return all;
    }

    /** Structures déclarées par les fichiers EtabEducNat du lot (jointure → UAI). */
    public java.util.Map<String, String> declaredStructures() {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>();
        checks.forEach(check -> all.putAll(check.structures().declared()));
        return all;
    }

    public long totalBytes() {
        return checks.stream().mapToLong(AafXmlCheck::bytes).sum();
    }

    public long totalLines() {
        return checks.stream().mapToLong(AafXmlCheck::lines).sum();
    }
}
