package fr.conventionent.incident;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lists of the incident forms: codes are stored in the variables, labels are shown to people.
 * The forms carry the same codes ({@code IncidentFormsTest} keeps them in step).
 */
public final class IncidentLists {

    /** What happened (start form, {@code typeIncident}). */
    public static final Map<String, String> TYPES = ordered(
            "intrusion", "Intrusion ou compte compromis",
            "fuite-donnees", "Fuite ou divulgation de données",
            "perte-vol", "Perte ou vol de matériel ou de support",
            "logiciel-malveillant", "Logiciel malveillant ou rançongiciel",
            "hameconnage", "Hameçonnage (phishing)",
            "indisponibilite", "Indisponibilité du service",
            "usage-abusif", "Contenu illicite ou usage abusif (protection des mineurs)",
            "autre", "Autre incident");

    /** Article 6: the three fields of competence ({@code competence}), with examples the form shows. */
    public static final Map<String, String> COMPETENCES = ordered(
            IncidentProcess.ACADEMIE, "Champ de l'académie",
            IncidentProcess.PARTAGE, "Champ partagé entre l'académie et la commune",
            IncidentProcess.COMMUNE, "Champ de la commune");

    /** Who notifies the CNIL in the shared field ({@code notifiantCnil}). */
    public static final Map<String, String> NOTIFIANTS_CNIL = ordered(
            IncidentProcess.ACADEMIE, "L'académie (son délégué à la protection des données)",
            IncidentProcess.COMMUNE, "La commune (ses agents, avec son délégué à la protection des données)");

    /** Severity given by the RSSI ({@code gravite}). */
    public static final Map<String, String> GRAVITES = ordered(
            "faible", "Faible",
            "moyenne", "Moyenne",
            "elevee", "Élevée",
            "critique", "Critique");

    /** Scope given by the RSSI ({@code perimetre}): who or what is affected. */
    public static final Map<String, String> PERIMETRES = ordered(
            "ecoles", "Une ou plusieurs écoles de la commune",
            "commune", "Tout l'ENT de la commune",
            "plusieurs-communes", "Plusieurs communes",
            "academie", "Toute l'académie");

    private IncidentLists() {
    }

    /** The label of a code, or the code itself if the list does not know it. */
    public static String label(Map<String, String> list, Object code) {
        return list.getOrDefault(String.valueOf(code), String.valueOf(code));
    }

    private static Map<String, String> ordered(String... codesAndLabels) {
        Map<String, String> list = new LinkedHashMap<>();
        for (int i = 0; i < codesAndLabels.length; i += 2) {
            list.put(codesAndLabels[i], codesAndLabels[i + 1]);
        }
        return Collections.unmodifiableMap(list);
    }
}
