package fr.conventionent.dashboard;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * At start-up, the steps of the circuit that ended before {@code etape_terminee} existed (or while a node of an
 * earlier release ran) are copied from the engine's history, once the conventions of an earlier release have their
 * record ({@code ConventionRecordBackfill}, order 3), whose places they take. Idempotent; when several nodes start
 * together, the one that loses the race finds the copy made.
 */
@Component
@Order(4)
public class FinishedStepsBackfill implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(FinishedStepsBackfill.class);

    private final FinishedSteps steps;

    public FinishedStepsBackfill(FinishedSteps steps) {
        this.steps = steps;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            int copied = steps.copyFromHistory();
            if (copied > 0) {
                LOG.info("Tableau de bord : {} étape(s) terminée(s) reprise(s) de l'historique du moteur", copied);
            }
        } catch (DataIntegrityViolationException e) {
            LOG.debug("Étapes terminées déjà reprises par un autre nœud", e);
        }
    }
}
