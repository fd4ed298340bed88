package fr.conventionent.dashboard;

import static fr.conventionent.dashboard.DashboardTable.column;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.conventionent.kernel.ConventionDates;
import fr.conventionent.kernel.FrenchFormats;

/**
 * Where the circuit rejects, from the steps that ended ({@code etape_terminee}, written by {@link FinishedSteps} when
 * each step ends, with its convention's places and its reason of rejection). How long it takes: {@link StepDurations}.
 */
@Repository
public class CircuitStatistics {

    /** Reasons listed per step: the rest is in the CSV of the registry's journal. */
    static final int MOTIFS_PER_STEP = 10;

    private final NamedParameterJdbcTemplate jdbc;

    public CircuitStatistics(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** How many times each step rejected a convention in the period. */
    public DashboardTable rejections(DashboardScope scope) {
        MapSqlParameterSource parameters = period(scope);
        Map<String, Long> perStep = new TreeMap<>(Comparator.comparing(CircuitSteps::rank));
        jdbc.query("SELECT etape, COUNT(*) AS nombre " + rejected(scope, parameters) + " GROUP BY etape", parameters,
                rs -> {
                    perStep.put(rs.getString("etape"), rs.getLong("nombre"));
                });
        List<Map<String, Object>> lines = new ArrayList<>();
        perStep.forEach((step, count) -> lines.add(line("etape", CircuitSteps.label(step), "nombre", count)));
        return new DashboardTable("Rejets par étape", "Conventions renvoyées à la commune par chaque étape du "
                + french(scope) + ".", List.of(column("etape", "Étape"), column("nombre", "Rejets")), lines);
    }

    /**
     * The most frequent reasons of rejection per step, grouped by their normalised text (lower case, without
     * accents nor punctuation, spaces collapsed): the database groups the exact texts, which are few, and they are
     * merged here, since the two databases have no common way to strip accents.
     */
    public DashboardTable motifs(DashboardScope scope) {
        MapSqlParameterSource parameters = period(scope);
        Map<String, Map<String, Long>> perStep = new TreeMap<>(Comparator.comparing(CircuitSteps::rank));
        jdbc.query("SELECT etape, motif_rejet AS motif, COUNT(*) AS nombre " + rejected(scope, parameters)
                + " GROUP BY etape, motif_rejet", parameters, rs -> {
                    perStep.computeIfAbsent(rs.getString("etape"), step -> new LinkedHashMap<>())
                            .merge(Motifs.normalise(rs.getString("motif")), rs.getLong("nombre"), Long::sum);
                });
        List<Map<String, Object>> lines = new ArrayList<>();
        perStep.forEach((step, motifs) -> motifs.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MOTIFS_PER_STEP)
                .forEach(motif -> lines.add(line("etape", CircuitSteps.label(step), "motif", motif.getKey(),
                        "nombre", motif.getValue()))));
        return new DashboardTable("Motifs de rejet les plus fréquents", "Les " + MOTIFS_PER_STEP
                + " motifs les plus fréquents de chaque étape du " + french(scope) + ", regroupés sans tenir compte"
                + " des majuscules, des accents ni de la ponctuation.", List.of(column("etape", "Étape"),
                column("motif", "Motif"), column("nombre", "Rejets")), lines);
    }

    private static String rejected(DashboardScope scope, MapSqlParameterSource parameters) {
        return "FROM etape_terminee WHERE rejet = TRUE AND " + inPeriod() + " AND " + scope.finishedSteps(parameters);
    }

    private static String inPeriod() {
        return "terminee_le >= :du AND terminee_le < :au";
    }

    static MapSqlParameterSource period(DashboardScope scope) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        parameters.addValue("du", Timestamp.from(scope.filter().du().atStartOfDay(ConventionDates.ZONE).toInstant()));
        parameters.addValue("au", Timestamp.from(scope.filter().au().plusDays(1).atStartOfDay(ConventionDates.ZONE)
                .toInstant()));
        return parameters;
    }

    static String french(DashboardScope scope) {
        return "circuit entre le " + FrenchFormats.longDate(scope.filter().du()) + " et le "
                + FrenchFormats.longDate(scope.filter().au());
    }

    static String orUnknown(String value) {
        return value == null ? "non renseigné" : value;
    }

    static Map<String, Object> line(Object... keysAndValues) {
        Map<String, Object> line = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            line.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return line;
    }
}
