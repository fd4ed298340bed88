package fr.conventionent.aaf.process;

import java.sql.Timestamp;
import java.util.Date;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * One row per delivery run that ended ({@code livraison_aaf}), for the dashboard's AAF health: the runs per week and
 * the failures by cause, per exploitant. Written in the transaction where the run ends, so a row exists exactly when
 * the engine kept the run's outcome.
 */
@Repository
public class AafRunLog {

    public static final String ECHEC = "echec";
    public static final String FICHIERS_REFUSES = "fichiers-refuses";
    public static final String SFTP_INJOIGNABLE = "sftp-injoignable";
    public static final String LIVRAISON_SUSPENDUE = "livraison-suspendue";
    public static final String AUTRE = "autre";

    private final JdbcTemplate jdbc;

    public AafRunLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A run the delivery step ended: sent, already sent, nothing to send, or files refused. */
    public void ended(String numero, Date at, AafRunReport.Result result) {
        insert(numero, at, result.code(), result == AafRunReport.Result.REFUSE ? FICHIERS_REFUSES : null);
    }

    /** A run whose attempts are exhausted (an incident in Cockpit), its cause read from the failure's message. */
    public void failed(String numero, Date at, String message) {
        insert(numero, at, ECHEC, cause(message));
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

    private void insert(String numero, Date at, String result, String cause) {
        // the exploitant of the convention's current version (the signed one, or else the latest written)
        jdbc.update("INSERT INTO livraison_aaf (numero, exploitant, executee_le, resultat, cause) VALUES (?,"
                + " (SELECT v.exploitant_ent FROM convention_version v WHERE v.numero = ? AND v.version ="
                + " (SELECT COALESCE(c.version, (SELECT MAX(w.version) FROM convention_version w WHERE w.numero = ?))"
                + " FROM convention c WHERE c.numero = ?)), ?, ?, ?)",
                numero, numero, numero, numero, new Timestamp(at.getTime()), result, cause);
    }
}
