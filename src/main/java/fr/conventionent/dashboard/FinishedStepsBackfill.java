package fr.conventionent.dashboard;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At start-up, the steps of the circuit that ended before {@code etape_terminee} existed (or while a node of an
 * earlier release ran) are copied from the engine's history, once the conventions of an earlier release have their
 * record ({@code ConventionRecordBackfill}, order 3), whose places they take. The whole history is read once (no mark
 * in {@code reprise_demarrage}, migration V18); later starts read only the steps ended since the previous copy, less
 * a day for a node of an earlier release still finishing its work meanwhile. Idempotent; when several nodes start
 * together, the one that loses the race finds the copy made.
 */
@Component
@Order(4)
public class FinishedStepsBackfill implements ApplicationRunner {

    static final String MARK = "etapes-terminees";
    /** Steps ended this long before the previous copy are read again: clocks of nodes, transactions in flight. */
    static final Duration MARGIN = Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(FinishedStepsBackfill.class);

    private final FinishedSteps steps;
    private final JdbcTemplate jdbc;

    public FinishedStepsBackfill(FinishedSteps steps, JdbcTemplate jdbc) {
        this.steps = steps;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
        List<Timestamp> previous = jdbc.queryForList("SELECT jusqu_au FROM reprise_demarrage WHERE nom = ?",
                Timestamp.class, MARK);
        Timestamp since = previous.isEmpty() ? null
                : new Timestamp(previous.get(0).getTime() - MARGIN.toMillis());
        try {
            int copied = steps.copyFromHistory(since);
            if (copied > 0) {
                LOG.info("Tableau de bord : {} étape(s) terminée(s) reprise(s) de l'historique du moteur", copied);
            }
            mark(now, !previous.isEmpty());
        } catch (DataIntegrityViolationException e) {
            LOG.debug("Étapes terminées déjà reprises par un autre nœud", e);
        }
    }

    private void mark(Timestamp now, boolean exists) {
        if (!exists || jdbc.update("UPDATE reprise_demarrage SET jusqu_au = ? WHERE nom = ?", now, MARK) == 0) {
            jdbc.update("INSERT INTO reprise_demarrage (nom, jusqu_au) VALUES (?, ?)", MARK, now);
        }
    }
}
