package fr.conventionent.aaf;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Minimisation des données : une livraison ne porte que les écoles de l'annexe 1 de la convention. Une école
 * déclarée (EtabEducNat) hors de l'annexe 1, ou une personne (Eleve, PersEducNat) rattachée à une telle école, fait
 * refuser le lot ; de même une personne rattachée à une structure que ni cette livraison ni les précédentes ne
 * déclarent, car rien ne dit alors qu'elle est dans l'annexe 1.
 *
 * @param annexUais UAI des écoles de l'annexe 1 (version en vigueur de la convention)
 * @param known     structures des livraisons précédentes déjà envoyées (jointure → UAI)
 */
public record AafAnnexScope(Set<String> annexUais, Map<String, String> known) {

    public AafAnnexScope {
        annexUais = Set.copyOf(annexUais);
        known = Map.copyOf(known);
    }

    public static AafAnnexScope of(Collection<String> annexUais) {
        return new AafAnnexScope(annexUais.stream().map(AafAnnexScope::normalize)
                .collect(java.util.stream.Collectors.toSet()), Map.of());
    }

    public AafAnnexScope withKnown(Map<String, String> structures) {
        return new AafAnnexScope(annexUais, structures);
    }

    /** Les structures connues après ce lot : celles des livraisons précédentes, puis celles qu'il déclare. */
    public Map<String, String> structuresWith(Collection<AafXmlCheck> checks) {
        Map<String, String> all = new LinkedHashMap<>(known);
        checks.forEach(check -> all.putAll(check.structures().declared()));
        return all;
    }

    /** Raisons de refus d'un fichier au regard de l'annexe 1 (vide s'il est conforme). */
    public List<String> problemsOf(AafXmlCheck check, Map<String, String> structures) {
        List<String> problems = new ArrayList<>();
        Set<String> foreign = new LinkedHashSet<>();
        check.structures().declared().values().stream().filter(uai -> !inAnnex(uai)).forEach(foreign::add);
        if (!foreign.isEmpty()) {
            problems.add((foreign.size() > 1 ? "écoles hors de l'annexe 1 de la convention : UAI "
                    : "école hors de l'annexe 1 de la convention : UAI ") + String.join(", ", limit(foreign))
                    + " ; ces données ne doivent pas être transmises à l'exploitant");
        }
        Set<String> foreignAttached = new LinkedHashSet<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (String structure : check.structures().referenced()) {
            String uai = structures.get(structure);
            if (uai == null) {
                unknown.add(structure);
            } else if (!inAnnex(uai)) {
                foreignAttached.add(uai);
            }
        }
        String people = people(check.fileName());
        if (!foreignAttached.isEmpty()) {
            problems.add(people + " rattachés à " + (foreignAttached.size() > 1 ? "des écoles" : "une école")
                    + " hors de l'annexe 1 de la convention : UAI " + String.join(", ", limit(foreignAttached)));
        }
        if (!unknown.isEmpty()) {
            problems.add(people + " rattachés à " + (unknown.size() > 1 ? "des structures inconnues" : "une structure inconnue")
                    + " (identifiant " + String.join(", ", limit(unknown)) + ") : ni cette livraison ni les précédentes"
                    + " ne la déclarent dans un fichier EtabEducNat, rien ne dit qu'elle est dans l'annexe 1");
        }
        return problems;
    }

    /**
     * Les UAI hors de l'annexe 1 qu'un fichier nomme : écoles qu'il déclare, écoles auxquelles il rattache des
     * personnes, dans l'ordre de lecture (vide s'il n'en nomme aucune). C'est ce que le registre des livraisons garde.
     */
    public Set<String> uaisOutside(AafXmlCheck check, Map<String, String> structures) {
        Set<String> outside = new LinkedHashSet<>();
        check.structures().declared().values().stream().filter(uai -> !inAnnex(uai)).forEach(outside::add);
        for (String structure : check.structures().referenced()) {
            String uai = structures.get(structure);
            if (uai != null && !inAnnex(uai)) {
                outside.add(uai);
            }
        }
        return outside;
    }

    private boolean inAnnex(String uai) {
        return annexUais.contains(normalize(uai));
    }

    private static String normalize(String uai) {
        return uai.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static String people(String fileName) {
        return fileName.contains("_PersEducNat_") ? "personnels" : "élèves";
    }

    /** Une liste lisible : les 20 premiers, puis leur nombre. */
    private static List<String> limit(Set<String> values) {
        List<String> shown = new ArrayList<>(values.stream().limit(20).toList());
        if (values.size() > 20) {
            shown.add("… " + values.size() + " en tout");
        }
        return shown;
    }
}
