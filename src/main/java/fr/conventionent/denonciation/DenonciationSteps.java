package fr.conventionent.denonciation;

import static fr.conventionent.kernel.ConventionVariables.*;
import static fr.conventionent.denonciation.DenonciationProcess.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import fr.conventionent.convention.ConventionProcedures;
import fr.conventionent.convention.ConventionRef;
import fr.conventionent.convention.ConventionRegistry;
import fr.conventionent.kernel.Party;
import fr.conventionent.kernel.SubmittedDates;
import fr.conventionent.notice.NoticeProcedures;
import fr.conventionent.notice.RegisteredLetter;

/**
 * The steps of bpmn/denonciation.bpmn, called by its expressions ({@code ${denonciationSteps.record(execution)}}): each
 * reads the process variables, asks {@link Denonciations}, and writes back what the process needs next.
 */
@Component("denonciationSteps")
public class DenonciationSteps {

    private final Denonciations denonciations;
    private final ConventionProcedures procedures;
    private final NoticeProcedures notice;
    private final ConventionRegistry registry;

    public DenonciationSteps(Denonciations denonciations, ConventionProcedures procedures, NoticeProcedures notice,
                             ConventionRegistry registry) {
        this.denonciations = denonciations;
        this.procedures = procedures;
        this.notice = notice;
        this.registry = registry;
    }

    /** Start: the convention number typed in the start form is checked, the convention locked. */
    public void open(DelegateExecution execution) {
        String motif = denonciations.motif(execution.getVariable(MOTIF_DENONCIATION));
        procedures.open(execution, ConventionProcedures.Kind.DENONCIATION);
        execution.setVariable(MOTIF_DENONCIATION, motif);
    }

    /** The letter (DOCX and the PDF that is sent); generated again once signed for the Recteur. */
    public void generateLetter(DelegateExecution execution) {
        ConventionRef convention = convention(execution);
        Party from = initiator(execution);
        NoticeProcedures.Letter letter = notice.letter(execution, from, Denonciations.letterSubject(),
                denonciations.letterBody(convention, from, (String) execution.getVariable(MOTIF_DENONCIATION)),
                "Denonciation-" + convention.numero() + ".docx");
        execution.setVariable(LETTRE, letter.docx());
        execution.setVariable(LETTRE_PDF, letter.pdf());
    }

    /** "Notifier la dénonciation" completed: checked, then stored as days. */
    public void checkNotification(DelegateTask task) {
        Denonciations.Notification notification = denonciations.checkNotification(new Denonciations.NotificationForm(
                        task.getVariable(DECISION_DENONCIATION), task.getVariable(ISSUE_LRAR),
                        task.getVariable(DATE_ENVOI_LRAR), task.getVariable(DATE_NOTIFICATION)),
                SubmittedDates.storedDay(task.getVariable(DATE_OUVERTURE)));
        if (notification.isAbandoned()) {
            task.getExecution().removeVariable(DATE_NOTIFICATION);
            return;
        }
        task.setVariable(DATE_NOTIFICATION, SubmittedDates.toDate(notification.notified()));
        task.setVariable(ISSUE_LRAR, notification.unclaimed() ? RegisteredLetter.ISSUE_NON_RECLAMEE
                : RegisteredLetter.ISSUE_RECUE);
        if (notification.sent() != null) {
            task.setVariable(DATE_ENVOI_LRAR, SubmittedDates.toDate(notification.sent()));
        } else {
            task.getExecution().removeVariable(DATE_ENVOI_LRAR);
        }
    }

    /** Notified: the convention goes en préavis; the process waits for its end. */
    public void record(DelegateExecution execution) {
        Date end = denonciations.record(convention(execution), initiator(execution),
                (Date) execution.getVariable(DATE_NOTIFICATION),
                RegisteredLetter.ISSUE_NON_RECLAMEE.equals(execution.getVariable(ISSUE_LRAR)),
                execution.getVariableTyped(LETTRE), execution.getVariableTyped(LETTRE_PDF));
        execution.setVariable(MOTIF_FIN, MOTIF_FIN_DENONCIATION);
        execution.setVariable(DATE_FIN_EXCLUSIVE, end);
    }

    public void abandon(DelegateExecution execution) {
        denonciations.abandon(convention(execution), initiator(execution));
    }

    private ConventionRef convention(DelegateExecution execution) {
        return registry.get(execution.getProcessBusinessKey());
    }

    private static Party initiator(DelegateExecution execution) {
        return Party.of(execution.getVariable(PARTIE_INITIATRICE));
    }
}
