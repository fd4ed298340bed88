package fr.conventionent.dashboard;

import java.util.Locale;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The counters of the steps' durations ({@code etape_duree_mois}, migration V19): how many steps ended per month,
 * step, place and duration in whole days, kept in the transaction that writes the steps to {@code etape_terminee},
 * so that the durations chart reads a few counters per group instead of every step.
 */
@Repository
public class StepDurationCounters {

    /** Half a day, then a day: the duration rounded to the nearest whole day, by the database's integer division. */
    static final String DAYS = "CAST((duree_ms + 43200000) / 86400000 AS INTEGER)";
    static final String MONTH = "CAST(DATE_TRUNC('MONTH', terminee_le) AS DATE)";

    private static final String KEY = "niveau, mois, etape, departement, circonscription, jours";
    private static final String KEY_MATCH = "m.niveau = s.niveau AND m.mois = s.mois AND m.etape = s.etape"
            + " AND m.departement = s.departement AND m.circonscription = s.circonscription AND m.jours = s.jours";

    private final NamedParameterJdbcTemplate jdbc;
    /** PostgreSQL upserts with ON CONFLICT (safe when two nodes add at once), H2 with MERGE. */
    private final boolean postgres;

    public StepDurationCounters(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.postgres = Boolean.TRUE.equals(jdbc.getJdbcTemplate().execute((ConnectionCallback<Boolean>) connection ->
                connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")));
    }

    /**
     * Counts the steps that {@code steps} selects (columns etape, departement, terminee_le and duree_ms, as in
     * {@code etape_terminee}), per département.
     */
    void add(String steps, MapSqlParameterSource parameters) {
        jdbc.update(upsert(steps, "D", null), parameters);
    }

    /** The upsert of level {@code level}, by circonscription unless it is null (then empty). */
    private String upsert(String steps, String level, String circonscription) {
        // grouped first: an upsert may not touch the same counter twice
        String source = "SELECT CAST('" + level + "' AS CHAR(1)) AS niveau, " + MONTH + " AS mois, etape,"
                + " COALESCE(departement, '') AS departement, "
                + (circonscription == null ? "CAST('' AS VARCHAR(64))" : circonscription) + " AS circonscription, "
                + DAYS + " AS jours, CAST(COUNT(*) AS BIGINT) AS nombre FROM (" + steps + ") e GROUP BY " + MONTH
                + ", etape, COALESCE(departement, '')" + (circonscription == null ? "" : ", " + circonscription)
                + ", " + DAYS;
        if (postgres) {
            return "INSERT INTO etape_duree_mois (" + KEY + ", nombre) " + source + " ON CONFLICT (" + KEY
                    + ") DO UPDATE SET nombre = etape_duree_mois.nombre + EXCLUDED.nombre";
        }
        return "MERGE INTO etape_duree_mois m USING (" + source + ") s ON (" + KEY_MATCH + ")"
                + " WHEN MATCHED THEN UPDATE SET nombre = m.nombre + s.nombre"
                + " WHEN NOT MATCHED THEN INSERT (" + KEY + ", nombre) VALUES (s.niveau, s.mois, s.etape,"
                + " s.departement, s.circonscription, s.jours, s.nombre)";
    }
}
