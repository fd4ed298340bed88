package fr.conventionent.registry;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import fr.conventionent.config.guard.AdminChangeJournal;
import fr.conventionent.identity.UserDirectory;
import fr.conventionent.kernel.ConventionDates;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.notification.MailProcess;
import fr.conventionent.signature.CommuneCopyProcess;
import fr.conventionent.signature.SignatureCircuitProcess;

/**
 * Everything recorded about one convention, from the engine's history of every process carrying its number (the
 * convention, its circuits, avenants, dénonciation or résiliation, comités, AAF deliveries): its documents and the
 * timeline of its steps.
 */
@Component
public class ConventionFile {

    private static final Map<String, String> DOCUMENT_LABELS = Map.ofEntries(
            Map.entry(ConventionVariables.CONVENTION_DOCX, "Convention (DOCX)"),
            Map.entry(ConventionVariables.CONVENTION_PDF, "Convention (PDF)"),
            Map.entry(ConventionVariables.CONVENTION_SIGNEE_SCAN, "Convention signée (scan PDF)"),
            Map.entry("bordereauCircuit", "Bordereau de circuit (DOCX)"),
            Map.entry("avenantDocx", "Avenant (DOCX)"),
            Map.entry("avenantPdf", "Avenant (PDF)"),
            Map.entry("avenantSigneScan", "Avenant signé (scan PDF)"),
            Map.entry("lettreDenonciation", "Lettre de dénonciation (DOCX)"),
            Map.entry("lettreDenonciationPdf", "Lettre de dénonciation (PDF)"),
            Map.entry("lettreMiseEnDemeure", "Lettre de mise en demeure (DOCX)"),
            Map.entry("lettreMiseEnDemeurePdf", "Lettre de mise en demeure (PDF)"),
            Map.entry("modeleCharte", "Modèle de charte des utilisateurs (DOCX)"),
            Map.entry("modeleChartePdf", "Modèle de charte des utilisateurs (PDF)"),
            Map.entry("compteRenduComite", "Compte rendu de comité de pilotage"));

    private final HistoryService historyService;
    private final UserDirectory users;
    private final AdminChangeJournal adminChanges;

    public ConventionFile(HistoryService historyService, UserDirectory users, AdminChangeJournal adminChanges) {
        this.historyService = historyService;
        this.users = users;
        this.adminChanges = adminChanges;
    }

    /** Every process instance about the convention, oldest first (not its mails: their content is elsewhere). */
    public List<HistoricProcessInstance> instances(String numero) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(numero)
                .orderByProcessInstanceStartTime().asc().list().stream()
                .filter(instance -> !MailProcess.KEY.equals(instance.getProcessDefinitionKey())).toList();
    }

    public List<ConventionDocumentRef> documents(List<HistoricProcessInstance> instances) {
        Map<String, HistoricProcessInstance> byId = byId(instances);
        Map<String, ConventionDocumentRef> documents = new LinkedHashMap<>();
        for (HistoricVariableInstance variable : files(instances)) {
            if (!(variable.getTypedValue() instanceof FileValue file) || file.getFilename() == null) {
                continue;
            }
            String label = label(variable.getName(), file.getFilename());
            // a called circuit carries copies of its caller's documents: one line per document
            documents.putIfAbsent(label + "|" + file.getFilename(), new ConventionDocumentRef(variable.getId(), label,
                    file.getFilename(), byId.get(variable.getProcessInstanceId()).getProcessDefinitionName(),
                    dateTime(variable.getCreateTime())));
        }
        return new ArrayList<>(documents.values());
    }

    /** A document's content, if it belongs to one of these instances. */
    public Optional<FileValue> document(List<HistoricProcessInstance> instances, String variableId) {
        HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery().variableId(variableId)
                .singleResult();
        if (variable == null || !byId(instances).containsKey(variable.getProcessInstanceId())
                || !(variable.getTypedValue() instanceof FileValue file)) {
            return Optional.empty();
        }
        return Optional.of(file);
    }

    public List<TimelineEvent> timeline(String numero, List<HistoricProcessInstance> instances) {
        List<TimelineEvent> events = new ArrayList<>();
        for (HistoricProcessInstance instance : instances) {
            String process = instance.getProcessDefinitionName();
            events.add(new TimelineEvent(dateTime(instance.getStartTime()), process, "Démarrage",
                    actor(instance.getStartUserId()), null, null));
            if (instance.getEndTime() != null) {
                events.add(new TimelineEvent(dateTime(instance.getEndTime()), process,
                        instance.getDeleteReason() == null ? "Fin" : "Arrêt (" + instance.getDeleteReason() + ")",
                        null, null, null));
            }
        }
        Map<String, HistoricProcessInstance> byId = byId(instances);
        for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(numero).finished().list()) {
            if (SignatureCircuitProcess.KEY.equals(task.getProcessDefinitionKey())
                    || !byId.containsKey(task.getProcessInstanceId())) {
                continue; // circuit steps come from the circuit's journal, with decision and reason
            }
            HistoricProcessInstance instance = byId.get(task.getProcessInstanceId());
            boolean completed = task.getDeleteReason() == null || "completed".equals(task.getDeleteReason());
            events.add(new TimelineEvent(dateTime(task.getEndTime()),
                    instance == null ? null : instance.getProcessDefinitionName(), task.getName(),
                    actor(task.getAssignee()), completed ? "terminée" : task.getDeleteReason(),
                    completed && CommuneCopyProcess.KEY.equals(task.getProcessDefinitionKey())
                            ? copyPosting(task.getProcessInstanceId()) : null));
        }
        events.addAll(circuitSteps(instances));
        events.addAll(adminChanges(numero));
        events.sort(Comparator.comparing(TimelineEvent::date, Comparator.nullsLast(Comparator.naturalOrder())));
        return events;
    }

    /**
     * The circuits' journals ({@code historiqueCircuit}): each step with actor (and capacity, when signing for the
     * Recteur), date, decision, reason and checked points.
     */
    private List<TimelineEvent> circuitSteps(List<HistoricProcessInstance> instances) {
        List<TimelineEvent> steps = new ArrayList<>();
        String[] circuits = instances.stream().filter(i -> SignatureCircuitProcess.KEY.equals(i.getProcessDefinitionKey()))
                .map(HistoricProcessInstance::getId).toArray(String[]::new);
        if (circuits.length == 0) {
            return steps;
        }
        Map<String, HistoricProcessInstance> byId = byId(instances);
        for (HistoricVariableInstance journal : historyService.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(circuits).variableName(ConventionVariables.HISTORIQUE_CIRCUIT).list()) {
            String process = byId.get(journal.getProcessInstanceId()).getProcessDefinitionName();
            for (JsonNode entry : JsonVariables.read(journal.getValue())) {
                steps.add(new TimelineEvent(OffsetDateTime.parse(entry.path("date").asText()), process,
                        entry.path("etape").asText(), actorAndCapacity(entry),
                        decision(entry.path("decision").asText(null)), reasonAndChecks(entry)));
            }
        }
        return steps;
    }

    /** The actor of a circuit step, and for the Recteur's signature in what capacity, as the bordereau shows it. */
    private String actorAndCapacity(JsonNode entry) {
        String actor = actor(entry.path("acteur").asText(null));
        String qualite = entry.path("qualite").asText("");
        return qualite.isBlank() ? actor : (actor == null ? "" : actor + " – ") + qualite;
    }

    /** The posting of the commune's copy: "Envoyé le 12 mars 2027, en recommandé n° 1A 234 567 8901 2". */
    private String copyPosting(String processInstanceId) {
        Map<String, Object> values = new LinkedHashMap<>();
        historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableNameIn(CommuneCopyProcess.DATE_ENVOI, CommuneCopyProcess.NUMERO_RECOMMANDE).list()
                .forEach(variable -> values.put(variable.getName(), variable.getValue()));
        if (!(values.get(CommuneCopyProcess.DATE_ENVOI) instanceof Date sent)) {
            return null;
        }
        Object number = values.get(CommuneCopyProcess.NUMERO_RECOMMANDE);
        return "Envoyé le " + FrenchFormats.longDate(sent)
                + (number == null || number.toString().isBlank() ? "" : ", en recommandé n° " + number);
    }

    /** A step's reason, then the checklist points its reviewer ticked. */
    private static String reasonAndChecks(JsonNode entry) {
        List<String> parts = new ArrayList<>();
        if (!entry.path("motif").asText("").isBlank()) {
            parts.add(entry.path("motif").asText());
        }
        List<String> checks = new ArrayList<>();
        entry.path("verifications").forEach(check -> checks.add(check.asText()));
        if (!checks.isEmpty()) {
            parts.add("Points vérifiés : " + String.join(" ; ", checks));
        }
        return parts.isEmpty() ? null : String.join(" – ", parts);
    }

    /** Changes made by administrators outside the forms (Cockpit, REST), with the value before and after. */
    private List<TimelineEvent> adminChanges(String numero) {
        return adminChanges.forConvention(numero).stream().map(change -> new TimelineEvent(change.date(),
                change.processus(), "Donnée « " + change.variable() + " » modifiée hors formulaire",
                actor(change.auteur()), switch (change.operation()) {
                    case "ajoutee" -> "ajoutée";
                    case "supprimee" -> "supprimée";
                    default -> "modifiée";
                }, "avant : " + shown(change.avant()) + " ; après : " + shown(change.apres()))).toList();
    }

    private static String shown(String value) {
        return value == null ? "(aucune valeur)" : "« " + value + " »";
    }

    private List<HistoricVariableInstance> files(List<HistoricProcessInstance> instances) {
        if (instances.isEmpty()) {
            return List.of();
        }
        return historyService.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
                .variableTypeIn("file").orderByProcessInstanceId().asc().list();
    }

    private static String label(String variable, String filename) {
        if (variable.startsWith(ConventionVariables.CONVENTION_DOCX_VERSION_PREFIX)) {
            return "Convention, version " + variable.substring(ConventionVariables.CONVENTION_DOCX_VERSION_PREFIX.length())
                    + " (DOCX)";
        }
        return DOCUMENT_LABELS.getOrDefault(variable, filename);
    }

    private static String decision(String decision) {
        if (decision == null) {
            return null;
        }
        return switch (decision) {
            case ConventionVariables.DECISION_VALIDER -> "validée";
            case ConventionVariables.DECISION_REJETER -> "rejetée";
            default -> decision;
        };
    }

    private String actor(String userId) {
        return userId == null || userId.isBlank() ? null : users.fullNameOf(userId) + " (" + userId + ")";
    }

    private static Map<String, HistoricProcessInstance> byId(List<HistoricProcessInstance> instances) {
        Map<String, HistoricProcessInstance> byId = new LinkedHashMap<>();
        instances.forEach(instance -> byId.put(instance.getId(), instance));
        return byId;
    }

    private static OffsetDateTime dateTime(Date date) {
        return date == null ? null : date.toInstant().atZone(ConventionDates.ZONE).toOffsetDateTime();
    }
}
