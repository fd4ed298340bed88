package fr.conventionent.convention;

import java.util.Date;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.conventionent.kernel.ConventionDates;
import fr.conventionent.kernel.ConventionVariables;

/**
 * The upgrade to unambiguous end dates: at start-up, every running instance (convention, dénonciation, résiliation)
 * still holding an end under its former name gets it under the new one ({@code dernierJour…} inclusive,
 * {@code dateFin…Exclusive} exclusive), converted where the former one counted the other way. Each variable moves
 * in one transaction; idempotent, and safe when several nodes start together. Ended instances keep their history
 * under the former names ({@link ConventionRecordBackfill} reads both).
 */
@Component
@Order(2)
public class LegacyDateVariables implements ApplicationRunner {

    /** Former name of {@link ConventionVariables#DATE_FIN_EXCLUSIVE}, still in the history of ended conventions. */
    public static final String DATE_FIN = "dateFin";

    private static final Logger LOG = LoggerFactory.getLogger(LegacyDateVariables.class);
    private static final UnaryOperator<Date> SAME_DAY = day -> day;
    /** Former name → new name and how its value converts. */
    private static final Map<String, Rename> RENAMES = Map.of(
            DATE_FIN, new Rename(ConventionVariables.DATE_FIN_EXCLUSIVE, SAME_DAY),
            "dateFinAcces", new Rename(ConventionVariables.DATE_FIN_ACCES_EXCLUSIVE, SAME_DAY),
            "dateFinPeriode", new Rename(ConventionVariables.DERNIER_JOUR_PERIODE, SAME_DAY),
            // the former one was S + 4 years, the first day of the first renewal
            "dateFinInitiale", new Rename(ConventionVariables.DERNIER_JOUR_PERIODE_INITIALE, LegacyDateVariables::dayBefore));

    private final RuntimeService runtimeService;
    private final TransactionTemplate transaction;

    public LegacyDateVariables(RuntimeService runtimeService, PlatformTransactionManager transactionManager) {
        this.runtimeService = runtimeService;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        int moved = 0;
        for (Map.Entry<String, Rename> rename : RENAMES.entrySet()) {
            for (VariableInstance variable : runtimeService.createVariableInstanceQuery()
                    .variableName(rename.getKey()).list()) {
                try {
                    transaction.executeWithoutResult(status -> move(variable, rename.getValue()));
                    moved++;
                } catch (OptimisticLockingException e) {
                    LOG.debug("Variable {} déjà renommée par un autre nœud", variable.getId());
                }
            }
        }
        if (moved > 0) {
            LOG.info("Dates de fin : {} variable(s) renommée(s) (dernierJour… inclus, dateFin…Exclusive)", moved);
        }
    }

    private void move(VariableInstance variable, Rename rename) {
        String executionId = variable.getExecutionId();
        if (runtimeService.getVariableLocal(executionId, rename.name()) == null && variable.getValue() instanceof Date day) {
            runtimeService.setVariableLocal(executionId, rename.name(), rename.convert().apply(day));
        }
        runtimeService.removeVariableLocal(executionId, variable.getName());
    }

    private static Date dayBefore(Date day) {
        return ConventionDates.toDate(ConventionDates.toLocalDate(day).minusDays(1));
    }

    private record Rename(String name, UnaryOperator<Date> convert) {
    }
}
