package fr.conventionent.signature;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import fr.conventionent.identity.UserDirectory;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.JsonVariables;

/**
 * The evidence of the circuit, as a parapheur keeps it: every completed step (its name and key) with its actor,
 * date, decision and reason, the points its reviewer ticked ({@code verifications}) and the SHA-256 of the PDF it saw
 * ({@code empreinte}), kept in the {@code historiqueCircuit} variable across rounds.
 */
@Component
public class CircuitJournal {

    private final UserDirectory users;

    public CircuitJournal(UserDirectory users) {
        this.users = users;
    }

    public void record(DelegateTask task, String decision, String motif) {
        record(task, decision, motif, List.of());
    }

    /** @param verifications the labels of the checklist points the reviewer ticked */
    @SuppressWarnings("unchecked")
    public void record(DelegateTask task, String decision, String motif, List<String> verifications) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Object entry : JsonVariables.readList(task.getVariable(ConventionVariables.HISTORIQUE_CIRCUIT), Map.class)) {
            entries.add((Map<String, Object>) entry);
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("etape", task.getName());
        entry.put("cle", task.getTaskDefinitionKey());
        entry.put("groupe", candidateGroup(task));
        entry.put("acteur", actor(task));
        entry.put("date", OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), FrenchFormats.PARIS).toString());
        entry.put("decision", decision);
        String empreinte = CircuitDocument.sha256Of(task.getExecution());
        if (empreinte != null) {
            entry.put("empreinte", empreinte);
        }
        if (motif != null) {
            entry.put("motif", motif);
        }
        if (!verifications.isEmpty()) {
            entry.put("verifications", List.copyOf(verifications));
        }
        entries.add(entry);
        task.setVariable(ConventionVariables.HISTORIQUE_CIRCUIT, JsonVariables.write(entries));
    }

    /** Completes the step just recorded (by a listener that runs after the journal's), e.g. with the signer's capacity. */
    @SuppressWarnings("unchecked")
    public void addToLastEntry(DelegateTask task, String key, String value) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Object entry : JsonVariables.readList(task.getVariable(ConventionVariables.HISTORIQUE_CIRCUIT), Map.class)) {
            entries.add((Map<String, Object>) entry);
        }
        if (entries.isEmpty()) {
            return;
        }
        entries.get(entries.size() - 1).put(key, value);
        task.setVariable(ConventionVariables.HISTORIQUE_CIRCUIT, JsonVariables.write(entries));
    }

    private String actor(DelegateTask task) {
        String current = users.currentUserId();
        return current != null ? current : task.getAssignee();
    }

    private static String candidateGroup(DelegateTask task) {
        return task.getCandidates().stream().map(link -> link.getGroupId()).filter(g -> g != null)
                .findFirst().orElse(null);
    }
}
