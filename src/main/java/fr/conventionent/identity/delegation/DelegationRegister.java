package fr.conventionent.identity.delegation;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import fr.conventionent.identity.UserDirectory;
import fr.conventionent.kernel.InvalidSubmissionException;
import fr.conventionent.kernel.SubmittedDates;

/**
 * The cabinet's register of signature delegations, and the absences with their substitutes, in the application's
 * tables {@code delegation_signature} and {@code absence}. Every write is checked here and refused in French,
 * whole, when anything is wrong.
 */
@Component
public class DelegationRegister {

    static final int MAX_TEXT = 255;

    private final JdbcTemplate jdbc;
    private final UserDirectory users;

    public DelegationRegister(JdbcTemplate jdbc, UserDirectory users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /** What the cabinet types: dates as "AAAA-MM-JJ", the name taken from the directory when left empty. */
    public record DelegationForm(String utilisateur, String nom, String fonction, Object debut, Object fin,
                                 boolean conventions, boolean avenants, boolean lettres) {
    }

    public Delegation add(DelegationForm form, String by) {
        List<String> errors = new ArrayList<>();
        String user = text(form.utilisateur());
        if (user.isEmpty()) {
            errors.add("Indiquez l'identifiant du délégataire.");
        } else if (!users.exists(user)) {
            errors.add("Utilisateur inconnu : « " + user + " ».");
        }
        String nom = text(form.nom());
        if (nom.isEmpty() && !user.isEmpty()) {
            nom = Optional.ofNullable(users.fullNameOf(user)).orElse("");
        }
        if (nom.isEmpty()) {
            errors.add("Indiquez le nom du délégataire, tel qu'il figurera sous la signature.");
        }
        String fonction = text(form.fonction());
        if (fonction.isEmpty()) {
            errors.add("Indiquez la fonction du délégataire, telle qu'elle figurera sous la signature.");
        }
        if (nom.length() > MAX_TEXT || fonction.length() > MAX_TEXT) {
            errors.add("Le nom et la fonction sont limités à " + MAX_TEXT + " caractères.");
        }
        if (!form.conventions() && !form.avenants() && !form.lettres()) {
            errors.add("Indiquez ce que la délégation couvre : conventions, avenants ou lettres.");
        }
        LocalDate[] period = period(form.debut(), form.fin(), "de la délégation", errors);
        if (period != null && period[1].isBefore(SubmittedDates.today())) {
            errors.add("La délégation serait déjà terminée : sa fin (" + period[1] + ") est passée.");
        }
        refuseIfAny(errors);
        jdbc.update("insert into delegation_signature (utilisateur, nom, fonction, debut, fin, conventions, avenants,"
                        + " lettres, cree_par, cree_le) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", user, nom, fonction,
                Date.valueOf(period[0]), Date.valueOf(period[1]), form.conventions(), form.avenants(), form.lettres(),
                by, now());
        return jdbc.query("select * from delegation_signature where utilisateur = ? order by id desc",
                DelegationRegister::delegation, user).get(0);
    }

    public List<Delegation> delegations() {
        return jdbc.query("select * from delegation_signature order by debut, id", DelegationRegister::delegation);
    }

    public boolean removeDelegation(long id) {
        return jdbc.update("delete from delegation_signature where id = ?", id) > 0;
    }

    /** The delegates who may sign {@code scope} on {@code day}. */
    public List<Delegation> validOn(LocalDate day, DelegationScope scope) {
        return jdbc.query("select * from delegation_signature where debut <= ? and fin >= ? and " + scope.column()
                + " = true order by id", DelegationRegister::delegation, Date.valueOf(day), Date.valueOf(day));
    }

    public Optional<Delegation> of(String user, LocalDate day, DelegationScope scope) {
        return validOn(day, scope).stream().filter(d -> d.utilisateur().equals(user)).findFirst();
    }

    public Absence declareAbsence(String user, Object debut, Object fin, String suppleant, String by) {
        List<String> errors = new ArrayList<>();
        String absent = text(user);
        String substitute = text(suppleant);
        if (absent.isEmpty()) {
            errors.add("Indiquez l'identifiant de la personne absente.");
        } else if (!users.exists(absent)) {
            errors.add("Utilisateur inconnu : « " + absent + " ».");
        }
        if (substitute.isEmpty()) {
            errors.add("Indiquez le suppléant à qui confier les tâches pendant l'absence.");
        } else if (!users.exists(substitute)) {
            errors.add("Suppléant inconnu : « " + substitute + " ».");
        } else if (substitute.equals(absent)) {
            errors.add("Le suppléant doit être une autre personne que l'absent.");
        }
        LocalDate[] period = period(debut, fin, "de l'absence", errors);
        if (period != null && period[1].isBefore(SubmittedDates.today())) {
            errors.add("L'absence serait déjà terminée : sa fin (" + period[1] + ") est passée.");
        }
        refuseIfAny(errors);
        jdbc.update("insert into absence (utilisateur, debut, fin, suppleant, declaree_par, declaree_le)"
                + " values (?, ?, ?, ?, ?, ?)", absent, Date.valueOf(period[0]), Date.valueOf(period[1]), substitute,
                by, now());
        return jdbc.query("select * from absence where utilisateur = ? order by id desc", DelegationRegister::absence,
                absent).get(0);
    }

    public List<Absence> absences() {
        return jdbc.query("select * from absence order by debut, id", DelegationRegister::absence);
    }

    public Optional<Absence> absence(long id) {
        return jdbc.query("select * from absence where id = ?", DelegationRegister::absence, id).stream().findFirst();
    }

    public boolean removeAbsence(long id) {
        return jdbc.update("delete from absence where id = ?", id) > 0;
    }

    /** The absences that cover {@code day}. */
    public List<Absence> absencesOn(LocalDate day) {
        return jdbc.query("select * from absence where debut <= ? and fin >= ? order by id",
                DelegationRegister::absence, Date.valueOf(day), Date.valueOf(day));
    }

    /** [start, end] when both are valid days in order; null (with the errors added) otherwise. */
    private static LocalDate[] period(Object debut, Object fin, String of, List<String> errors) {
        try {
            LocalDate start = SubmittedDates.required(debut, "La date de début " + of);
            LocalDate end = SubmittedDates.required(fin, "La date de fin " + of);
            if (end.isBefore(start)) {
                errors.add("La date de fin " + of + " (" + end + ") précède sa date de début (" + start + ").");
                return null;
            }
            return new LocalDate[] {start, end};
        } catch (InvalidSubmissionException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    private static void refuseIfAny(List<String> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
    }

    private static Timestamp now() {
        return new Timestamp(ClockUtil.getCurrentTime().getTime());
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }

    private static Delegation delegation(ResultSet row, int n) throws SQLException {
        return new Delegation(row.getLong("id"), row.getString("utilisateur"), row.getString("nom"),
                row.getString("fonction"), row.getDate("debut").toLocalDate(), row.getDate("fin").toLocalDate(),
                row.getBoolean("conventions"), row.getBoolean("avenants"), row.getBoolean("lettres"));
    }

    private static Absence absence(ResultSet row, int n) throws SQLException {
        return new Absence(row.getLong("id"), row.getString("utilisateur"), row.getDate("debut").toLocalDate(),
                row.getDate("fin").toLocalDate(), row.getString("suppleant"));
    }
}
