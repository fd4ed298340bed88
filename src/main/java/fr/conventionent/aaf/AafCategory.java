package fr.conventionent.aaf;

import java.util.Arrays;
import java.util.Optional;

/**
 * Catégories de fichiers AAF 1er degré (Annexe 2 §2). L'ordre de déclaration est l'ordre d'écriture
 * dans le bordereau, pour qu'il soit déterministe.
 */
public enum AafCategory {
    ELEVE("Eleve"),
    ETAB_EDUC_NAT("EtabEducNat"),
    PERS_EDUC_NAT("PersEducNat"),
    PERS_REL_ELEVE("PersRelEleve");

    private final String label;

    AafCategory(String label) {
        this.label = label;
    }

    /** Libellé exact dans le nom de fichier ; c'est aussi la valeur de categoriePersonne / categorieStructure. */
    public String label() {
        return label;
    }

    public static Optional<AafCategory> fromLabel(String label) {
        return Arrays.stream(values()).filter(c -> c.label.equals(label)).findFirst();
    }
}
