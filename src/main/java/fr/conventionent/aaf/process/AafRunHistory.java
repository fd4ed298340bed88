package fr.conventionent.aaf.process;

import static fr.conventionent.aaf.process.LivraisonAafProcess.*;

import fr.conventionent.convention.JsonVariables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** The run reports Cockpit shows: the last one, and a bounded history (oldest dropped first). */
@Component
public class AafRunHistory {

    private final AafProperties properties;

    public AafRunHistory(AafProperties properties) {
        this.properties = properties;
    }

    @SuppressWarnings("rawtypes")
    public void record(VariableScope variables, AafRunReport report) {
        Map<String, Object> entry = report.toVariable();
        List<Object> history = new ArrayList<>(JsonVariables.readList(variables.getVariable(HISTORIQUE_LIVRAISONS), Map.class));
        history.add(entry);
        int max = Math.max(1, properties.historique());
        if (history.size() > max) {
            history = new ArrayList<>(history.subList(history.size() - max, history.size()));
        }
        variables.setVariable(DERNIERE_LIVRAISON, JsonVariables.write(entry));
        variables.setVariable(HISTORIQUE_LIVRAISONS, JsonVariables.write(history));
    }
}
