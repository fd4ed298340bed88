package fr.conventionent.benchmark;

import java.util.Locale;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * What the engine did, counted in its history: process instances (the convention, its circuit, each mail's own
 * {@code envoi-courriel}…), activities, user tasks and jobs run. Tells where a circuit's time can go.
 */
record EngineWork(double processes, double activities, double userTasks, double jobs, double mails) {

    static EngineWork of(ProcessEngine engine) {
        HistoryService history = engine.getHistoryService();
        return new EngineWork(history.createHistoricProcessInstanceQuery().count(),
                history.createHistoricActivityInstanceQuery().count(),
                history.createHistoricTaskInstanceQuery().count(),
                history.createHistoricJobLogQuery().successLog().count(),
                history.createHistoricProcessInstanceQuery().processDefinitionKey("envoi-courriel").count());
    }

    EngineWork minus(EngineWork before) {
        return new EngineWork(processes - before.processes, activities - before.activities,
                userTasks - before.userTasks, jobs - before.jobs, mails - before.mails);
    }

    EngineWork per(int circuits) {
        return new EngineWork(processes / circuits, activities / circuits, userTasks / circuits, jobs / circuits,
                mails / circuits);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.1f instances (dont %.1f courriels), %.0f activités, %.0f tâches,"
                + " %.1f jobs", processes, mails, activities, userTasks, jobs);
    }
}
