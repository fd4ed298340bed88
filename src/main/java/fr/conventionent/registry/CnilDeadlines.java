package fr.conventionent.registry;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import fr.conventionent.incident.IncidentCirconscriptions;
import fr.conventionent.incident.IncidentProcess;

/** The open "Notifier la CNIL" tasks of personal-data breaches and their 72-hour deadline (RGPD article 33). */
@Component
public class CnilDeadlines {

    /** {@code circonscriptions}: those of the schools the incident names (article 7), whose IENs see the deadline. */
    public record CnilDeadline(String incident, String communeInsee, List<String> circonscriptions,
                               String departement, Date due) {
    }

    private final TaskService taskService;
    private final RuntimeService runtimeService;

    public CnilDeadlines(TaskService taskService, RuntimeService runtimeService) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
    }

    public List<CnilDeadline> open() {
        List<CnilDeadline> deadlines = new ArrayList<>();
        for (Task task : taskService.createTaskQuery().processDefinitionKey(IncidentProcess.KEY)
                .taskDefinitionKey(IncidentProcess.TASK_NOTIFY_CNIL).list()) {
            Map<String, Object> incident = runtimeService.getVariables(task.getProcessInstanceId(), List.of(
                    IncidentProcess.INCIDENT_NUMERO, IncidentProcess.COMMUNE_INSEE, IncidentProcess.CIRCONSCRIPTION,
                    IncidentProcess.CIRCONSCRIPTIONS, IncidentProcess.DEPARTEMENT));
            deadlines.add(new CnilDeadline((String) incident.get(IncidentProcess.INCIDENT_NUMERO),
                    (String) incident.get(IncidentProcess.COMMUNE_INSEE),
                    IncidentCirconscriptions.of(incident.get(IncidentProcess.CIRCONSCRIPTIONS),
                            (String) incident.get(IncidentProcess.CIRCONSCRIPTION)),
                    (String) incident.get(IncidentProcess.DEPARTEMENT), task.getDueDate()));
        }
        return deadlines;
    }
}
