package fr.conventionent.aaf.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Listes de valeurs pour fabriquer des personnes et des écoles fictives (prénoms et noms courants combinés au
 * hasard, communes de l'académie de Versailles). Aucune donnée réelle de personne : tout est tiré au sort.
 */
final class SyntheticData {

    static final List<String> GIVEN_NAMES_F = List.of("Emma", "Jade", "Louise", "Alice", "Chloé", "Léa", "Manon",
            "Inès", "Camille", "Zoé", "Léna", "Juliette", "Lina", "Rose", "Anaïs", "Maëlle", "Noémie", "Éloïse",
            "Agathe", "Clémence", "Hélène", "Sophie", "Nathalie", "Isabelle", "Céline", "Françoise", "Amélie",
            "Bérénice", "Capucine", "Margaux");
    static final List<String> GIVEN_NAMES_M = List.of("Gabriel", "Léo", "Raphaël", "Louis", "Arthur", "Jules",
            "Adam", "Lucas", "Hugo", "Nathan", "Théo", "Noé", "Mathis", "Enzo", "Maël", "Timéo", "Paul", "Éthan",
            "Noah", "Sacha", "Benoît", "François", "Jérôme", "Stéphane", "Thierry", "Grégoire", "Anaël", "Loïc",
            "Cédric", "Joël");
    static final List<String> FAMILY_NAMES = List.of("MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD",
            "DURAND", "DUBOIS", "MOREAU", "LAURENT", "SIMON", "MICHEL", "LEFEBVRE", "LEROY", "ROUX", "DAVID",
            "BERTRAND", "MOREL", "FOURNIER", "GIRARD", "BONNET", "DUPONT", "LAMBERT", "FONTAINE", "ROUSSEAU",
            "VINCENT", "MULLER", "LEFÈVRE", "FAURE", "ANDRÉ", "MERCIER", "BLANC", "GUÉRIN", "BOYER", "GARNIER",
            "CHEVALIER", "FRANÇOIS", "LEGRAND", "GAUTHIER", "GARCIA", "PERRIN", "ROBIN", "CLÉMENT", "MORIN",
            "NICOLAS", "HENRY", "ROUSSEL", "MATHIEU", "GAUTIER", "MASSON", "N'DIAYE", "LE GALL", "DA SILVA",
            "BENOÎT", "CHAUVIN", "LECLERC", "NOËL", "PICARD", "RENAUD", "BRUNET");
    static final List<String> STREET_NAMES = List.of("rue de la République", "avenue Jean Jaurès",
            "rue Victor Hugo", "allée des Tilleuls", "boulevard de la Reine", "rue Pasteur", "place du Marché",
            "chemin des Vignes", "rue du Général Leclerc", "impasse des Lilas", "rue de l'Église",
            "avenue de Paris", "rue des Écoles", "sente des Coquelicots", "quai de Seine");
    static final List<String> SCHOOL_NAMES = List.of("JULES FERRY", "JEAN JAURES", "VICTOR HUGO", "LOUIS PASTEUR",
            "JEAN MOULIN", "MARIE CURIE", "JACQUES PREVERT", "PAUL BERT", "LES TILLEULS", "LE PETIT PRINCE",
            "JEAN DE LA FONTAINE", "ANATOLE FRANCE", "GEORGE SAND", "LES CERISIERS", "ALBERT CAMUS", "COLETTE",
            "CHARLES PERRAULT", "LES COQUELICOTS", "PABLO PICASSO", "SAINT-EXUPERY");

    /** Communes de l'académie (département, code postal, nom) : le département donne le début de l'UAI. */
    record Town(String department, String postalCode, String name) {
    }

    static final List<Town> TOWNS = List.of(
            new Town("078", "78000", "VERSAILLES"), new Town("078", "78100", "SAINT-GERMAIN-EN-LAYE"),
            new Town("078", "78300", "POISSY"), new Town("078", "78200", "MANTES-LA-JOLIE"),
            new Town("091", "91000", "EVRY-COURCOURONNES"), new Town("091", "91300", "MASSY"),
            new Town("091", "91120", "PALAISEAU"), new Town("091", "91150", "ETAMPES"),
            new Town("092", "92000", "NANTERRE"), new Town("092", "92100", "BOULOGNE-BILLANCOURT"),
            new Town("092", "92700", "COLOMBES"), new Town("092", "92130", "ISSY-LES-MOULINEAUX"),
            new Town("095", "95000", "CERGY"), new Town("095", "95100", "ARGENTEUIL"),
            new Town("095", "95200", "SARCELLES"), new Town("095", "95300", "PONTOISE"));

    /** Niveaux du 1er degré : libellé court, libellé long, âge à la rentrée, code MEF fictif. */
    record Level(String shortLabel, String longLabel, int age, String mef) {
    }

    static final List<Level> LEVELS = List.of(
            new Level("PS", "PREMIERE ANNEE DE MATERNELLE", 3, "00010001110"),
            new Level("MS", "DEUXIEME ANNEE DE MATERNELLE", 4, "00010002110"),
            new Level("GS", "TROISIEME ANNEE DE MATERNELLE", 5, "00010003110"),
            new Level("CP", "COURS PREPARATOIRE", 6, "00110001110"),
            new Level("CE1", "COURS ELEMENTAIRE PREMIERE ANNEE", 7, "00210001110"),
            new Level("CE2", "COURS ELEMENTAIRE DEUXIEME ANNEE", 8, "00210002110"),
            new Level("CM1", "COURS MOYEN PREMIERE ANNEE", 9, "00310001110"),
            new Level("CM2", "COURS MOYEN DEUXIEME ANNEE", 10, "00310002110"));

    private SyntheticData() {
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static String digits(SplittableRandom random, int count) {
        StringBuilder sb = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    /** Partie locale d'adresse mail : minuscules sans accents ni espaces. */
    static String mailLocalPart(String givenName, String familyName) {
        String raw = (givenName + '.' + familyName).toLowerCase(java.util.Locale.ROOT);
        String ascii = java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.replaceAll("[^a-z0-9.]", "");
    }
}
