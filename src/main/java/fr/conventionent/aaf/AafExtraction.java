package fr.conventionent.aaf;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Ce qu'on attend d'un envoi : préfixe convenu avec l'académie, type (Complet/Delta) et date d'extraction.
 * Sert de référence à toutes les vérifications de noms et de contenu.
 */
public record AafExtraction(String prefix, AafFileType type, LocalDate date) {

    public AafExtraction {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(date, "date");
        if (!AafFileName.isValidPrefix(prefix)) {
            throw new IllegalArgumentException("préfixe invalide : « " + prefix + " »");
        }
    }

    /** Nom du n-ième fichier d'une catégorie pour cette extraction. */
    public AafFileName fileName(AafCategory category, int number) {
        return new AafFileName(prefix, type, date, category, number);
    }

    /** Forme courte, utilisée dans les noms de dossiers et les messages : {@code <préfixe>_<type>_<aaaammjj>}. */
    public String label() {
        return prefix + '_' + type.label() + '_' + AafFileName.DATE_FORMAT.format(date);
    }
}
