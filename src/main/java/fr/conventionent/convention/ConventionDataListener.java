package fr.conventionent.convention;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import fr.conventionent.kernel.ConventionData;
import fr.conventionent.kernel.ConventionDataMapper;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.InvalidSubmissionException;

/**
 * On completion of "Compléter la convention": re-validates everything on the server and stores
 * the data normalised. The INSEE code is the one the convention was opened for, whatever was sent.
 */
@Component("conventionDataListener")
public class ConventionDataListener implements TaskListener {

    private final ConventionDataValidator validator;
    private final ConventionRecords records;

    public ConventionDataListener(ConventionDataValidator validator, ConventionRecords records) {
        this.validator = validator;
        this.records = records;
    }

    @Override
    public void notify(DelegateTask task) {
        ConventionData submitted = ConventionDataMapper.read(task.getExecution());
        String numero = String.valueOf(task.getExecution().getVariable(ConventionVariables.CONVENTION_NUMERO));
        if (!numero.startsWith("CONV-" + submitted.communeInsee() + "-")) {
            throw new InvalidSubmissionException("Le code INSEE de la commune ne peut pas être modifié : "
                    + "la convention " + numero + " a été ouverte pour une autre commune.");
        }
        ConventionData data = ConventionDataMapper.normalize(submitted);
        validator.check(data);
        ConventionDataMapper.write(data, task.getExecution());
        records.saveDraft(numero, ((Number) task.getExecution().getVariable(ConventionVariables.VERSION)).intValue(),
                data);
        task.getExecution().removeVariable(ConventionVariables.MOTIF_REJET);
        task.getExecution().removeVariable(ConventionVariables.ETAPE_REJET);
    }
}
