package fr.conventionent.incident;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The circonscriptions of each incident in a table ({@code circonscription_incident}), so that the dashboard counts
 * an incident for the IEN of each school it names, in SQL: written when the incident is reported, in its transaction.
 * At start-up, the incidents reported before the table existed get theirs from the engine's history (idempotent;
 * when several nodes start together, the one that loses the race finds the copy made).
 */
@Component
@Order(5)
public class IncidentCirconscriptionsLog implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentCirconscriptionsLog.class);

    private final JdbcTemplate jdbc;
    private final HistoryService historyService;

    public IncidentCirconscriptionsLog(JdbcTemplate jdbc, HistoryService historyService) {
        this.jdbc = jdbc;
        this.historyService = historyService;
    }

    public void record(String incidentInstance, List<String> circonscriptions) {
        for (String circonscription : circonscriptions) {
            jdbc.update("INSERT INTO circonscription_incident (instance_incident, circonscription) VALUES (?, ?)",
                    incidentInstance, circonscription);
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> missing = jdbc.queryForList("SELECT p.ID_ FROM ACT_HI_PROCINST p WHERE p.PROC_DEF_KEY_ = ?"
                + " AND NOT EXISTS (SELECT 1 FROM circonscription_incident ci WHERE ci.instance_incident = p.ID_)",
                String.class, IncidentProcess.KEY);
        int copied = 0;
        try {
            for (String instance : missing) {
                List<String> circonscriptions = IncidentCirconscriptions.of(variable(instance,
                        IncidentProcess.CIRCONSCRIPTIONS), (String) variable(instance, IncidentProcess.CIRCONSCRIPTION));
                record(instance, circonscriptions);
                copied += circonscriptions.isEmpty() ? 0 : 1;
            }
        } catch (DataIntegrityViolationException e) {
            LOG.debug("Circonscriptions des incidents déjà reprises par un autre nœud", e);
        }
        if (copied > 0) {
            LOG.info("Incidents : circonscriptions de {} incident(s) reprises de l'historique du moteur", copied);
        }
    }

    private Object variable(String instance, String name) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName(name)
                .disableCustomObjectDeserialization().list().stream().findFirst()
                .map(HistoricVariableInstance::getValue).orElse(null);
    }
}
