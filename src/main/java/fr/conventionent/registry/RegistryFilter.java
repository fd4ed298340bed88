package fr.conventionent.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.conventionent.convention.ConventionProcess;

/**
 * What the registry page asks for: filters, sort, page. Built from the request's parameters; a bad value is refused
 * with a French message ({@link InvalidRegistryRequestException}), never guessed.
 */
public record RegistryFilter(String statut, String departement, String circonscription, Integer renouveleeSousJours,
                             Integer bloqueeDepuisJours, String recherche, String tri, boolean descendant, int page,
                             int taille) {

    public static final int TAILLE_PAR_DEFAUT = 50;
    public static final int TAILLE_MAX = 500;

    public static final List<String> STATUTS = List.of(ConventionProcess.STATUT_EN_PREPARATION,
            ConventionProcess.STATUT_DANS_LE_CIRCUIT, ConventionProcess.STATUT_EN_VIGUEUR,
            ConventionProcess.STATUT_EN_PREAVIS, ConventionProcess.STATUT_RESILIEE, ConventionProcess.STATUT_TERMINEE);

    /** Sort keys of the page → ORDER BY of the query (the convention number breaks ties). */
    static final Map<String, String> TRIS = new LinkedHashMap<>();

    static {
        TRIS.put("numero", "numero");
        TRIS.put("commune", "commune_nom");
        TRIS.put("departement", "departement");
        TRIS.put("circonscription", "circonscription");
        TRIS.put("statut", "statut");
        TRIS.put("signature", "date_signature");
        TRIS.put("anniversaire", "prochain_anniversaire");
        TRIS.put("limite", "limite_denonciation");
        TRIS.put("etape", "etape_depuis");
        TRIS.put("version", "version");
        TRIS.put("aaf", "aaf_derniere");
        TRIS.put("comite", "prochain_comite");
    }

    public static RegistryFilter of(Map<String, String> parameters) {
        String statut = blankToNull(parameters.get("statut"));
        if (statut != null && !STATUTS.contains(statut)) {
            throw new InvalidRegistryRequestException("Statut inconnu : « " + statut + " » (attendu : "
                    + String.join(", ", STATUTS) + ")");
        }
        String departement = blankToNull(parameters.get("departement"));
        if (departement != null && !departement.matches("\\d{2}|2[AB]|97\\d")) {
            throw new InvalidRegistryRequestException("Département invalide : « " + departement + " »");
        }
        String tri = blankToNull(parameters.get("tri"));
        if (tri != null && !TRIS.containsKey(tri)) {
            throw new InvalidRegistryRequestException("Tri inconnu : « " + tri + " » (attendu : "
                    + String.join(", ", TRIS.keySet()) + ")");
        }
        String ordre = blankToNull(parameters.get("ordre"));
        if (ordre != null && !ordre.equals("asc") && !ordre.equals("desc")) {
            throw new InvalidRegistryRequestException("Ordre de tri inconnu : « " + ordre + " » (asc ou desc)");
        }
        int taille = number(parameters, "taille", "taille de page", 1, TAILLE_MAX, TAILLE_PAR_DEFAUT);
        return new RegistryFilter(statut, departement, blankToNull(parameters.get("circonscription")),
                optionalNumber(parameters, "renouveleeSousJours", "« reconduite dans les N jours »"),
                optionalNumber(parameters, "bloqueeDepuisJours", "« bloquée depuis plus de N jours »"),
                blankToNull(parameters.get("recherche")), tri == null ? "numero" : tri, "desc".equals(ordre),
                number(parameters, "page", "numéro de page", 0, Integer.MAX_VALUE, 0), taille);
    }

    /** The same filters and sort, every row (exports). */
    public RegistryFilter allRows() {
        return new RegistryFilter(statut, departement, circonscription, renouveleeSousJours, bloqueeDepuisJours,
                recherche, tri, descendant, 0, Integer.MAX_VALUE);
    }

    String orderBy() {
        String direction = descendant ? " DESC" : " ASC";
        String column = TRIS.get(tri);
        return column.equals("numero") ? "numero" + direction : column + direction + " NULLS LAST, numero ASC";
    }

    private static Integer optionalNumber(Map<String, String> parameters, String name, String label) {
        String value = blankToNull(parameters.get(name));
        return value == null ? null : number(parameters, name, label, 0, 36500, 0);
    }

    private static int number(Map<String, String> parameters, String name, String label, int min, int max,
                              int byDefault) {
        String value = blankToNull(parameters.get(name));
        if (value == null) {
            return byDefault;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw new InvalidRegistryRequestException("Valeur hors limites pour " + label + " : " + value
                        + " (entre " + min + " et " + max + ")");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new InvalidRegistryRequestException("Nombre attendu pour " + label + " : « " + value + " »");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
