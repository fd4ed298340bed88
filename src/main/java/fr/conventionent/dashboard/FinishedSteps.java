package fr.conventionent.dashboard;

import java.sql.Timestamp;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.signature.SignatureCircuitProcess;

/**
 * The steps of the circuit that ended ({@code etape_terminee}, migration V14): one row per task completed or deleted,
 * written in the transaction where it ends, with the places its convention had then, and counted by its duration
 * ({@link StepDurationCounters}). What the history charts read.
 */
@Repository
public class FinishedSteps {

    private static final List<String> REVIEW_STEPS = List.of(SignatureCircuitProcess.REVIEW_STEPS);
    /** The longest text the engine keeps in a string variable's history, as the reason was read before. */
    private static final int MOTIF_MAX = 4000;

    private final NamedParameterJdbcTemplate jdbc;
    private final StepDurationCounters counters;

    public FinishedSteps(NamedParameterJdbcTemplate jdbc, StepDurationCounters counters) {
        this.jdbc = jdbc;
        this.counters = counters;
    }

    /** A task of the circuit ends: completed (a review's decision is then known) or deleted. */
    void ended(DelegateTask task) {
        String conventionInstance = ((ExecutionEntity) task.getExecution()).getRootProcessInstanceId();
        long end = ClockUtil.getCurrentTime().getTime();
        String motif = TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName()) && rejected(task) ? motif(task)
                : null;
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("tache", task.getId())
                .addValue("instance", conventionInstance)
                .addValue("etape", task.getTaskDefinitionKey())
                .addValue("fin", new Timestamp(end))
                .addValue("duree", end - task.getCreateTime().getTime())
                .addValue("rejet", motif != null)
                .addValue("motif", motif);
        // a task of a process that is not (or no longer) a listed convention has no row to read places from
        jdbc.update("INSERT INTO etape_terminee (tache_id, instance_convention, etape, commune_insee, departement,"
                + " circonscription, terminee_le, duree_ms, rejet, motif_rejet)"
                + " SELECT :tache, :instance, :etape, commune_insee, departement, circonscription, :fin, :duree,"
                + " :rejet, :motif FROM convention WHERE process_instance_id = :instance", parameters);
        counters.add("SELECT etape, departement, circonscription, terminee_le, duree_ms FROM etape_terminee"
                + " WHERE tache_id = :tache", parameters);
    }

    /**
     * Copies the steps that ended before this table existed from the engine's history (tasks, and the reason of
     * each rejection: the {@code motifRejet} variable written by the rejecting step, tied to it by its activity
     * instance). Only the steps not there yet, and only those ended since {@code endedSince} unless it is null (all
     * of them): idempotent. They are counted first, in the same transaction: when two nodes copy at once, the one
     * that loses the race on the steps' keys takes its counts back with it. Returns how many were copied.
     */
    @Transactional
    int copyFromHistory(Timestamp endedSince) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("depuis", endedSince)
                .addValue("etapes", CircuitSteps.keys())
                .addValue("etapesDeDecision", REVIEW_STEPS)
                .addValue("motifRejet", ConventionVariables.MOTIF_REJET)
                .addValue("convention", ConventionProcess.KEY);
        String motif = "(SELECT MAX(d.TEXT_) FROM ACT_HI_DETAIL d WHERE d.ACT_INST_ID_ = t.ACT_INST_ID_"
                + " AND d.NAME_ = :motifRejet AND d.TEXT_ IS NOT NULL AND t.TASK_DEF_KEY_ IN (:etapesDeDecision))";
        // by its number: a convention ended under an earlier release has no process instance in its record
        String missing = " FROM ACT_HI_TASKINST t JOIN ACT_HI_PROCINST p ON p.ID_ = t.ROOT_PROC_INST_ID_"
                + " AND p.PROC_DEF_KEY_ = :convention JOIN convention c ON c.numero = p.BUSINESS_KEY_"
                + " WHERE t.TASK_DEF_KEY_ IN (:etapes) AND t.END_TIME_ IS NOT NULL AND t.DURATION_ IS NOT NULL"
                + (endedSince == null ? "" : " AND t.END_TIME_ >= :depuis")
                + " AND NOT EXISTS (SELECT 1 FROM etape_terminee e WHERE e.tache_id = t.ID_)";
        counters.add("SELECT t.TASK_DEF_KEY_ AS etape, c.departement, c.circonscription, t.END_TIME_ AS terminee_le,"
                + " t.DURATION_ AS duree_ms" + missing, parameters);
        return jdbc.update("INSERT INTO etape_terminee (tache_id, instance_convention, etape, commune_insee,"
                + " departement, circonscription, terminee_le, duree_ms, rejet, motif_rejet)"
                + " SELECT t.ID_, t.ROOT_PROC_INST_ID_, t.TASK_DEF_KEY_, c.commune_insee, c.departement,"
                + " c.circonscription, t.END_TIME_, t.DURATION_, CASE WHEN " + motif + " IS NULL THEN FALSE ELSE TRUE"
                + " END, " + motif + missing, parameters);
    }

    private static boolean rejected(DelegateTask task) {
        return REVIEW_STEPS.contains(task.getTaskDefinitionKey())
                && ConventionVariables.DECISION_REJETER.equals(task.getVariable(ConventionVariables.DECISION));
    }

    private static String motif(DelegateTask task) {
        // the reason as submitted, which the review step requires and keeps trimmed as motifRejet
        Object motif = task.getVariable(ConventionVariables.MOTIF);
        String text = motif == null ? "" : motif.toString().trim();
        return text.length() > MOTIF_MAX ? text.substring(0, MOTIF_MAX) : text;
    }
}
