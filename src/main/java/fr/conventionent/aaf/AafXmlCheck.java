package fr.conventionent.aaf;

import java.util.List;

/**
 * Résultat de la vérification en flux d'un fichier XML AAF.
 *
 * @param fileName nom du fichier (sans chemin)
 * @param bytes    taille en octets
 * @param lines    taille en lignes, comptée comme {@code wc -l}
 * @param sha256   empreinte SHA-256 en hexadécimal minuscule
 * @param encoding encodage lu (déclaré, ou UTF-8 par défaut)
 * @param addRequests, modifyRequests, deleteRequests nombre d'entrées de chaque sorte
 * @param problems raisons de refus en français ; vide = fichier accepté
 */
public record AafXmlCheck(String fileName, long bytes, long lines, String sha256, String encoding,
                          long addRequests, long modifyRequests, long deleteRequests, List<String> problems) {

    public AafXmlCheck {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public long entries() {
        return addRequests + modifyRequests + deleteRequests;
    }
}
