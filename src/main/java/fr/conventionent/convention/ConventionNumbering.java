package fr.conventionent.convention;

import java.time.Year;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import fr.conventionent.identity.EngineAuthorization;

/** Readable convention numbers that contain the INSEE code: CONV-78646-2026-01. */
@Component
public class ConventionNumbering {

    private final HistoryService historyService;
    private final EngineAuthorization engineAuthorization;

    public ConventionNumbering(HistoryService historyService, EngineAuthorization engineAuthorization) {
        this.historyService = historyService;
        this.engineAuthorization = engineAuthorization;
    }

    public String next(String insee) {
        String prefix = "CONV-" + insee + "-" + Year.from(ClockUtil.getCurrentTime().toInstant()
                .atZone(FrenchFormats.PARIS)) + "-";
        long existing = engineAuthorization.withoutChecks(() -> historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ConventionProcess.KEY).processInstanceBusinessKeyLike(prefix + "%").count());
        return prefix + String.format("%02d", existing + 1);
    }
}
