package fr.conventionent.aaf.process;

import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.conventionent.convention.ConventionLife;

/**
 * One row per delivery run that ended ({@code livraison_aaf}), for the dashboard's AAF health: the runs per week and
 * the failures by cause, per exploitant. Written in the transaction where the run ends, so a row exists exactly when
 * the engine kept the run's outcome, and with it the run's counters per day, exploitant and place
 * ({@code livraison_aaf_jour}: the académie's, the département's, and each circonscription of a school of the
 * convention's), which the chart reads.
 */
@Repository
public class AafRunLog {

    public static final String ECHEC = "echec";
    public static final String FICHIERS_REFUSES = "fichiers-refuses";
    /** Refused because the files name schools outside the convention's Annexe 1 (data minimisation). */
    public static final String UAI_HORS_ANNEXE = "uai-hors-annexe";
    public static final String SFTP_INJOIGNABLE = "sftp-injoignable";
    public static final String LIVRAISON_SUSPENDUE = "livraison-suspendue";
    public static final String AUTRE = "autre";

    private static final String KEY = "niveau, jour, exploitant, departement, circonscription, resultat, cause";
    private static final String KEY_MATCH = "j.niveau = s.niveau AND j.jour = s.jour AND j.exploitant = s.exploitant"
            + " AND j.departement = s.departement AND j.circonscription = s.circonscription AND j.resultat = s.resultat"
            + " AND j.cause = s.cause";

    private final JdbcTemplate jdbc;
    /** PostgreSQL upserts with ON CONFLICT (safe when two nodes add at once), H2 with MERGE. */
    private final boolean postgres;

    public AafRunLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection ->
                connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")));
    }

    /** Length of the column {@code uai_hors_annexe}: about 200 UAIs (9 characters each with the separator). */
    static final int MAX_UAIS_LENGTH = 2000;

    /** A run the delivery step ended: sent, already sent, nothing to send, or files refused. */
    public void ended(String numero, Date at, AafRunReport.Result result) {
        ended(numero, at, result, List.of());
    }

    /**
     * Idem; a refused run that names schools outside Annexe 1 is recorded with the cause {@link #UAI_HORS_ANNEXE}
     * (rather than {@link #FICHIERS_REFUSES}, even when other files were wrong too: the data must not leave) and
     * those UAIs.
     */
    public void ended(String numero, Date at, AafRunReport.Result result, List<String> uaisOutsideAnnex) {
        boolean outside = result == AafRunReport.Result.REFUSE && !uaisOutsideAnnex.isEmpty();
        String cause = result != AafRunReport.Result.REFUSE ? null : outside ? UAI_HORS_ANNEXE : FICHIERS_REFUSES;
        insert(numero, at, result.code(), cause, outside ? uaisOutsideAnnex : List.of());
    }

    /** A run whose attempts are exhausted (an incident in Cockpit), its cause read from the failure's message. */
    public void failed(String numero, Date at, String message) {
        insert(numero, at, ECHEC, cause(message), List.of());
    }

    /** The first UAIs, comma-separated, that fit the column (values read from a file can be longer than a UAI). */
    static String firstThatFit(List<String> uais) {
        StringBuilder joined = new StringBuilder();
        for (String uai : uais) {
            if (joined.length() + uai.length() + 1 > MAX_UAIS_LENGTH) {
                break;
            }
            joined.append(joined.length() == 0 ? "" : ",").append(uai);
        }
        return joined.toString();
    }

    static String cause(String message) {
        String text = message == null ? "" : message;
        if (text.contains("échec d'envoi SFTP")) {
            return SFTP_INJOIGNABLE;
        }
        if (text.startsWith("Livraison suspendue")) {
            return LIVRAISON_SUSPENDUE;
        }
        return AUTRE;
    }

    private void insert(String numero, Date at, String result, String cause, List<String> uaisOutsideAnnex) {
        // the exploitant of the convention's current version (the signed one, or else the latest written)
        String exploitant = jdbc.query("SELECT v.exploitant_ent FROM convention_version v WHERE v.numero = ? AND"
                + " v.version = (SELECT COALESCE(c.version, (SELECT MAX(w.version) FROM convention_version w WHERE"
                + " w.numero = ?)) FROM convention c WHERE c.numero = ?)",
                rs -> rs.next() ? rs.getString(1) : null, numero, numero, numero);
        Timestamp time = new Timestamp(at.getTime());
        String uais = uaisOutsideAnnex.isEmpty() ? null : firstThatFit(uaisOutsideAnnex);
        jdbc.update("INSERT INTO livraison_aaf (numero, exploitant, executee_le, resultat, cause, uai_hors_annexe,"
                + " nombre_uai_hors_annexe) VALUES (?, ?, ?, ?, ?, ?, ?)", numero, exploitant, time, result, cause, uais,
                uaisOutsideAnnex.isEmpty() ? null : uaisOutsideAnnex.size());
        // the day as the database casts the timestamp, the places as the registry has them now
        java.sql.Date day = java.sql.Date.valueOf(time.toLocalDateTime().toLocalDate());
        String key = exploitant == null ? "" : exploitant;
        String why = cause == null ? "" : cause;
        // académie, département, then the circonscriptions: every run locks its counters in the same order (no
        // deadlock); once in each circonscription of a school of the convention, once in its département
        jdbc.update(upsert("'' AS departement, '' AS circonscription", "A", ""),
                day, key, result, why, numero, ConventionLife.STATUT_ANNULEE);
        jdbc.update(upsert("COALESCE(c.departement, '') AS departement, '' AS circonscription", "D", ""),
                day, key, result, why, numero, ConventionLife.STATUT_ANNULEE);
        jdbc.update(upsert("COALESCE(c.departement, '') AS departement, cc.circonscription AS circonscription", "C",
                " JOIN circonscription_convention cc ON cc.numero = c.numero"), day, key, result, why, numero,
                ConventionLife.STATUT_ANNULEE);
    }

    /**
     * Adds one to the counter of the run's key at {@code places} (one row of the convention, or of its {@code join}),
     * for a listed convention that is not cancelled.
     */
    private String upsert(String places, String level, String join) {
        // parameters typed, for H2's MERGE
        String source = "SELECT CAST('" + level + "' AS CHAR(1)) AS niveau, CAST(? AS DATE) AS jour,"
                + " CAST(? AS VARCHAR(255)) AS exploitant, " + places + ", CAST(? AS VARCHAR(32)) AS resultat,"
                + " CAST(? AS VARCHAR(32)) AS cause, CAST(1 AS BIGINT) AS nombre FROM convention c" + join + " WHERE c.numero = ?"
                + " AND c.statut IS NOT NULL AND c.statut <> ?";
        if (postgres) {
            return "INSERT INTO livraison_aaf_jour (" + KEY + ", nombre) " + source + " ON CONFLICT (" + KEY
                    + ") DO UPDATE SET nombre = livraison_aaf_jour.nombre + EXCLUDED.nombre";
        }
        return "MERGE INTO livraison_aaf_jour j USING (" + source + ") s ON (" + KEY_MATCH + ")"
                + " WHEN MATCHED THEN UPDATE SET nombre = j.nombre + s.nombre"
                + " WHEN NOT MATCHED THEN INSERT (" + KEY + ", nombre) VALUES (s.niveau, s.jour, s.exploitant,"
                + " s.departement, s.circonscription, s.resultat, s.cause, s.nombre)";
    }
}
