package fr.conventionent.aaf;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Ce qu'un fichier dit des structures (les écoles), relevé pendant sa lecture en flux : celles qu'un fichier
 * EtabEducNat déclare (identifiant de jointure → UAI) et celles auxquelles un fichier Eleve ou PersEducNat rattache
 * des personnes (identifiants de jointure). Petits ensembles : une commune a quelques dizaines d'écoles.
 *
 * @param declared   jointure → UAI, dans l'ordre de lecture
 * @param referenced jointures des structures de rattachement, dans l'ordre de lecture
 */
public record AafStructures(Map<String, String> declared, Set<String> referenced) {

    public static final AafStructures NONE = new AafStructures(Map.of(), Set.of());

    public AafStructures {
        declared = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(declared));
        referenced = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(referenced));
    }
}
