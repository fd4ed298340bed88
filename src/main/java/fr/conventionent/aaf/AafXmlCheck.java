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
 * @param structures structures déclarées (EtabEducNat) ou de rattachement (Eleve, PersEducNat) lues dans le fichier
 */
public record AafXmlCheck(String fileName, long bytes, long lines, String sha256, String encoding,
                          long addRequests, long modifyRequests, long deleteRequests, List<String> problems,
                          AafStructures structures) {

    public AafXmlCheck {
        problems = List.copyOf(problems);
        structures = structures == null ? AafStructures.NONE : structures;
    }

    public AafXmlCheck(String fileName, long bytes, long lines, String sha256, String encoding,
                       long addRequests, long modifyRequests, long deleteRequests, List<String> problems) {
        this(fileName, bytes, lines, sha256, encoding, addRequests, modifyRequests, deleteRequests, problems,
                AafStructures.NONE);
    }

    /** Le même verdict, avec des raisons de refus en plus (trouvées en confrontant le lot à l'annexe 1). */
    public AafXmlCheck withProblems(List<String> more) {
        List<String> all = new java.util.ArrayList<>(problems);
        all.addAll(more);
        return new AafXmlCheck(fileName, bytes, lines, sha256, encoding, addRequests, modifyRequests, deleteRequests,
                all, structures);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public long entries() {
        return addRequests + modifyRequests + deleteRequests;
    }
}
