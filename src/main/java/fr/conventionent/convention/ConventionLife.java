package fr.conventionent.convention;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import fr.conventionent.kernel.ConventionDates;

/**
 * Where each convention is in its life, as the registry lists it: status, dates of its term, current version, next
 * comité, last AAF delivery and the step it waits on. Written in the {@code convention} table by the steps that
 * change them, in their transaction (the registry is a query over that table); the term's derived dates (end of
 * the initial term, next anniversary, last day to denounce) are computed here, once, so that the registry can
 * filter and sort 35,000 conventions on them in SQL.
 */
@Component("conventionLife")
public class ConventionLife {

    /** An administrator deleted the convention's process: its number stays taken, the registry no longer lists it. */
    public static final String STATUT_ANNULEE = "annulee";

    private final JdbcTemplate jdbc;
    private final ConventionDates dates;

    public ConventionLife(JdbcTemplate jdbc, ConventionDates dates) {
        this.jdbc = jdbc;
        this.dates = dates;
    }

    public void status(String numero, String statut) {
        jdbc.update("update convention set statut = ? where numero = ?", statut, numero);
        refreshTerm(numero);
    }

    /** Signed on {@code signature}: the first yearly period starts that day. */
    public void signed(String numero, LocalDate signature) {
        jdbc.update("update convention set date_signature = ?, debut_periode = ? where numero = ?", sqlDate(signature),
                sqlDate(signature), numero);
        refreshTerm(numero);
    }

    /** Tacitly renewed: a new yearly period starts on {@code periodStart}. */
    public void renewed(String numero, LocalDate periodStart) {
        jdbc.update("update convention set debut_periode = ? where numero = ?", sqlDate(periodStart), numero);
        refreshTerm(numero);
    }

    /**
     * Ends (or stops giving access) on {@code end}, with status {@code statut}; once ended or résiliée no comité
     * is to come (under notice, the comités go on).
     */
    public void ending(String numero, String statut, LocalDate end) {
        jdbc.update("update convention set statut = ?, date_fin = ? where numero = ?", statut, sqlDate(end), numero);
        if (!ConventionProcess.STATUT_EN_PREAVIS.equals(statut)) {
            committee(numero, null);
        }
        refreshTerm(numero);
    }

    /**
     * The comité de pilotage is due on {@code due} (its timer), then convened on a date: BPMN
     * {@code ${conventionLife.committeeDue(execution, conventionDates.comite(dateSignature, numeroComite))}}.
     */
    public Date committeeDue(DelegateExecution execution, Date due) {
        committee(execution.getProcessBusinessKey(), ConventionDates.toLocalDate(due));
        return due;
    }

    public void committee(String numero, LocalDate day) {
        jdbc.update("update convention set prochain_comite = ? where numero = ?", sqlDate(day), numero);
    }

    public void aafDelivered(String numero, OffsetDateTime at, String result, String summary) {
        String shortSummary = summary == null || summary.length() <= 1000 ? summary : summary.substring(0, 997) + "…";
        jdbc.update("update convention set aaf_derniere = ?, aaf_resultat = ?, aaf_resume = ? where numero = ?",
                at == null ? null : Timestamp.from(at.toInstant()), result, shortSummary, numero);
    }

    /**
     * A task was created under the process instance {@code rootProcessInstanceId} (the convention itself or the
     * circuit it calls): the step it now waits on. Changes nothing for the roots that are not conventions.
     */
    public void stepReached(String rootProcessInstanceId, String step, Date since) {
        jdbc.update("update convention set etape = ?, etape_depuis = ? where process_instance_id = ?", step,
                since == null ? null : new Timestamp(since.getTime()), rootProcessInstanceId);
    }

    public void cancelled(String processInstanceId) {
        jdbc.update("update convention set statut = ? where process_instance_id = ?", STATUT_ANNULEE,
                processInstanceId);
    }

    /** Where a convention of an earlier release stood, as its variables said (the upgrade). */
    public record Standing(String communeNom, String departement, String circonscription, String statut,
                           LocalDate signature, LocalDate periodStart, LocalDate end, int version) {
    }

    public void restore(String numero, Standing standing) {
        jdbc.update("update convention set commune_nom = ?, departement = ?, circonscription = ?, statut = ?,"
                        + " date_signature = ?, debut_periode = ?, date_fin = ?, version = ? where numero = ?",
                standing.communeNom(), standing.departement(), standing.circonscription(), standing.statut(),
                sqlDate(standing.signature()), sqlDate(standing.periodStart()), sqlDate(standing.end()),
                standing.version(), numero);
        refreshTerm(numero);
    }

    /** The term's derived dates, from the signature, the current period and the status. */
    private void refreshTerm(String numero) {
        List<Term> rows = jdbc.query("select statut, date_signature, debut_periode from convention where numero = ?",
                (rs, row) -> new Term(rs.getString(1), day(rs.getDate(2)), day(rs.getDate(3))), numero);
        if (rows.isEmpty() || rows.get(0).signature() == null) {
            return;
        }
        Term term = rows.get(0);
        LocalDate anniversary = null;
        LocalDate lastDayToDenounce = null;
        if (ConventionProcess.STATUT_EN_VIGUEUR.equals(term.statut())) {
            anniversary = dates.nextAnniversary(term.signature(),
                    term.periodStart() != null ? term.periodStart() : term.signature());
            lastDayToDenounce = dates.lastDayToDenounceBefore(anniversary);
        }
        jdbc.update("update convention set fin_terme_initial = ?, prochain_anniversaire = ?, limite_denonciation = ?"
                + " where numero = ?", sqlDate(dates.lastDayOfInitialTerm(term.signature())), sqlDate(anniversary),
                sqlDate(lastDayToDenounce), numero);
    }

    private record Term(String statut, LocalDate signature, LocalDate periodStart) {
    }

    private static LocalDate day(java.sql.Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static java.sql.Date sqlDate(LocalDate day) {
        return day == null ? null : java.sql.Date.valueOf(day);
    }
}
