package fr.conventionent.aaf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verdict sur un ensemble de noms de fichiers.
 *
 * @param problemsByFile pour chaque nom fourni (dans l'ordre reçu), ses raisons de refus ; liste vide = nom conforme
 * @param setProblems    problèmes qui ne tiennent à aucun fichier présent (numéro manquant, catégorie absente…)
 * @param acceptedNames  noms conformes, triés par catégorie puis numéro
 */
public record AafNameCheck(Map<String, List<String>> problemsByFile, List<String> setProblems,
                           List<AafFileName> acceptedNames) {

    public AafNameCheck {
        problemsByFile = Collections.unmodifiableMap(new LinkedHashMap<>(problemsByFile));
        setProblems = List.copyOf(setProblems);
        acceptedNames = List.copyOf(acceptedNames);
    }

    public boolean ok() {
        return setProblems.isEmpty() && problemsByFile.values().stream().allMatch(List::isEmpty);
    }

    public List<String> problemsOf(String fileName) {
        return problemsByFile.getOrDefault(fileName, List.of());
    }
}
