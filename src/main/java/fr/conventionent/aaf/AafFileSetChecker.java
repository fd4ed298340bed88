package fr.conventionent.aaf;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Vérifie les noms d'un lot de fichiers AAF par rapport à l'extraction attendue.
 *
 * <p>Règles retenues :
 * <ul>
 *   <li>chaque nom doit se lire ({@link AafFileName#parse}) et porter le préfixe, le type et la date attendus ;</li>
 *   <li>la numérotation d'une catégorie <b>commence à 0000</b> et se suit sans trou : c'est ce que montrent
 *       tous les fichiers AAF publics connus (chaque catégorie a un {@code _0000}, les suivants en {@code _0001},
 *       {@code _0002}…). Un lot qui commence à 0001 est donc refusé (« numéro 0000 manquant ») ;</li>
 *   <li>un même nom présent deux fois est refusé ;</li>
 *   <li>un envoi Complet doit contenir les quatre catégories ; un Delta peut n'en contenir que certaines
 *       (une catégorie sans changement n'a pas de fichier).</li>
 * </ul>
 * Seuls les noms entièrement conformes comptent pour la numérotation : un fichier à la mauvaise date ne
 * « bouche » pas le trou qu'il laisse.
 */
public class AafFileSetChecker {

    public AafNameCheck check(AafExtraction expected, Collection<String> fileNames) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        Map<AafCategory, Set<Integer>> numbers = new EnumMap<>(AafCategory.class);
        List<AafFileName> accepted = new ArrayList<>();
        Set<String> seen = new HashSet<>();

        for (String name : fileNames) {
            List<String> reasons = problems.computeIfAbsent(name, n -> new ArrayList<>());
            if (!seen.add(name)) {
                reasons.add("fichier en double dans l'envoi");
                continue;
            }
            AafFileName parsed;
            try {
                parsed = AafFileName.parse(name);
            } catch (InvalidAafFileNameException e) {
                reasons.add("nom non conforme : " + e.getMessage());
                continue;
            }
            reasons.addAll(mismatches(expected, parsed));
            if (reasons.isEmpty()) {
                accepted.add(parsed);
                numbers.computeIfAbsent(parsed.category(), c -> new TreeSet<>()).add(parsed.number());
            }
        }

        List<String> setProblems = new ArrayList<>();
        if (fileNames.isEmpty()) {
            setProblems.add("aucun fichier pour " + expected.label());
        }
        for (AafCategory category : AafCategory.values()) {
            Set<Integer> present = numbers.get(category);
            if (present == null) {
                if (expected.type() == AafFileType.COMPLET && !fileNames.isEmpty()) {
                    setProblems.add("catégorie " + category.label() + " absente (obligatoire dans un envoi Complet)");
                }
                continue;
            }
            int max = ((TreeSet<Integer>) present).last();
            for (int n = 0; n <= max; n++) {
                if (!present.contains(n)) {
                    setProblems.add(String.format("numéro %04d manquant dans la catégorie %s", n, category.label()));
                }
            }
        }
        accepted.sort(Comparator.comparing(AafFileName::category).thenComparingInt(AafFileName::number));
        return new AafNameCheck(problems, setProblems, accepted);
    }

    private static List<String> mismatches(AafExtraction expected, AafFileName actual) {
        List<String> reasons = new ArrayList<>();
        if (!expected.prefix().equals(actual.prefix())) {
            reasons.add("préfixe " + expected.prefix() + " attendu, " + actual.prefix() + " trouvé");
        }
        if (expected.type() != actual.type()) {
            reasons.add("type " + expected.type().label() + " attendu, " + actual.type().label() + " trouvé");
        }
        if (!expected.date().equals(actual.extractionDate())) {
            reasons.add("date d'extraction " + AafFileName.DATE_FORMAT.format(expected.date()) + " attendue, "
                    + AafFileName.DATE_FORMAT.format(actual.extractionDate()) + " trouvée");
        }
        return reasons;
    }
}
