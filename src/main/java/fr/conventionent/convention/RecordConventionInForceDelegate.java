package fr.conventionent.convention;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import fr.conventionent.kernel.ConventionDataMapper;
import fr.conventionent.kernel.ConventionDates;
import fr.conventionent.kernel.ConventionVariables;

/**
 * The convention is signed: it is in force from the Recteur's signature until the end of its initial term, and its
 * AAF deliveries start.
 */
@Component("recordConventionInForceDelegate")
public class RecordConventionInForceDelegate implements JavaDelegate {

    private final ConventionDates dates;
    private final ApplicationEventPublisher events;
    private final ConventionLife life;

    public RecordConventionInForceDelegate(ConventionDates dates, ApplicationEventPublisher events, ConventionLife life) {
        this.dates = dates;
        this.events = events;
        this.life = life;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date signature = (Date) execution.getVariable(ConventionVariables.DATE_SIGNATURE);
        execution.setVariable(ConventionVariables.STATUT, ConventionProcess.STATUT_EN_VIGUEUR);
        life.status(execution.getProcessBusinessKey(), ConventionProcess.STATUT_EN_VIGUEUR);
        execution.setVariable(ConventionVariables.DERNIER_JOUR_PERIODE_INITIALE, dates.lastDayOfInitialTerm(signature));
        execution.removeVariable(ConventionVariables.MOTIF_REJET);
        execution.removeVariable(ConventionVariables.ETAPE_REJET);
        // Annexe 2 §2: the AAF deliveries to the operator start (livraison-aaf), while the data are still here
        events.publishEvent(new ConventionInForce(execution));
        // signed and recorded: for the years to come, the process keeps where the convention stands, its record
        // what it says (Cockpit shows a read-only copy, donneesConvention)
        execution.removeVariables(ConventionDataMapper.VARIABLES);
    }
}
