package fr.conventionent.convention;

import static fr.conventionent.kernel.ConventionVariables.*;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import fr.conventionent.kernel.ConventionDataMapper;
import fr.conventionent.kernel.ConventionDates;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.kernel.SubmittedDates;

/**
 * The convention comes into force (start of "Convention en vigueur"): sets up what its timers and
 * procedures read: the current period (initial term of 4 years), the last day to denounce, the
 * first comité de pilotage, version 1, and the free locks of the procedures.
 */
@Component("conventionInForceListener")
public class ConventionInForceListener implements ExecutionListener {

    private final ConventionDates dates;
    private final ConventionRecords records;
    private final ConventionLife life;

    public ConventionInForceListener(ConventionDates dates, ConventionRecords records, ConventionLife life) {
        this.life = life;
        this.dates = dates;
        this.records = records;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Date signature = (Date) execution.getVariable(DATE_SIGNATURE);
        LocalDate signed = ConventionDates.toLocalDate(signature);
        execution.setVariable(DATE_DEBUT_PERIODE, ConventionDates.toDate(signed));
        execution.setVariable(DERNIER_JOUR_PERIODE, dates.lastDayOfInitialTerm(signature));
        execution.setVariable(DATE_LIMITE_DENONCIATION,
                ConventionDates.toDate(dates.lastDayToDenounce(signed, SubmittedDates.today())));
        setIfAbsent(execution, RECONDUCTIONS, JsonVariables.write(List.of()));
        setIfAbsent(execution, NUMERO_COMITE, 1);
        setIfAbsent(execution, COMITES, JsonVariables.write(List.of()));
        setIfAbsent(execution, AVENANTS, JsonVariables.write(List.of()));
        setIfAbsent(execution, PROCEDURE_FIN, "");
        setIfAbsent(execution, AVENANT_EN_COURS, "");
        ConventionVersions.recordInitial(execution);
        String numero = execution.getProcessBusinessKey();
        int version = ((Number) execution.getVariable(VERSION)).intValue();
        if (!records.markSigned(numero, version, signed, ConventionVersions.INITIAL)) {
            records.recordSigned(numero, version, signed, ConventionVersions.INITIAL, ConventionDataMapper.read(execution));
        }
        life.signed(numero, signed);
    }

    private static void setIfAbsent(DelegateExecution execution, String name, Object value) {
        if (execution.getVariable(name) == null) {
            execution.setVariable(name, value);
        }
    }
}
