package fr.conventionent.dashboard;

import static fr.conventionent.dashboard.CircuitStatistics.line;
import static fr.conventionent.dashboard.DashboardTable.column;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.conventionent.convention.ConventionProcess;

/**
 * What falls due in the next 12 months, per month: tacit renewals, last days to denounce, ends (notice, résiliation)
 * and comités de pilotage, from the dates {@link fr.conventionent.convention.ConventionLife} keeps in the
 * {@code convention} table. One query, counted by the database per month.
 */
@Repository
public class DueDates {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);
    /** {@code date_fin} is the first day no longer in force: an end counts in the month of its last day. */
    private static final String LAST_DAY = "CAST(date_fin - INTERVAL '1' DAY AS DATE)";
    /** Event → its date column and the statuses for which it is still to come. */
    private static final Map<String, String> EVENTS = new LinkedHashMap<>();

    static {
        EVENTS.put("reconductions", "prochain_anniversaire");
        EVENTS.put("limitesDenonciation", "limite_denonciation");
        EVENTS.put("fins", LAST_DAY);
        EVENTS.put("comites", "prochain_comite");
    }

    private final NamedParameterJdbcTemplate jdbc;

    public DueDates(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public DashboardTable perMonth(DashboardScope scope, LocalDate today) {
        YearMonth first = YearMonth.from(today);
        Map<YearMonth, Map<String, Long>> months = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            Map<String, Long> counts = new LinkedHashMap<>();
            EVENTS.keySet().forEach(event -> counts.put(event, 0L));
            months.put(first.plusMonths(i), counts);
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        parameters.addValue("aujourdhui", java.sql.Date.valueOf(today));
        parameters.addValue("horizon", java.sql.Date.valueOf(first.plusMonths(12).atDay(1)));
        parameters.addValue("enVigueur", ConventionProcess.STATUT_EN_VIGUEUR);
        String where = scope.conventions(parameters);
        List<String> selects = new ArrayList<>();
        EVENTS.forEach((event, column) -> selects.add("SELECT '" + event + "' AS evenement, EXTRACT(YEAR FROM "
                + column + ") AS annee, EXTRACT(MONTH FROM " + column + ") AS mois, COUNT(*) AS nombre"
                + " FROM convention WHERE " + column + " >= :aujourdhui AND " + column + " < :horizon"
                + (column.equals(LAST_DAY) || column.equals("prochain_comite") ? "" : " AND statut = :enVigueur")
                + " AND " + where + " GROUP BY EXTRACT(YEAR FROM " + column + "), EXTRACT(MONTH FROM " + column + ")"));
        jdbc.query(String.join(" UNION ALL ", selects), parameters, rs -> {
            YearMonth month = YearMonth.of(rs.getInt("annee"), rs.getInt("mois"));
            Map<String, Long> counts = months.get(month);
            if (counts != null) {
                counts.merge(rs.getString("evenement"), rs.getLong("nombre"), Long::sum);
            }
        });
        List<Map<String, Object>> lines = new ArrayList<>();
        months.forEach((month, counts) -> {
            Map<String, Object> line = line("mois", MONTH.format(month), "moisIso", month.toString());
            line.putAll(counts);
            lines.add(line);
        });
        return new DashboardTable("Échéances des 12 prochains mois", "Par mois, à partir d'aujourd'hui : reconductions"
                + " tacites et derniers jours pour dénoncer des conventions en vigueur, fins de convention (préavis,"
                + " résiliation) et comités de pilotage prévus.",
                List.of(column("mois", "Mois"), column("reconductions", "Reconductions"),
                        column("limitesDenonciation", "Derniers jours pour dénoncer"), column("fins", "Fins"),
                        column("comites", "Comités de pilotage")), lines);
    }
}
