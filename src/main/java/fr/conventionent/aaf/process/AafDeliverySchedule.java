package fr.conventionent.aaf.process;

import static fr.conventionent.aaf.process.LivraisonAafProcess.*;

import fr.conventionent.aaf.AafFileType;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The timer of bpmn/livraison-aaf.bpmn asks this bean when the next run is:
 * {@code ${aafDeliverySchedule.nextRun(execution)}}. The rule is {@link AafSchedule}'s; this bean reads the set-up
 * and the last run done, and records the run the timer waits for ({@code prochaineLivraison}, its type), which
 * the run then uses as its date: a run retried the next day still delivers its own day's extraction. Evaluating it
 * again (job due date recalculated) gives the same answer.
 */
@Component("aafDeliverySchedule")
public class AafDeliverySchedule {

    public Date nextRun(DelegateExecution execution) {
        AafSchedule.Run next = upcoming(execution);
        execution.setVariable(PROCHAINE_LIVRAISON, next.asDate());
        execution.setVariable(PROCHAINE_LIVRAISON_TYPE, next.type().label());
        return next.asDate();
    }

    /** The next run from now: the initial load while it is to come, then the schedule's. Records nothing. */
    public AafSchedule.Run upcoming(DelegateExecution execution) {
        AafSchedule schedule = AafDeliverySettings.schedule(execution::getVariable);
        Date last = (Date) execution.getVariable(DERNIERE_LIVRAISON_PREVUE);
        return schedule.nextRun(last == null ? null : paris(last), ZonedDateTime.now(EngineClock.PARIS),
                AafDeliverySettings.initialLoad(execution::getVariable));
    }

    /** The run a delivery job performs: the one its timer waited for. */
    public AafSchedule.Run scheduledRun(DelegateExecution execution, AafSchedule schedule) {
        Date planned = (Date) execution.getVariable(PROCHAINE_LIVRAISON);
        ZonedDateTime at = planned == null ? ZonedDateTime.now(EngineClock.PARIS) : paris(planned);
        Object type = execution.getVariable(PROCHAINE_LIVRAISON_TYPE);
        return new AafSchedule.Run(at, type != null ? AafFileType.fromLabel(type.toString()).orElseThrow()
                : schedule.typeOn(at.toLocalDate()).orElse(AafFileType.DELTA));
    }

    static ZonedDateTime paris(Date date) {
        return date.toInstant().atZone(AafSchedule.PARIS);
    }
}
