package fr.conventionent.dashboard;

import static fr.conventionent.dashboard.CircuitStatistics.line;
import static fr.conventionent.dashboard.CircuitStatistics.orUnknown;
import static fr.conventionent.dashboard.DashboardTable.column;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.kernel.ConventionDates;

/**
 * Conventions waiting on the same step for more than the threshold, from what the {@code convention} table keeps of
 * each one's current step ({@code etape}, {@code etape_depuis}; index {@code convention_etape}).
 */
@Repository
public class StuckConventions {

    /** Lines of the list: the oldest first; the count per step counts them all. */
    static final int LIST_MAX = 1000;

    private final NamedParameterJdbcTemplate jdbc;

    public StuckConventions(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public DashboardTable perStep(DashboardScope scope, Instant now) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        String where = stuck(scope, now, parameters);
        List<Map<String, Object>> lines = jdbc.query("SELECT etape, COUNT(*) AS nombre FROM convention WHERE " + where
                + " GROUP BY etape ORDER BY COUNT(*) DESC, etape", parameters,
                (rs, row) -> line("etape", orUnknown(rs.getString("etape")), "nombre", rs.getLong("nombre")));
        return new DashboardTable("Conventions bloquées par étape", "Conventions en préparation ou dans le circuit qui"
                + " attendent à la même étape depuis plus de " + scope.filter().seuil() + " jours.",
                List.of(column("etape", "Étape en attente"), column("nombre", "Conventions")), lines);
    }

    public DashboardTable list(DashboardScope scope, Instant now) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        String where = stuck(scope, now, parameters);
        parameters.addValue("limite", LIST_MAX);
        List<Map<String, Object>> lines = jdbc.query("SELECT numero, commune_nom, commune_insee, departement,"
                + " circonscription, etape, etape_depuis FROM convention WHERE " + where
                + " ORDER BY etape_depuis, numero LIMIT :limite", parameters, (rs, row) -> {
                    Instant since = rs.getTimestamp("etape_depuis").toInstant();
                    return line("numero", rs.getString("numero"),
                            "commune", rs.getString("commune_nom") + " (" + rs.getString("commune_insee") + ")",
                            "departement", orUnknown(rs.getString("departement")),
                            "circonscription", orUnknown(rs.getString("circonscription")),
                            "etape", orUnknown(rs.getString("etape")),
                            "depuis", since.atZone(ConventionDates.ZONE).toLocalDate().toString(),
                            "jours", ChronoUnit.DAYS.between(since, now),
                            "lien", "/registre/#" + rs.getString("numero"));
                });
        withSchoolsCirconscriptions(lines);
        return new DashboardTable("Conventions bloquées", "Les " + LIST_MAX + " plus anciennes au plus, en attente"
                + " depuis plus de " + scope.filter().seuil() + " jours ; chaque numéro ouvre sa fiche dans le registre.",
                List.of(column("numero", "Numéro"), column("commune", "Commune"), column("departement", "Département"),
                        column("circonscription", "Circonscription"), column("etape", "Étape en attente"),
                        column("depuis", "Depuis le"), column("jours", "Jours d'attente"), column("lien", "Lien")),
                lines);
    }

    /** The circonscriptions of the schools of each listed convention, in place of the commune's. */
    private void withSchoolsCirconscriptions(List<Map<String, Object>> lines) {
        if (lines.isEmpty()) {
            return;
        }
        Map<String, List<String>> perConvention = new HashMap<>();
        jdbc.query("SELECT numero, circonscription FROM circonscription_convention WHERE numero IN (:numeros)"
                + " ORDER BY numero, circonscription", new MapSqlParameterSource("numeros",
                lines.stream().map(line -> line.get("numero")).toList()), rs -> {
                    perConvention.computeIfAbsent(rs.getString("numero"), n -> new ArrayList<>())
                            .add(rs.getString("circonscription"));
                });
        lines.forEach(line -> {
            List<String> circonscriptions = perConvention.get((String) line.get("numero"));
            if (circonscriptions != null) {
                line.put("circonscription", String.join(", ", circonscriptions));
            }
        });
    }

    private static String stuck(DashboardScope scope, Instant now, MapSqlParameterSource parameters) {
        parameters.addValue("enCours", List.of(ConventionProcess.STATUT_EN_PREPARATION,
                ConventionProcess.STATUT_DANS_LE_CIRCUIT));
        parameters.addValue("avant", Timestamp.from(now.minus(scope.filter().seuil(), ChronoUnit.DAYS)));
        return "statut IN (:enCours) AND etape_depuis < :avant AND " + scope.conventions(parameters);
    }
}
