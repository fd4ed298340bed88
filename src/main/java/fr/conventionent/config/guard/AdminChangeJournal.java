package fr.conventionent.config.guard;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The journal of administrators' changes to business data (table {@code journal_modification}), written in the
 * transaction of the change: the change and its journal line are committed, or rolled back, together.
 */
@Component
public class AdminChangeJournal {

    private static final int MAX_VALUE = 2000;

    private final JdbcTemplate jdbc;

    public AdminChangeJournal(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(String numero, String processInstanceId, String processus, String variable, String operation,
                String before, String after, String author) {
        jdbc.update("insert into journal_modification (numero, process_instance_id, processus, variable, operation,"
                        + " valeur_avant, valeur_apres, auteur, modifie_le) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                numero, processInstanceId, processus, variable, operation, cut(before), cut(after), author,
                new Timestamp(ClockUtil.getCurrentTime().getTime()));
    }

    /** The changes made to a convention's data, oldest first. */
    public List<AdminChange> forConvention(String numero) {
        return jdbc.query("select modifie_le, numero, processus, variable, operation, valeur_avant, valeur_apres,"
                        + " auteur from journal_modification where numero = ? order by modifie_le, id",
                (rs, row) -> new AdminChange(rs.getTimestamp(1).toInstant().atZone(ZoneId.systemDefault())
                        .toOffsetDateTime(), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8)), numero);
    }

    private static String cut(String value) {
        return value == null || value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE - 1) + "…";
    }
}
