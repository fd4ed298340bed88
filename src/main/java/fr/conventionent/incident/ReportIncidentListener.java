package fr.conventionent.incident;

import static fr.conventionent.incident.IncidentProcess.*;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

import fr.conventionent.identity.InstanceAccess;
import fr.conventionent.identity.UserDirectory;
import fr.conventionent.kernel.Groups;
import fr.conventionent.kernel.JsonVariables;

/**
 * A new incident report: checks it (a refusal rolls the whole start back: no instance, nothing
 * stored), numbers it, stores the report in normalised form, routes it (the circonscriptions of the schools it names) and lets
 * the commune's group read it. Académie roles read every incident through IncidentPermissions.
 */
@Component("reportIncidentListener")
public class ReportIncidentListener implements ExecutionListener {

    private static final String[] REPORTED = {TYPE_INCIDENT, DATE_DETECTION, COMMUNE_INSEE, ECOLES_UAI,
            DONNEES_PERSONNELLES, DESCRIPTION, COMPETENCE};

    private final IncidentReportValidator validator;
    private final IncidentNumbering numbering;
    private final BreachDeadlines deadlines;
    private final UserDirectory users;
    private final InstanceAccess instanceAccess;
    private final IncidentCirconscriptions circonscriptions;
    private final IncidentCirconscriptionsLog circonscriptionsLog;

    public ReportIncidentListener(IncidentReportValidator validator, IncidentNumbering numbering,
                                  BreachDeadlines deadlines, UserDirectory users, InstanceAccess instanceAccess,
                                  IncidentCirconscriptions circonscriptions,
                                  IncidentCirconscriptionsLog circonscriptionsLog) {
        this.validator = validator;
        this.numbering = numbering;
        this.deadlines = deadlines;
        this.users = users;
        this.instanceAccess = instanceAccess;
        this.circonscriptions = circonscriptions;
        this.circonscriptionsLog = circonscriptionsLog;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Map<String, Object> raw = new HashMap<>();
        for (String name : REPORTED) {
            raw.put(name, execution.getVariable(name));
        }
        for (String name : PIECES_JOINTES) {
            Object typed = execution.getVariableTyped(name);
            raw.put(name, typed instanceof FileValue ? typed : execution.getVariable(name));
        }
        Date now = ClockUtil.getCurrentTime();
        IncidentReport report = validator.check(raw, users.currentUserId(), users.currentGroupIds(), now);

        String numero = numbering.next(report.commune().insee(), now);
        execution.setProcessBusinessKey(numero);
        execution.setVariable(INCIDENT_NUMERO, numero);
        execution.setVariable(TYPE_INCIDENT, report.type());
        execution.setVariable(TYPE_INCIDENT_LIBELLE, IncidentLists.label(IncidentLists.TYPES, report.type()));
        execution.setVariable(DATE_DETECTION, report.detection());
        execution.setVariable(DATE_DETECTION_TEXTE, BreachDeadlines.longDateTime(report.detection()));
        execution.setVariable(ECHEANCE_CNIL_TEXTE, deadlines.deadlineText(report.detection()));
        execution.setVariable(COMMUNE_INSEE, report.commune().insee());
        execution.setVariable(COMMUNE_LIBELLE, report.commune().nom());
        execution.setVariable(DEPARTEMENT, report.commune().departement());
        execution.setVariable(CIRCONSCRIPTION, report.commune().circonscription());
        java.util.List<String> concerned = circonscriptions.of(report);
        execution.setVariable(CIRCONSCRIPTIONS, JsonVariables.write(concerned));
        circonscriptionsLog.record(execution.getProcessInstanceId(), concerned);
        execution.setVariable(ECOLES_UAI, JsonVariables.write(report.ecolesUai()));
        execution.setVariable(DONNEES_PERSONNELLES, report.donneesPersonnelles());
        execution.setVariable(DESCRIPTION, report.description());
        execution.setVariable(COMPETENCE, report.competence());
        execution.setVariable(COMPETENCE_LIBELLE, IncidentLists.label(IncidentLists.COMPETENCES, report.competence()));
        execution.setVariable(DECLARANT, users.currentUserId());
        execution.setVariable(DATE_SIGNALEMENT, now);
        for (String name : PIECES_JOINTES) {
            if (IncidentReportValidator.isEmptyUpload(raw.get(name))) {
                execution.removeVariable(name);
            }
        }
        instanceAccess.grantRead(Groups.commune(report.commune().insee()), execution.getProcessInstanceId());
    }
}
