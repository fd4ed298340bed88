package fr.conventionent.kernel;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Fins d'année scolaire, une par année scolaire, pour l'article 12 (l'ENT reste accessible
 * jusqu'à la fin de l'année scolaire en cours).
 *
 * <pre>
 * convention:
 *   annees-scolaires:
 *     2026-2027: 2027-07-03
 *     2027-2028: 2028-07-08
 * </pre>
 *
 * <p>La clé est l'année scolaire « AAAA-AAAA » (années consécutives) ; la valeur est le
 * dernier jour de l'année scolaire, inclus : la date « fin des cours / début des vacances
 * d'été » du calendrier scolaire national (arrêté publié au Journal officiel). Une année
 * absente suit la règle par défaut de {@link ConventionDates#schoolYearEnd(String)}.
 *
 * @param anneesScolaires fin (incluse) de chaque année scolaire configurée, jamais {@code null}
 */
@ConfigurationProperties(prefix = "convention")
public record SchoolYearProperties(Map<String, LocalDate> anneesScolaires) {

    private static final Pattern SCHOOL_YEAR = Pattern.compile("(\\d{4})-(\\d{4})");

    public SchoolYearProperties {
        Map<String, LocalDate> checked = new TreeMap<>();
        if (anneesScolaires != null) {
            anneesScolaires.forEach((schoolYear, end) -> {
                int endYear = endYearOf(schoolYear);
                if (end == null || end.getYear() != endYear) {
                    throw new IllegalArgumentException("convention.annees-scolaires." + schoolYear
                            + " : la fin de l'année scolaire doit tomber en " + endYear + " (reçu : " + end + ")");
                }
                checked.put(schoolYear, end);
            });
        }
        anneesScolaires = Map.copyOf(checked);
    }

    /** No school year configured: the default rule applies to every year. */
    public static SchoolYearProperties none() {
        return new SchoolYearProperties(Map.of());
    }

    /**
     * The second calendar year of a school year label ("2026-2027" gives 2027).
     *
     * @throws IllegalArgumentException if the label is not two consecutive years "AAAA-AAAA"
     */
    static int endYearOf(String schoolYear) {
        Matcher m = schoolYear == null ? null : SCHOOL_YEAR.matcher(schoolYear);
        if (m == null || !m.matches() || Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1) {
            throw new IllegalArgumentException("Année scolaire invalide : « " + schoolYear
                    + " » (attendu : deux années consécutives, par exemple 2026-2027)");
        }
        return Integer.parseInt(m.group(2));
    }
}
