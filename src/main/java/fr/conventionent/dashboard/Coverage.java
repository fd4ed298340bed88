package fr.conventionent.dashboard;

import static fr.conventionent.dashboard.CircuitStatistics.line;
import static fr.conventionent.dashboard.CircuitStatistics.orUnknown;
import static fr.conventionent.dashboard.DashboardTable.column;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.identity.Commune;
import fr.conventionent.identity.CommuneDirectory;

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

    public Coverage(NamedParameterJdbcTemplate jdbc, CommuneDirectory communes) {
        this.jdbc = jdbc;
        this.communes = communes;
    }

    public DashboardTable communes(DashboardScope scope) {
        MapSqlParameterSource parameters = statuses();
        Map<String, Integer> standing = new HashMap<>();
        jdbc.query("SELECT commune_insee, MAX(CASE WHEN statut IN (:enVigueur) THEN 3 WHEN statut IN (:enCours)"
                + " THEN 2 ELSE 1 END) AS rang FROM convention WHERE " + scope.conventions(parameters)
                + " GROUP BY commune_insee", parameters, rs -> {
                    standing.put(rs.getString("commune_insee"), rs.getInt("rang"));
                });
        Map<String, long[]> perGroup = new TreeMap<>();
        boolean byCirconscription = scope.filter().par().equals(DashboardFilter.PAR_CIRCONSCRIPTION);
        for (Commune commune : communes.all()) {
            if (!scope.counts(commune)) {
                continue;
            }
            String group = orUnknown(byCirconscription ? commune.circonscription() : commune.departement());
            long[] counts = perGroup.computeIfAbsent(group, g -> new long[4]);
            counts[standing.getOrDefault(commune.insee(), 0)]++;
        }
        Map<String, Long> schools = schools(scope);
        List<Map<String, Object>> lines = new ArrayList<>();
        perGroup.forEach((group, counts) -> {
            long total = counts[0] + counts[1] + counts[2] + counts[3];
            lines.add(line("groupe", group, "enVigueur", counts[EN_VIGUEUR], "dansLeCircuit", counts[DANS_LE_CIRCUIT],
                    "terminee", counts[TERMINEE], "aucune", counts[0], "communes", total,
                    "tauxCouverture", percent(counts[EN_VIGUEUR], total), "ecoles", schools.getOrDefault(group, 0L)));
        });
        return new DashboardTable("Couverture des communes", "Communes du référentiel de l'académie selon leur"
                + " convention la plus avancée (en vigueur, préavis compris ; en préparation ou dans le circuit ;"
                + " terminée ou résiliée ; aucune), et écoles (UAI) couvertes par une convention en vigueur.",
                List.of(column("groupe", scope.filter().groupLabel()), column("enVigueur", "En vigueur"),
                        column("dansLeCircuit", "Dans le circuit"), column("terminee", "Terminée"),
                        column("aucune", "Aucune convention"), column("communes", "Communes"),
                        column("tauxCouverture", "Couverture (%)"), column("ecoles", "Écoles couvertes")), lines);
    }

    /** Distinct schools of the version in force of each convention in force, per group. */
    private Map<String, Long> schools(DashboardScope scope) {
        MapSqlParameterSource parameters = statuses();
        String group = scope.filter().groupColumn();
        Map<String, Long> schools = new HashMap<>();
        jdbc.query("SELECT " + group + " AS groupe, COUNT(DISTINCT e.uai) AS ecoles FROM convention c"
                + " JOIN convention_ecole e ON e.numero = c.numero AND e.version = c.version"
                + " WHERE statut IN (:enVigueur) AND " + scope.conventions(parameters) + " GROUP BY " + group,
                parameters, rs -> {
                    schools.put(orUnknown(rs.getString("groupe")), rs.getLong("ecoles"));
                });
        return schools;
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
