package fr.conventionent.aaf.process;

import static fr.conventionent.aaf.process.LivraisonAafProcess.*;

import fr.conventionent.kernel.JsonVariables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The run reports Cockpit shows: the last one in full ({@code derniereLivraison}: files sent, every reason of a
 * refusal, files left aside) and a bounded history of short entries ({@code historiqueLivraisons}, oldest dropped
 * first; short because the engine's full history keeps each of its versions).
 */
@Component
public class AafRunHistory {

    private final AafProperties properties;

    public AafRunHistory(AafProperties properties) {
        this.properties = properties;
    }

    public void record(VariableScope variables, AafRunReport report) {
        List<Object> history = appended(variables.getVariable(HISTORIQUE_LIVRAISONS), report.toHistoryEntry(),
                properties.historique());
        variables.setVariable(DERNIERE_LIVRAISON, JsonVariables.write(report.toVariable()));
        variables.setVariable(HISTORIQUE_LIVRAISONS, JsonVariables.write(history));
    }

    /** The history with one more entry, keeping only the {@code max} most recent (at least one). */
    static List<Object> appended(Object history, Map<String, Object> entry, int max) {
        List<Object> entries = new ArrayList<>(JsonVariables.readList(history, Map.class));
        entries.add(entry);
        int keep = Math.max(1, max);
        return entries.size() > keep ? new ArrayList<>(entries.subList(entries.size() - keep, entries.size())) : entries;
    }
}
