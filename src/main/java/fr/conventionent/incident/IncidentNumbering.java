package fr.conventionent.incident;

import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Component;

import fr.conventionent.identity.EngineAuthorization;
import fr.conventionent.kernel.FrenchFormats;

/** Readable incident numbers: INC-78646-20260302-01, the commune and the day it was reported (Paris). */
@Component
public class IncidentNumbering {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final HistoryService historyService;
    private final EngineAuthorization engineAuthorization;

    public IncidentNumbering(HistoryService historyService, EngineAuthorization engineAuthorization) {
        this.historyService = historyService;
        this.engineAuthorization = engineAuthorization;
    }

    public String next(String insee, Date reportedAt) {
        String prefix = prefix(insee, reportedAt);
        long existing = engineAuthorization.withoutChecks(() -> historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(IncidentProcess.KEY).processInstanceBusinessKeyLike(prefix + "%").count());
        return prefix + String.format("%02d", existing + 1);
    }

    static String prefix(String insee, Date reportedAt) {
        return "INC-" + insee + "-" + DAY.format(FrenchFormats.toLocalDate(reportedAt)) + "-";
    }
}
