package fr.conventionent.dashboard;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the dashboard page asks for, as kept in its address: the period of the history figures ({@code du},
 * {@code au}, inclusive), a département or circonscription, the grouping ({@code par}) and the threshold of stuck
 * conventions ({@code seuil}, in days). A bad value is refused with a French message, never guessed.
 */
public record DashboardFilter(LocalDate du, LocalDate au, String departement, String circonscription, String par,
                              int seuil) {

    public static final String PAR_DEPARTEMENT = "departement";
    public static final String PAR_CIRCONSCRIPTION = "circonscription";
    public static final int SEUIL_PAR_DEFAUT = 30;
    /** Longest period: beyond, the history has usually been cleaned up (historyTimeToLive). */
    public static final int ANNEES_MAX = 10;

    public static DashboardFilter of(Map<String, String> parameters, LocalDate today) {
        LocalDate au = date(parameters, "au", "date de fin de période", today);
        LocalDate du = date(parameters, "du", "date de début de période", au.minusYears(1).plusDays(1));
        if (du.isAfter(au)) {
            throw DashboardRequestException.badFilter("Période inversée : le « du » (" + du + ") est après le « au » ("
                    + au + ")");
        }
        if (du.isBefore(au.minusYears(ANNEES_MAX))) {
            throw DashboardRequestException.badFilter("Période trop longue : " + ANNEES_MAX + " ans au plus");
        }
        String departement = blankToNull(parameters.get("departement"));
        if (departement != null && !departement.matches("\\d{2}|2[AB]|97\\d")) {
            throw DashboardRequestException.badFilter("Département invalide : « " + departement
                    + " » (attendu : deux chiffres, par exemple 78)");
        }
        String circonscription = blankToNull(parameters.get("circonscription"));
        if (circonscription != null && !circonscription.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
            throw DashboardRequestException.badFilter("Circonscription invalide : « " + circonscription
                    + " » (attendu : son code, par exemple versailles)");
        }
        String par = blankToNull(parameters.get("par"));
        if (par != null && !par.equals(PAR_DEPARTEMENT) && !par.equals(PAR_CIRCONSCRIPTION)) {
            throw DashboardRequestException.badFilter("Regroupement inconnu : « " + par
                    + " » (attendu : departement ou circonscription)");
        }
        return new DashboardFilter(du, au, departement, circonscription, par == null ? PAR_DEPARTEMENT : par,
                seuil(parameters.get("seuil")));
    }

    /** The column of the {@code convention} table the figures are grouped by. */
    public String groupColumn() {
        return par.equals(PAR_CIRCONSCRIPTION) ? "circonscription" : "departement";
    }

    public String groupLabel() {
        return par.equals(PAR_CIRCONSCRIPTION) ? "Circonscription" : "Département";
    }

    /** The filters as query parameters (CSV file names, links). */
    public Map<String, String> asParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("du", du.toString());
        parameters.put("au", au.toString());
        if (departement != null) {
            parameters.put("departement", departement);
        }
        if (circonscription != null) {
            parameters.put("circonscription", circonscription);
        }
        parameters.put("par", par);
        parameters.put("seuil", Integer.toString(seuil));
        return parameters;
    }

    private static int seuil(String value) {
        String text = blankToNull(value);
        if (text == null) {
            return SEUIL_PAR_DEFAUT;
        }
        try {
            int days = Integer.parseInt(text);
            if (days < 1 || days > 3650) {
                throw DashboardRequestException.badFilter("Seuil hors limites : " + days
                        + " jours (entre 1 et 3650)");
            }
            return days;
        } catch (NumberFormatException e) {
            throw DashboardRequestException.badFilter("Nombre de jours attendu pour le seuil : « " + text + " »");
        }
    }

    private static LocalDate date(Map<String, String> parameters, String name, String label, LocalDate byDefault) {
        String value = blankToNull(parameters.get(name));
        if (value == null) {
            return byDefault;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw DashboardRequestException.badFilter("Date invalide pour la " + label + " : « " + value
                    + " » (attendu : AAAA-MM-JJ, par exemple 2026-01-31)");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
