package fr.conventionent.dashboard;

import static fr.conventionent.dashboard.CircuitStatistics.line;
import static fr.conventionent.dashboard.CircuitStatistics.orUnknown;
import static fr.conventionent.dashboard.DashboardTable.column;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.conventionent.aaf.process.AafRunLog;
import fr.conventionent.aaf.process.AafRunReport;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.registry.Viewer;

/**
 * The health of the AAF deliveries, from the runs' outcomes counted per day, exploitant and place as each run ended
 * ({@code livraison_aaf_jour}, a few rows per day instead of one per run): per week and exploitant, the runs that sent
 * (or had already sent), found no file, or failed, by cause. Weeks are made here from the days, so that any period
 * counts exactly its days.
 */
@Repository
public class AafHealth {

    private static final String[] COUNTS = {"livraisons", "envoyees", "sansFichier", "fichiersRefuses",
        "uaiHorsAnnexe", "sftpInjoignable", "autresEchecs"};

    private final NamedParameterJdbcTemplate jdbc;

    public AafHealth(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public DashboardTable perWeek(DashboardScope scope) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        parameters.addValue("du", Date.valueOf(scope.filter().du()));
        parameters.addValue("au", Date.valueOf(scope.filter().au()));
        String places = counters(scope, parameters);
        // key: Monday of the week, then exploitant
        Map<LocalDate, Map<String, long[]>> perWeek = new TreeMap<>();
        jdbc.query("SELECT jour, exploitant, resultat, cause, SUM(nombre) AS nombre FROM livraison_aaf_jour"
                + " WHERE jour >= :du AND jour <= :au AND " + places
                + " GROUP BY jour, exploitant, resultat, cause", parameters, rs -> {
                    LocalDate monday = rs.getDate("jour").toLocalDate()
                            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    long[] counts = perWeek.computeIfAbsent(monday, week -> new TreeMap<>())
                            .computeIfAbsent(orUnknown(blankToNull(rs.getString("exploitant"))), e -> new long[COUNTS.length]);
                    long number = rs.getLong("nombre");
                    counts[0] += number;
                    counts[slot(rs.getString("resultat"), rs.getString("cause"))] += number;
                });
        List<Map<String, Object>> lines = new ArrayList<>();
        perWeek.forEach((monday, perOperator) -> perOperator.forEach((operator, counts) -> {
            Map<String, Object> line = line("semaine", "Semaine du " + FrenchFormats.longDate(monday),
                    "exploitant", operator);
            for (int i = 0; i < COUNTS.length; i++) {
                line.put(COUNTS[i], counts[i]);
            }
            lines.add(line);
        }));
        return new DashboardTable("Santé des livraisons AAF", "Livraisons AAF terminées entre le "
                + FrenchFormats.longDate(scope.filter().du()) + " et le " + FrenchFormats.longDate(scope.filter().au())
                + ", par semaine et par exploitant : envoyées, sans fichier du jour, et échecs par cause (une livraison"
                + " en échec SFTP l'est une fois ses nouveaux essais épuisés).",
                List.of(column("semaine", "Semaine"), column("exploitant", "Exploitant"),
                        column("livraisons", "Livraisons"), column("envoyees", "Envoyées"),
                        column("sansFichier", "Sans fichier"), column("fichiersRefuses", "Échec : fichiers refusés"),
                        column("uaiHorsAnnexe", "Échec : UAI hors annexe 1"),
                        column("sftpInjoignable", "Échec : SFTP injoignable"),
                        column("autresEchecs", "Échec : autre cause")), lines);
    }

    /**
     * The counters that count each run once for this scope: the académie's when nothing narrows the figures, the
     * départements' for a département (filter, or an IA-DASEN's or IEN TICE's), else those of the circonscriptions
     * the scope keeps (a run counts in each circonscription of a school of its convention).
     */
    private static String counters(DashboardScope scope, MapSqlParameterSource parameters) {
        Viewer viewer = scope.viewer();
        DashboardFilter filter = scope.filter();
        if (filter.circonscription() != null || (!viewer.seesAll() && viewer.departements().isEmpty())) {
            return "niveau = 'C' AND " + scope.places(parameters);
        }
        if (filter.departement() != null || !viewer.seesAll()) {
            return "niveau = 'D' AND " + scope.places(parameters);
        }
        return "niveau = 'A'";
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static int slot(String result, String cause) {
        if (AafRunReport.Result.ENVOYE.code().equals(result) || AafRunReport.Result.DEJA_LIVRE.code().equals(result)) {
            return 1;
        }
        if (AafRunReport.Result.AUCUN_FICHIER.code().equals(result)) {
            return 2;
        }
        if (AafRunLog.FICHIERS_REFUSES.equals(cause)) {
            return 3;
        }
        if (AafRunLog.UAI_HORS_ANNEXE.equals(cause)) {
            return 4;
        }
        return AafRunLog.SFTP_INJOIGNABLE.equals(cause) ? 5 : 6;
    }
}
