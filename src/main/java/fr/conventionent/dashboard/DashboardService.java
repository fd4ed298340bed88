package fr.conventionent.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import fr.conventionent.registry.RegistryService;

/** The dashboard's charts by name (the last part of their address), each computed for one viewer's scope. */
@Service
public class DashboardService {

    private final Map<String, Function<DashboardScope, DashboardTable>> charts = new LinkedHashMap<>();

    public DashboardService(StepDurations durations, CircuitStatistics circuit, StuckConventions stuck,
                            Coverage coverage, DueDates due, AafHealth aaf, SecurityIncidents incidents) {
        charts.put("etapes", durations::perStep);
        charts.put("rejets", circuit::rejections);
        charts.put("motifs", circuit::motifs);
        charts.put("bloquees", scope -> stuck.perStep(scope, now()));
        charts.put("bloquees-liste", scope -> stuck.list(scope, now()));
        charts.put("couverture", coverage::communes);
        charts.put("echeances", scope -> due.perMonth(scope, today()));
        charts.put("aaf", aaf::perWeek);
        charts.put("incidents", incidents::perQualification);
    }

    public Set<String> names() {
        return charts.keySet();
    }

    public DashboardTable chart(String name, DashboardScope scope) {
        Function<DashboardScope, DashboardTable> chart = charts.get(name);
        if (chart == null) {
            throw new DashboardRequestException(HttpStatus.NOT_FOUND, "Graphique inconnu : « " + name
                    + " » (attendu : " + String.join(", ", charts.keySet()) + ")");
        }
        return chart.apply(scope);
    }

    /** Today in Paris by the engine's clock (which tests move), as the registry counts. */
    public static LocalDate today() {
        return RegistryService.today();
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
