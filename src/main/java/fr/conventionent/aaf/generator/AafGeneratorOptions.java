package fr.conventionent.aaf.generator;

import fr.conventionent.aaf.AafExtraction;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Paramètres du générateur.
 *
 * @param extraction        préfixe, type (Complet/Delta) et date : donnent les noms des fichiers
 * @param pupils            nombre d'élèves de la population ; écoles, personnels et parents en découlent
 * @param seed              graine : mêmes paramètres, mêmes fichiers octet pour octet
 * @param maxEntriesPerFile au-delà, la catégorie passe au fichier de numéro suivant
 * @param encoding          encodage déclaré et utilisé (UTF-8 ou ISO-8859-15 comme dans les envois réels)
 * @param schoolUais        UAI des écoles, une école par UAI, élèves répartis entre elles (ceux de l'annexe 1 d'une
 *                          convention, par exemple) ; vide : 150 élèves par école, UAI tirés au hasard
 */
public record AafGeneratorOptions(AafExtraction extraction, int pupils, long seed, int maxEntriesPerFile,
                                  Charset encoding, List<String> schoolUais) {

    public static final int DEFAULT_MAX_ENTRIES_PER_FILE = 50_000;

    public AafGeneratorOptions {
        Objects.requireNonNull(extraction, "extraction");
        Objects.requireNonNull(encoding, "encoding");
        if (pupils < 1) {
            throw new IllegalArgumentException("il faut au moins un élève");
        }
        if (maxEntriesPerFile < 1) {
            throw new IllegalArgumentException("au moins une entrée par fichier");
        }
        schoolUais = List.copyOf(schoolUais);
        if (schoolUais.size() > pupils) {
            throw new IllegalArgumentException("au moins un élève par école");
        }
    }

    public AafGeneratorOptions(AafExtraction extraction, int pupils, long seed, int maxEntriesPerFile, Charset encoding) {
        this(extraction, pupils, seed, maxEntriesPerFile, encoding, List.of());
    }

    public AafGeneratorOptions(AafExtraction extraction, int pupils, long seed) {
        this(extraction, pupils, seed, DEFAULT_MAX_ENTRIES_PER_FILE, StandardCharsets.UTF_8);
    }

    public AafGeneratorOptions withMaxEntriesPerFile(int max) {
        return new AafGeneratorOptions(extraction, pupils, seed, max, encoding, schoolUais);
    }

    /** Les écoles portent ces UAI (dans cet ordre) ; les élèves sont répartis entre elles. */
    public AafGeneratorOptions withSchoolUais(List<String> uais) {
        return new AafGeneratorOptions(extraction, pupils, seed, maxEntriesPerFile, encoding, uais);
    }

    public AafGeneratorOptions withEncoding(Charset charset) {
        return new AafGeneratorOptions(extraction, pupils, seed, maxEntriesPerFile, charset, schoolUais);
    }
}
