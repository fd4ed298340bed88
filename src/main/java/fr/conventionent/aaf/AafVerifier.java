package fr.conventionent.aaf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Vérifie un lot avant tout envoi : noms ({@link AafFileSetChecker}) puis contenu de chaque fichier
 * ({@link AafXmlChecker}). Tous les fichiers sont lus même quand un nom est déjà refusé, pour donner en une fois
 * toutes les raisons à l'académie.
 */
public class AafVerifier {

    private final AafFileSetChecker fileSetChecker;
    private final AafXmlChecker xmlChecker;

    public AafVerifier(AafFileSetChecker fileSetChecker, AafXmlChecker xmlChecker) {
        this.fileSetChecker = fileSetChecker;
        this.xmlChecker = xmlChecker;
    }

    public AafVerifier() {
        this(new AafFileSetChecker(), new AafXmlChecker());
    }

    public AafVerification verify(AafExtraction extraction, List<Path> files) {
        return verify(extraction, files, checkNames(extraction, files));
    }

    /** Première moitié, sans lecture de fichier : permet de préparer l'archive pendant la lecture des contenus. */
    public AafNameCheck checkNames(AafExtraction extraction, List<Path> files) {
        return fileSetChecker.check(extraction, files.stream().map(f -> f.getFileName().toString()).toList());
    }

    /** Seconde moitié : lecture en flux de chaque fichier, noms déjà vérifiés par {@link #checkNames}. */
    public AafVerification verify(AafExtraction extraction, List<Path> files, AafNameCheck nameCheck) {

        // Ordre du bordereau d'abord (noms conformes triés), puis les fichiers refusés dans l'ordre reçu.
        Map<String, Path> byName = new LinkedHashMap<>();
        for (Path f : files) {
            byName.putIfAbsent(f.getFileName().toString(), f);
        }
        List<Path> ordered = new ArrayList<>();
        for (AafFileName accepted : nameCheck.acceptedNames()) {
            ordered.add(byName.remove(accepted.fileName()));
        }
        ordered.addAll(byName.values());

        Map<Path, AafXmlCheck> checked = new HashMap<>();
        List<AafXmlCheck> checks = new ArrayList<>();
        for (Path file : ordered) {
            checks.add(checked.computeIfAbsent(file, xmlChecker::check));
        }
        return new AafVerification(extraction, nameCheck, checks);
    }
}
