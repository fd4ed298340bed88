package fr.conventionent.dashboard;

import static fr.conventionent.dashboard.CircuitStatistics.line;
import static fr.conventionent.dashboard.CircuitStatistics.orUnknown;
import static fr.conventionent.dashboard.DashboardTable.column;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.identity.Commune;
import fr.conventionent.identity.CommuneDirectory;
import fr.conventionent.identity.SchoolDirectory;

/**
 * How many communes of the referential have a convention in force (or under notice), one in preparation or in the
 * circuit, only ended ones, or none; and how many schools (UAI) the conventions in force cover. The database gives
 * each commune's best standing (one row per commune that has a convention); the referential, already in memory,
 * gives the communes that have none.
 */
@Repository
public class Coverage {

    static final int EN_VIGUEUR = 3;
    static final int DANS_LE_CIRCUIT = 2;
    static final int TERMINEE = 1;

    private final NamedParameterJdbcTemplate jdbc;
    private final CommuneDirectory communes;
    private final SchoolDirectory schools;

    public Coverage(NamedParameterJdbcTemplate jdbc, CommuneDirectory communes, SchoolDirectory schools) {
        this.jdbc = jdbc;
        this.communes = communes;
        this.schools = schools;
    }

    public DashboardTable communes(DashboardScope scope) {
        boolean byCirconscription = scope.filter().par().equals(DashboardFilter.PAR_CIRCONSCRIPTION);
        Map<String, Integer> standing = standing(scope, byCirconscription);
        Map<String, long[]> perGroup = new TreeMap<>();
        for (Commune commune : communes.all()) {
            List<String> circonscriptions = schools.circonscriptionsOf(commune);
            if (byCirconscription) {
                // a commune split between circonscriptions counts in each, by the conventions with a school there
                for (String circonscription : circonscriptions) {
                    if (scope.showsGroup(circonscription, commune.departement())) {
                        perGroup.computeIfAbsent(orUnknown(circonscription), g -> new long[4])
                                [standing.getOrDefault(commune.insee() + " " + circonscription, 0)]++;
                    }
                }
            } else if (scope.counts(commune, circonscriptions)) {
                perGroup.computeIfAbsent(orUnknown(commune.departement()), g -> new long[4])
                        [standing.getOrDefault(commune.insee(), 0)]++;
            }
        }
        Map<String, Long> schools = byCirconscription ? schoolsPerCirconscription(scope) : schoolsPerDepartement(scope);
        List<Map<String, Object>> lines = new ArrayList<>();
        perGroup.forEach((group, counts) -> {
            long total = counts[0] + counts[1] + counts[2] + counts[3];
            lines.add(line("groupe", group, "enVigueur", counts[EN_VIGUEUR], "dansLeCircuit", counts[DANS_LE_CIRCUIT],
                    "terminee", counts[TERMINEE], "aucune", counts[0], "communes", total,
                    "tauxCouverture", percent(counts[EN_VIGUEUR], total), "ecoles", schools.getOrDefault(group, 0L)));
        });
        return new DashboardTable("Couverture des communes", "Communes du référentiel de l'académie selon leur"
                + " convention la plus avancée (en vigueur, préavis compris ; en préparation ou dans le circuit ;"
                + " terminée ou résiliée ; aucune), et écoles (UAI) couvertes par une convention en vigueur. Par"
                + " circonscription, une commune partagée compte dans chacune, selon ses conventions ayant une école"
                + " dans celle-ci.",
                List.of(column("groupe", scope.filter().groupLabel()), column("enVigueur", "En vigueur"),
                        column("dansLeCircuit", "Dans le circuit"), column("terminee", "Terminée"),
                        column("aucune", "Aucune convention"), column("communes", "Communes"),
                        column("tauxCouverture", "Couverture (%)"), column("ecoles", "Écoles couvertes")), lines);
    }

    /**
     * Each commune's best standing among the conventions in scope, by commune, or by commune and circonscription
     * of a school of the convention (key: INSEE code, a space, the circonscription).
     */
    private Map<String, Integer> standing(DashboardScope scope, boolean byCirconscription) {
        MapSqlParameterSource parameters = statuses();
        String rank = "MAX(CASE WHEN statut IN (:enVigueur) THEN 3 WHEN statut IN (:enCours) THEN 2 ELSE 1 END)";
        Map<String, Integer> standing = new HashMap<>();
        if (byCirconscription) {
            jdbc.query("SELECT c.commune_insee, cc.circonscription, " + rank + " AS rang FROM (SELECT numero AS n,"
                    + " commune_insee, statut FROM convention WHERE " + scope.conventions(parameters) + ") c"
                    + " JOIN circonscription_convention cc ON cc.numero = c.n"
                    + " GROUP BY c.commune_insee, cc.circonscription", parameters, rs -> {
                        standing.put(rs.getString("commune_insee") + " " + rs.getString("circonscription"),
                                rs.getInt("rang"));
                    });
        } else {
            jdbc.query("SELECT commune_insee, " + rank + " AS rang FROM convention WHERE "
                    + scope.conventions(parameters) + " GROUP BY commune_insee", parameters, rs -> {
                        standing.put(rs.getString("commune_insee"), rs.getInt("rang"));
                    });
        }
        return standing;
    }

    /** Distinct schools of the version in force of each convention in force, per département. */
    private Map<String, Long> schoolsPerDepartement(DashboardScope scope) {
        MapSqlParameterSource parameters = statuses();
        Map<String, Long> schools = new HashMap<>();
        jdbc.query("SELECT c.d AS groupe, COUNT(DISTINCT e.uai) AS ecoles FROM " + inForce(scope, parameters)
                + " JOIN convention_ecole e ON e.numero = c.n AND e.version = c.v GROUP BY c.d", parameters, rs -> {
                    schools.put(orUnknown(rs.getString("groupe")), rs.getLong("ecoles"));
                });
        return schools;
    }

    /** The same per circonscription of each school (the referential's), among the groups the scope shows. */
    private Map<String, Long> schoolsPerCirconscription(DashboardScope scope) {
        MapSqlParameterSource parameters = statuses();
        Map<String, Set<String>> uais = new HashMap<>();
        jdbc.query("SELECT DISTINCT e.uai, c.insee, c.d FROM " + inForce(scope, parameters)
                + " JOIN convention_ecole e ON e.numero = c.n AND e.version = c.v", parameters, rs -> {
                    Commune commune = communes.find(rs.getString("insee")).orElse(null);
                    String circonscription = commune == null ? null
                            : schools.circonscriptionOf(rs.getString("uai"), commune);
                    if (circonscription != null && scope.showsGroup(circonscription, rs.getString("d"))) {
                        uais.computeIfAbsent(circonscription, c -> new HashSet<>()).add(rs.getString("uai"));
                    }
                });
        Map<String, Long> schoolsCount = new HashMap<>();
        uais.forEach((circonscription, set) -> schoolsCount.put(circonscription, (long) set.size()));
        return schoolsCount;
    }

    /** The conventions in force in scope, as a table {@code c} (n: number, v: version, d: département, insee). */
    private static String inForce(DashboardScope scope, MapSqlParameterSource parameters) {
        return "(SELECT numero AS n, version AS v, departement AS d, commune_insee AS insee FROM convention"
                + " WHERE statut IN (:enVigueur) AND " + scope.conventions(parameters) + ") c";
    }

    private static MapSqlParameterSource statuses() {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        parameters.addValue("enVigueur", List.of(ConventionProcess.STATUT_EN_VIGUEUR,
                ConventionProcess.STATUT_EN_PREAVIS));
        parameters.addValue("enCours", List.of(ConventionProcess.STATUT_EN_PREPARATION,
                ConventionProcess.STATUT_DANS_LE_CIRCUIT));
        return parameters;
    }

    static BigDecimal percent(long part, long total) {
        return total == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(part * 100.0 / total).setScale(1, RoundingMode.HALF_UP);
    }
}
