package fr.conventionent.convention;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import fr.conventionent.kernel.Contact;
import fr.conventionent.kernel.ConventionData;

/**
 * Who acts for the commune of a convention on a given day: the maire and the référent ENT named in the convention,
 * unless the commune has declared others since (« Mettre à jour les représentants »). Kept in the application's
 * table {@code convention_representant}, written in the transaction of the declaration. Every document and mail
 * produced after a declaration asks here; documents already produced keep the names they had.
 */
@Component
public class ConventionRepresentatives {

    static final String MAIRE = "maire";
    static final String REFERENT = "referent";

    private final JdbcTemplate jdbc;

    public ConventionRepresentatives(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new maire and/or référent ENT (either may be null) in office from {@code since}. */
    public void declare(String numero, String maireNom, Contact referent, LocalDate since, String declaredBy) {
        Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
        if (maireNom != null) {
            jdbc.update("insert into convention_representant (numero, role, nom, depuis, declare_par, declare_le)"
                    + " values (?, ?, ?, ?, ?, ?)", numero, MAIRE, maireNom, Date.valueOf(since), declaredBy, now);
        }
        if (referent != null) {
            jdbc.update("insert into convention_representant (numero, role, nom, telephone, email, depuis,"
                            + " declare_par, declare_le) values (?, ?, ?, ?, ?, ?, ?, ?)", numero, REFERENT,
                    referent.nom(), referent.telephone(), referent.email(), Date.valueOf(since), declaredBy, now);
        }
    }

    /** The maire declared for {@code day}, if the commune declared one since the convention named its own. */
    public Optional<String> maireOn(String numero, LocalDate day) {
        return latest(numero, MAIRE, day, null).map(Contact::nom);
    }

    public Optional<Contact> referentOn(String numero, LocalDate day) {
        return latest(numero, REFERENT, day, null);
    }

    /** {@code data} with the representatives in office on {@code day}. */
    public ConventionData applyTo(String numero, ConventionData data, LocalDate day) {
        return applyTo(numero, data, day, null);
    }

    /**
     * {@code data}, recorded at {@code recordedAt}, with the representatives in office on {@code day}: a declaration
     * already in force when the data was recorded is part of it (the commune may have typed another name since).
     */
    ConventionData applyTo(String numero, ConventionData data, LocalDate day, Timestamp recordedAt) {
        if (data == null || numero == null) {
            return data;
        }
        String maire = latest(numero, MAIRE, day, recordedAt).map(Contact::nom).orElse(data.maireNom());
        Contact referent = latest(numero, REFERENT, day, recordedAt).orElse(data.referentEnt());
        return new ConventionData(data.communeInsee(), data.communeNom(), data.communeAdresse(), maire, data.ecoles(),
                referent, data.correspondantsTechniques(), data.editeurEnt(), data.exploitantEnt(), data.dpoCommune());
    }

    private Optional<Contact> latest(String numero, String role, LocalDate day, Timestamp recordedAt) {
        if (numero == null) {
            return Optional.empty();
        }
        String absorbed = recordedAt == null ? "" : " and (declare_le > ? or depuis > ?)";
        Object[] arguments = recordedAt == null ? new Object[] {numero, role, Date.valueOf(day)}
                : new Object[] {numero, role, Date.valueOf(day), recordedAt,
                Date.valueOf(recordedAt.toLocalDateTime().toLocalDate())};
        List<Contact> found = jdbc.query("select nom, telephone, email from convention_representant"
                        + " where numero = ? and role = ? and depuis <= ?" + absorbed + " order by depuis desc, id desc",
                (rs, row) -> new Contact(rs.getString(1), rs.getString(2), rs.getString(3)), arguments);
        return found.stream().findFirst();
    }
}
