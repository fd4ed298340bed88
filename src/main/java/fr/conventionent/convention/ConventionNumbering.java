package fr.conventionent.convention;

import java.time.Year;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import fr.conventionent.identity.EngineAuthorization;
import fr.conventionent.kernel.FrenchFormats;

/**
 * Readable convention numbers that contain the INSEE code: CONV-78646-2026-01. The next one follows both the
 * engine's history and the registry of conventions, so that a number is never given twice, even after an
 * administrator deleted history (a deployment removed with its instances).
 */
@Component
public class ConventionNumbering {

    private final HistoryService historyService;
    private final EngineAuthorization engineAuthorization;
    private final JdbcTemplate jdbc;

    public ConventionNumbering(HistoryService historyService, EngineAuthorization engineAuthorization,
                               JdbcTemplate jdbc) {
        this.historyService = historyService;
        this.engineAuthorization = engineAuthorization;
        this.jdbc = jdbc;
    }

    public String next(String insee) {
        String prefix = "CONV-" + insee + "-" + Year.from(ClockUtil.getCurrentTime().toInstant()
                .atZone(FrenchFormats.PARIS)) + "-";
        long existing = engineAuthorization.withoutChecks(() -> historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ConventionProcess.KEY).processInstanceBusinessKeyLike(prefix + "%").count());
        List<String> registered = jdbc.queryForList("SELECT numero FROM convention WHERE numero LIKE ?",
                String.class, prefix + "%");
        for (String numero : registered) {
            try {
                existing = Math.max(existing, Long.parseLong(numero.substring(prefix.length())));
            } catch (NumberFormatException e) {
                // not one of ours: ignored
            }
        }
        return prefix + String.format("%02d", existing + 1);
    }
}
