package fr.conventionent.aaf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Vérifie un lot avant tout envoi : noms ({@link AafFileSetChecker}) puis contenu de chaque fichier
 * ({@link AafXmlChecker}). Tous les fichiers sont lus même quand un nom est déjà refusé, pour donner en une fois
 * toutes les raisons à l'académie ; ils le sont en parallèle, un par cœur.
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
        return verify(extraction, files, nameCheck, null);
    }

    /**
     * Idem, et confronte les écoles lues pendant cette même lecture à l'annexe 1 de la convention.
     *
     * @param scope annexe 1 et structures déjà livrées, ou {@code null} pour ne pas contrôler les écoles
     */
    public AafVerification verify(AafExtraction extraction, List<Path> files, AafNameCheck nameCheck,
                                  AafAnnexScope scope) {

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

        List<AafXmlCheck> checks = checkAll(ordered);
        Set<String> uaisOutside = new LinkedHashSet<>();
        if (scope != null) {
            // Après lecture de tous les fichiers : un élève peut précéder le fichier EtabEducNat qui déclare son école.
            Map<String, String> structures = scope.structuresWith(checks);
            checks.replaceAll(check -> {
                uaisOutside.addAll(scope.uaisOutside(check, structures));
                List<String> outside = scope.problemsOf(check, structures);
                return outside.isEmpty() ? check : check.withProblems(outside);
            });
        }
        return new AafVerification(extraction, nameCheck, checks, List.copyOf(uaisOutside));
    }

    /**
     * Lit les fichiers en parallèle, un par cœur (le vérificateur est sans état) : la lecture XML et le SHA-256 sont
     * l'autre moitié du travail d'un envoi, avec le zip. Résultats dans l'ordre donné.
     */
    private List<AafXmlCheck> checkAll(List<Path> files) {
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), files.size());
        if (threads <= 1) {
            return new ArrayList<>(files.stream().map(xmlChecker::check).toList());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "aaf-verification");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<Path, Future<AafXmlCheck>> pending = new LinkedHashMap<>();
            List<Future<AafXmlCheck>> ordered = new ArrayList<>();
            for (Path file : files) {
                ordered.add(pending.computeIfAbsent(file, f -> pool.submit(() -> xmlChecker.check(f))));
            }
            List<AafXmlCheck> checks = new ArrayList<>();
            for (Future<AafXmlCheck> check : ordered) {
                checks.add(check.get());
            }
            return checks;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("vérification interrompue", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re
                    : new IllegalStateException("vérification impossible : " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
