package fr.conventionent.dashboard;

import static fr.conventionent.dashboard.DashboardTable.column;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.conventionent.convention.ConventionLife;

/**
 * How long each step of the circuit takes: the median and the 9th decile ({@code PERCENTILE_CONT}'s definition, a
 * linear interpolation between two ranks) of the steps' durations in whole days, rounded to the nearest day. Read
 * from the monthly counters ({@code etape_duree_mois}, {@link StepDurationCounters}) for the whole months of the
 * period, and from {@code etape_terminee} for its days before the first and after the last whole month; the steps of
 * cancelled or unlisted conventions, counted in the months, are taken out again. The académie per circonscription is
 * computed step by step, with the same definition.
 */
@Repository
public class StepDurations {

    /** The steps once per circonscription of a school of their convention. */
    private static final String SCHOOLS_CIRCONSCRIPTION = "circonscription_ecole";
    private static final String STEPS_PER_CIRCONSCRIPTION = "(SELECT t.*, COALESCE(cc.circonscription,"
            + " t.circonscription) AS " + SCHOOLS_CIRCONSCRIPTION + " FROM etape_terminee t LEFT JOIN convention c"
            + " ON c.process_instance_id = t.instance_convention LEFT JOIN circonscription_convention cc"
            + " ON cc.numero = c.numero) s";

    private final NamedParameterJdbcTemplate jdbc;

    public StepDurations(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Median and 9th decile of the days spent at each step, per group, for the steps ended in the period. */
    public DashboardTable perStep(DashboardScope scope) {
        List<Map<String, Object>> lines = byDepartementOnly(scope) ? fromCounters(scope) : stepByStep(scope);
        lines.sort(Comparator.comparing((Map<String, Object> line) -> CircuitSteps.rank((String) line.get("cleEtape")))
                .thenComparing(line -> (String) line.get("groupe")));
        lines.forEach(line -> line.remove("cleEtape"));
        return new DashboardTable("Durée des étapes du circuit", "Jours passés à chaque étape terminée du "
                + CircuitStatistics.french(scope) + " (médiane et 9e décile, durées arrondies au jour), par "
                + scope.filter().groupLabel().toLowerCase() + ".",
                List.of(column("etape", "Étape"), column("groupe", scope.filter().groupLabel()),
                        column("nombre", "Étapes terminées"), column("medianeJours", "Médiane (jours)"),
                        column("p90Jours", "9e décile (jours)")), lines);
    }

    /**
     * From the counters: merged per duration, summed up in order of duration (a window function), then the two ranks
     * around p (n - 1), from 0, read as the first durations whose cumulative count passes them.
     */
    private List<Map<String, Object>> fromCounters(DashboardScope scope) {
        MapSqlParameterSource parameters = period(scope);
        String group = scope.filter().groupColumn();
        return jdbc.query("SELECT etape, groupe, MAX(total) AS nombre,"
                + " MIN(CASE WHEN jusqua > (total - 1) / 2 THEN jours END) AS mediane_bas,"
                + " MIN(CASE WHEN jusqua > total / 2 THEN jours END) AS mediane_haut,"
                + " MIN(CASE WHEN jusqua > 9 * (total - 1) / 10 THEN jours END) AS decile_bas,"
                + " MIN(CASE WHEN jusqua > (9 * (total - 1) + 9) / 10 THEN jours END) AS decile_haut"
                + " FROM (SELECT etape, groupe, jours,"
                // one row per duration: counting rows (ROWS) spares the comparison of peers (RANGE)
                + " CAST(SUM(nombre) OVER (PARTITION BY etape, groupe ORDER BY jours ROWS UNBOUNDED PRECEDING)"
                + " AS BIGINT) AS jusqua,"
                + " CAST(SUM(nombre) OVER (PARTITION BY etape, groupe) AS BIGINT) AS total"
                + " FROM (SELECT etape, groupe, jours, SUM(nombre) AS nombre FROM (" + counts(scope, group, parameters)
                + ") c GROUP BY etape, groupe, jours HAVING SUM(nombre) > 0) h) r GROUP BY etape, groupe",
                parameters, (rs, row) -> {
                    long count = rs.getLong("nombre");
                    // the value at floor(h), plus the fraction of h times the gap to the next one
                    return line(rs.getString("etape"), rs.getString("groupe"), count,
                            interpolated(rs.getLong("mediane_bas"), rs.getLong("mediane_haut"), (count - 1) % 2, 2),
                            interpolated(rs.getLong("decile_bas"), rs.getLong("decile_haut"), 9 * (count - 1) % 10,
                                    10));
                });
    }

    /**
     * Step by step, the same figures by {@code PERCENTILE_CONT} over the whole days, wherever circonscriptions come in
     * (a grouping, a filter, an IEN): a step counts in each circonscription of a school of its convention
     * ({@code circonscription_convention}), the commune's for a step whose convention is unknown. The database walks
     * the index of the groups; an IEN's or a circonscription's steps are few.
     */
    private List<Map<String, Object>> stepByStep(DashboardScope scope) {
        MapSqlParameterSource parameters = CircuitStatistics.period(scope);
        boolean byCirconscription = scope.filter().par().equals(DashboardFilter.PAR_CIRCONSCRIPTION);
        String group = byCirconscription ? SCHOOLS_CIRCONSCRIPTION : scope.filter().groupColumn();
        String steps = byCirconscription ? STEPS_PER_CIRCONSCRIPTION : "etape_terminee";
        String groups = byCirconscription ? " AND " + scope.circonscriptionGroups(parameters, group) : "";
        String days = "CAST(" + StepDurationCounters.DAYS + " AS DOUBLE PRECISION)";
        return jdbc.query("SELECT etape, " + group + " AS groupe, COUNT(*) AS nombre,"
                + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY " + days + ") AS mediane,"
                + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY " + days + ") AS p90"
                + " FROM " + steps + " WHERE terminee_le >= :du AND terminee_le < :au AND "
                + scope.finishedSteps(parameters) + groups + " GROUP BY " + group + ", etape", parameters, (rs, row) ->
                line(rs.getString("etape"), rs.getString("groupe"), rs.getLong("nombre"),
                        tenths(rs.getDouble("mediane")), tenths(rs.getDouble("p90"))));
    }

    private static Map<String, Object> line(String step, String group, long count, BigDecimal median,
                                            BigDecimal ninthDecile) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("etape", CircuitSteps.label(step));
        line.put("groupe", CircuitStatistics.orUnknown(emptyToNull(group)));
        line.put("nombre", count);
        line.put("medianeJours", median);
        line.put("p90Jours", ninthDecile);
        line.put("cleEtape", step);
        return line;
    }

    /**
     * The steps of the scope per step, group and whole days, with a count: the counters of the whole months, the
     * steps of the days around them, minus the steps of excluded conventions that the counters of those months hold.
     */
    private static String counts(DashboardScope scope, String group, MapSqlParameterSource parameters) {
        String days = StepDurationCounters.DAYS;
        String steps = "SELECT etape, COALESCE(" + group + ", '') AS groupe, " + days + " AS jours, ";
        parameters.addValue("annulee", ConventionLife.STATUT_ANNULEE);
        return "SELECT etape, " + group + " AS groupe, jours, nombre FROM etape_duree_mois WHERE niveau = :niveau"
                + " AND mois >= :premierMois AND mois < :finDesMois AND " + scope.places(parameters)
                + " UNION ALL " + steps + "CAST(1 AS BIGINT) FROM etape_terminee WHERE terminee_le >= :du"
                + " AND terminee_le < :debutDesMois AND " + scope.finishedSteps(parameters)
                + " UNION ALL " + steps + "CAST(1 AS BIGINT) FROM etape_terminee WHERE terminee_le >= :finDesMoisLe"
                + " AND terminee_le < :au AND " + scope.finishedSteps(parameters)
                + " UNION ALL " + steps + "CAST(-1 AS BIGINT) FROM etape_terminee WHERE instance_convention IN"
                + " (SELECT process_instance_id FROM convention WHERE process_instance_id IS NOT NULL"
                + " AND (statut IS NULL OR statut = :annulee)) AND terminee_le >= :debutDesMois"
                + " AND terminee_le < :finDesMoisLe AND " + scope.places(parameters);
    }

    /**
     * The bounds of the period (as {@code etape_terminee} keeps its times) and of its whole months: none when the
     * period holds no whole month, then every step is read from {@code etape_terminee}.
     */
    private static MapSqlParameterSource period(DashboardScope scope) {
        MapSqlParameterSource parameters = CircuitStatistics.period(scope);
        LocalDateTime from = ((Timestamp) parameters.getValue("du")).toLocalDateTime();
        LocalDateTime to = ((Timestamp) parameters.getValue("au")).toLocalDateTime();
        LocalDateTime firstMonth = from.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
        if (firstMonth.isBefore(from)) {
            firstMonth = firstMonth.plusMonths(1);
        }
        LocalDateTime endOfMonths = to.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
        if (!firstMonth.isBefore(endOfMonths)) {
            firstMonth = to;
            endOfMonths = to;
        }
        parameters.addValue("premierMois", java.sql.Date.valueOf(firstMonth.toLocalDate()));
        parameters.addValue("finDesMois", java.sql.Date.valueOf(endOfMonths.toLocalDate()));
        parameters.addValue("debutDesMois", Timestamp.valueOf(firstMonth));
        parameters.addValue("finDesMoisLe", Timestamp.valueOf(endOfMonths));
        parameters.addValue("niveau", "D");
        return parameters;
    }

    /** Whether the counters per département answer: grouped by département, no circonscription asked nor seen. */
    private static boolean byDepartementOnly(DashboardScope scope) {
        return scope.filter().groupColumn().equals("departement") && scope.filter().circonscription() == null
                && scope.viewer().circonscriptions().isEmpty() && scope.viewer().communes().isEmpty();
    }

    /** A percentile of whole days is a multiple of a tenth: the double's shortest decimal form is it. */
    private static BigDecimal tenths(double days) {
        return BigDecimal.valueOf(days).setScale(1, RoundingMode.HALF_UP);
    }

    static BigDecimal interpolated(long below, long above, long fraction, long denominator) {
        return BigDecimal.valueOf(below).add(BigDecimal.valueOf((above - below) * fraction)
                .divide(BigDecimal.valueOf(denominator))).setScale(1, RoundingMode.HALF_UP);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
