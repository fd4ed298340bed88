package fr.conventionent.resiliation;

import static fr.conventionent.kernel.ConventionVariables.*;
import static fr.conventionent.resiliation.ResiliationProcess.*;

import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

import fr.conventionent.convention.ConventionProcedures;
import fr.conventionent.convention.ConventionRef;
import fr.conventionent.convention.ConventionRegistry;
import fr.conventionent.kernel.Party;
import fr.conventionent.kernel.SubmittedDates;
import fr.conventionent.identity.EngineAuthorization;
import fr.conventionent.notice.NoticeProcedures;
import fr.conventionent.notice.RegisteredLetter;

/**
 * The steps of bpmn/resiliation.bpmn, called by its expressions ({@code ${resiliationSteps.pronounce(execution)}}):
 * each reads the process variables, asks {@link Resiliations}, and writes back what the process needs next.
 */
@Component("resiliationSteps")
public class ResiliationSteps {

    private final Resiliations resiliations;
    private final ConventionProcedures procedures;
    private final NoticeProcedures notice;
    private final ConventionRegistry registry;
    private final ManagementService managementService;
    private final EngineAuthorization engineAuthorization;

    public ResiliationSteps(Resiliations resiliations, ConventionProcedures procedures, NoticeProcedures notice,
                            ConventionRegistry registry, ManagementService managementService,
                            EngineAuthorization engineAuthorization) {
        this.resiliations = resiliations;
        this.procedures = procedures;
        this.notice = notice;
        this.registry = registry;
        this.managementService = managementService;
        this.engineAuthorization = engineAuthorization;
    }

    public void open(DelegateExecution execution) {
        procedures.open(execution, ConventionProcedures.Kind.RESILIATION);
    }

    /** "Qualifier le manquement" completed: checked, then kept as the mise en demeure will state it. */
    public void checkBreach(DelegateTask task) {
        Resiliations.Breach breach = resiliations.checkBreach(initiator(task), new Resiliations.BreachForm(
                task.getVariable(NATURE_MANQUEMENT), task.getVariable(ENGAGEMENT), task.getVariable(DESCRIPTION),
                task.getVariable(PAS_FORCE_MAJEURE)));
        task.setVariable(DESCRIPTION, breach.description());
        if (breach.commitment() == null) {
            task.getExecution().removeVariable(ENGAGEMENT);
        }
    }

    /** The mise en demeure (DOCX and the PDF that is sent); generated again once signed for the Recteur. */
    public void generateFormalNotice(DelegateExecution execution) {
        ConventionRef convention = convention(execution);
        Party from = initiator(execution);
        NoticeProcedures.Letter letter = notice.letter(execution, from, Resiliations.formalNoticeSubject(),
                resiliations.formalNoticeBody(convention, from, breach(execution)),
                "Mise-en-demeure-" + convention.numero() + ".docx");
        execution.setVariable(LETTRE, letter.docx());
        execution.setVariable(LETTRE_PDF, letter.pdf());
    }

    /** "Envoyer la mise en demeure" completed. */
    public void checkSending(DelegateTask task) {
        Resiliations.Sending sending = resiliations.checkSending(task.getVariable(DECISION_ENVOI),
                task.getVariable(DATE_ENVOI_LRAR), task.getVariable(NUMERO_LRAR),
                SubmittedDates.storedDay(task.getVariable(DATE_OUVERTURE)));
        if (sending.sent() == null) {
            task.getExecution().removeVariable(DATE_ENVOI_LRAR);
            return;
        }
        task.setVariable(DATE_ENVOI_LRAR, SubmittedDates.toDate(sending.sent()));
        task.setVariable(NUMERO_LRAR, sending.lrarNumber());
    }

    public void recordFormalNotice(DelegateExecution execution) {
        resiliations.recordFormalNotice(convention(execution), initiator(execution),
                (Date) execution.getVariable(DATE_ENVOI_LRAR), breach(execution), execution.getVariableTyped(LETTRE),
                execution.getVariableTyped(LETTRE_PDF));
    }

    /**
     * "Enregistrer l'avis de réception" completed. A pli not claimed moves the end of the three months to its first
     * presentation: the expiry timer and the due date of "Constater la régularisation" move with it.
     */
    public void checkAcknowledgement(DelegateTask task) {
        Resiliations.Acknowledgement acknowledgement = resiliations.checkAcknowledgement(task.getVariable(ISSUE_LRAR),
                task.getVariable(DATE_ACCUSE_RECEPTION), task.getVariable(DATE_PREMIERE_PRESENTATION),
                SubmittedDates.storedDay(task.getVariable(DATE_ENVOI_LRAR)));
        if (acknowledgement.received() != null) {
            task.setVariable(DATE_ACCUSE_RECEPTION, SubmittedDates.toDate(acknowledgement.received()));
            task.setVariable(ISSUE_LRAR, RegisteredLetter.ISSUE_RECUE);
            return;
        }
        Date presented = SubmittedDates.toDate(acknowledgement.firstPresentation());
        task.setVariable(DATE_PREMIERE_PRESENTATION, presented);
        task.setVariable(ISSUE_LRAR, RegisteredLetter.ISSUE_NON_RECLAMEE);
        task.getExecution().removeVariable(DATE_ACCUSE_RECEPTION);
        Date resiliation = resiliations.unclaimed(registry.get(task.getExecution().getProcessBusinessKey()),
                initiator(task), presented, task.getExecution().getVariableTyped(LETTRE_PDF));
        String processInstanceId = task.getProcessInstanceId();
        engineAuthorization.withoutChecks(() -> {
            Job expiry = managementService.createJobQuery().processInstanceId(processInstanceId)
                    .activityId(TIMER_FORMAL_NOTICE_EXPIRED).timers().singleResult();
            if (expiry != null) {
                managementService.setJobDuedate(expiry.getId(), resiliation);
            }
            return null;
        });
        Context.getCommandContext().getTaskManager().findTasksByProcessInstanceId(processInstanceId).stream()
                .filter(open -> TASK_CONFIRM_REMEDY.equals(open.getTaskDefinitionKey()))
                .forEach(remedy -> remedy.setDueDate(resiliation));
    }

    /** "Constater la régularisation" completed. */
    public void checkRemedy(DelegateTask task) {
        Resiliations.Remedy remedy = resiliations.checkRemedy(task.getVariable(MANQUEMENT_REPARE),
                task.getVariable(DATE_REGULARISATION), task.getVariable(COMMENTAIRE_REGULARISATION),
                SubmittedDates.storedDay(task.getVariable(DATE_ENVOI_LRAR)));
        task.setVariable(DATE_REGULARISATION, SubmittedDates.toDate(remedy.remedied()));
        task.setVariable(COMMENTAIRE_REGULARISATION, remedy.comment());
    }

    public void closeRemedied(DelegateExecution execution) {
        resiliations.closeRemedied(convention(execution), (Date) execution.getVariable(DATE_ENVOI_LRAR),
                (Date) execution.getVariable(DATE_REGULARISATION), (String) execution.getVariable(COMMENTAIRE_REGULARISATION));
    }

    /** Three months without effect: the convention is résiliée; the procedure keeps the dates it waits on. */
    public void pronounce(DelegateExecution execution) {
        resiliations.pronounce(convention(execution), noticeStart(execution),
                (Date) execution.getVariable(DATE_ENVOI_LRAR), breach(execution)).forEach(execution::setVariable);
    }

    public void abandon(DelegateExecution execution) {
        resiliations.abandon(convention(execution), initiator(execution));
    }

    /** The day the three months start: the sending, or the first presentation of a pli that was not claimed. */
    static Date noticeStart(VariableScope procedure) {
        Object presented = procedure.getVariable(DATE_PREMIERE_PRESENTATION);
        return presented instanceof Date date ? date : (Date) procedure.getVariable(DATE_ENVOI_LRAR);
    }

    private static Resiliations.Breach breach(VariableScope procedure) {
        return new Resiliations.Breach((String) procedure.getVariable(NATURE_MANQUEMENT),
                Commitment.of(procedure.getVariable(ENGAGEMENT)).orElse(null),
                (String) procedure.getVariable(DESCRIPTION));
    }

    private ConventionRef convention(DelegateExecution execution) {
        return registry.get(execution.getProcessBusinessKey());
    }

    private static Party initiator(VariableScope procedure) {
        return Party.of(procedure.getVariable(PARTIE_INITIATRICE));
    }
}
