package fr.conventionent.avenant;

import static fr.conventionent.avenant.AvenantProcess.*;
import static fr.conventionent.kernel.ConventionVariables.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

import fr.conventionent.kernel.ConventionChanges;
import fr.conventionent.kernel.ConventionData;
import fr.conventionent.kernel.ConventionDataMapper;
import fr.conventionent.convention.ConventionProcedures;
import fr.conventionent.convention.ConventionRef;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.kernel.Party;
import fr.conventionent.kernel.SubmittedDates;
import fr.conventionent.document.PdfDocuments;
import fr.conventionent.signature.CircuitJournal;

/**
 * The steps of bpmn/avenant.bpmn, called by its expressions ({@code ${avenantSteps.apply(execution)}}): each reads
 * the process variables, asks {@link Avenants}, and writes back what the process needs next.
 */
@Component("avenantSteps")
public class AvenantSteps {

    private final Avenants avenants;
    private final ConventionProcedures procedures;
    private final CircuitJournal journal;
    private final PdfDocuments pdf;

    public AvenantSteps(Avenants avenants, ConventionProcedures procedures, CircuitJournal journal, PdfDocuments pdf) {
        this.avenants = avenants;
        this.procedures = procedures;
        this.journal = journal;
        this.pdf = pdf;
    }

    /** Start: checks the convention and who proposes; the avenant is numbered after the current version. */
    public void open(DelegateExecution execution) {
        ConventionRef convention = procedures.open(execution, ConventionProcedures.Kind.AVENANT);
        execution.setVariable(AVENANT_NUMERO, execution.getVariable(VERSION));
        ConventionData current = avenants.current(convention.numero());
        execution.setVariable(CONVENTION_AVANT, JsonVariables.write(current));
        ConventionDataMapper.write(current, execution);
    }

    /** "Rédiger l'avenant" completed: checked, unless its author abandons it. */
    public void checkDraft(DelegateTask task) {
        if (Boolean.TRUE.equals(task.getVariable(ABANDONNER))) {
            return;
        }
        task.setVariable(ABANDONNER, false);
        Avenants.Draft draft = avenants.checkDraft(task.getVariable(OBJET), task.getVariable(CLAUSES),
                ConventionDataMapper.read(task.getExecution()), before(task));
        ConventionDataMapper.write(draft.proposal(), task.getExecution());
        task.setVariable(OBJET, draft.objet());
        task.setVariable(CLAUSES, draft.clauses());
        task.setVariable(MODIFICATIONS, JsonVariables.write(draft.changes()));
        task.setVariable(RESUME, draft.summary());
        task.getExecution().removeVariable(MOTIF_REJET);
        task.getExecution().removeVariable(ETAPE_REJET);
        if (Party.COMMUNE.code().equals(task.getVariable(PARTIE_INITIATRICE))) {
            task.setVariable(APPROBATION_COMMUNE, avenants.approval("proposé par la commune"));
        } else {
            task.getExecution().removeVariable(APPROBATION_COMMUNE);
        }
        journal.record(task, "soumis", null);
    }

    /** The commune's approval and the DACES's review: a fresh decision each time, then checked. */
    public void startReview(DelegateTask task) {
        task.getExecution().removeVariable(DECISION);
        task.getExecution().removeVariable(MOTIF);
    }

    public void checkReview(DelegateTask task) {
        Object decision = task.getVariable(DECISION);
        String motif = avenants.checkReview(decision, task.getVariable(MOTIF));
        if (DECISION_REJETER.equals(decision)) {
            task.setVariable(MOTIF, motif);
        } else if (TASK_APPROVE_BY_COMMUNE.equals(task.getTaskDefinitionKey())) {
            task.setVariable(APPROBATION_COMMUNE, avenants.approval("approuvé par la commune"));
        }
        journal.record(task, (String) decision, motif.isEmpty() ? null : motif);
    }

    /** The numbered avenant (DOCX, and its PDF, which circulates) that goes through the signature circuit. */
    public void generate(DelegateExecution execution) {
        FileValue docx = avenants.generate(numbered(execution), before(execution));
        execution.setVariable(AVENANT_DOCX, docx);
        execution.setVariable(AVENANT_PDF, pdf.pdfOf(docx));
    }

    public void apply(DelegateExecution execution) {
        avenants.apply(new Avenants.Signed(numbered(execution), (Date) execution.getVariable(DATE_SIGNATURE_AVENANT),
                execution.getVariableTyped(AVENANT_DOCX), execution.getVariableTyped(AVENANT_SIGNE_SCAN)));
    }

    public void close(DelegateExecution execution) {
        avenants.close(execution.getProcessBusinessKey(), execution.getVariable(AVENANT_NUMERO),
                String.valueOf(execution.getVariable(ISSUE)), execution.getVariable(OBJET), execution.getVariable(MOTIF));
    }

    /** Whatever its outcome (including its cancellation), the avenant frees its convention. */
    public void release(DelegateExecution execution) {
        avenants.release(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }

    private static Avenants.Numbered numbered(DelegateExecution execution) {
        return new Avenants.Numbered(execution.getProcessBusinessKey(), (Integer) execution.getVariable(AVENANT_NUMERO),
                SubmittedDates.storedDay(execution.getVariable(DATE_SIGNATURE_CONVENTION)),
                new Avenants.Draft((String) execution.getVariable(OBJET), (String) execution.getVariable(CLAUSES),
                        ConventionDataMapper.read(execution),
                        JsonVariables.readObject(execution.getVariable(MODIFICATIONS), ConventionChanges.class)));
    }

    private static ConventionData before(VariableScope avenant) {
        return JsonVariables.readObject(avenant.getVariable(CONVENTION_AVANT), ConventionData.class);
    }
}
