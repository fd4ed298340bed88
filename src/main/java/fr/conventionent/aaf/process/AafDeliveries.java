package fr.conventionent.aaf.process;

import static fr.conventionent.aaf.process.LivraisonAafProcess.*;

import fr.conventionent.aaf.AafAnnexScope;
import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.convention.ConventionRecipients;
import fr.conventionent.convention.ConventionRecords;
import fr.conventionent.identity.EngineAuthorization;
import fr.conventionent.identity.InstanceAccess;
import fr.conventionent.kernel.Contact;
import fr.conventionent.kernel.ConventionData;
import fr.conventionent.kernel.Ecole;
import fr.conventionent.kernel.Groups;
import fr.conventionent.kernel.JsonVariables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The AAF deliveries of the conventions (Annexe 2 §2): one {@code livraison-aaf} instance per signed convention,
 * with the convention's business key, started when the convention comes into force and stopped when it ends.
 */
@Component("aafDeliveries")
public class AafDeliveries {

    private static final Logger LOG = LoggerFactory.getLogger(AafDeliveries.class);

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final InstanceAccess instanceAccess;
    private final EngineAuthorization engineAuthorization;
    private final AafProperties properties;
    private final ConventionRecords records;
    private final ConventionRecipients recipients;

    public AafDeliveries(RuntimeService runtimeService, HistoryService historyService, InstanceAccess instanceAccess,
                         EngineAuthorization engineAuthorization, AafProperties properties, ConventionRecords records,
                         ConventionRecipients recipients) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.instanceAccess = instanceAccess;
        this.engineAuthorization = engineAuthorization;
        this.properties = properties;
        this.records = records;
        this.recipients = recipients;
    }

    /** The operator of the convention as it stands (after its avenants); null for a convention not recorded. */
    public String currentOperator(DelegateExecution deliveries) {
        return records.current(deliveries.getProcessBusinessKey()).map(ConventionData::exploitantEnt).orElse(null);
    }

    /**
     * What a run may deliver (data minimisation): the schools of the convention's Annexe 1 as it stands, and the
     * structures of the deliveries already sent. Empty for deliveries without a recorded convention (started by hand).
     */
    public Optional<AafAnnexScope> annexScope(DelegateExecution deliveries) {
        Map<String, String> known = new java.util.LinkedHashMap<>();
        Object sent = deliveries.getVariable(STRUCTURES_LIVREES);
        if (sent != null) {
            JsonVariables.read(sent).fields().forEachRemaining(e -> known.put(e.getKey(), e.getValue().asText()));
        }
        return records.current(deliveries.getProcessBusinessKey())
                .map(data -> AafAnnexScope.of(data.ecoles().stream().map(Ecole::uai).toList()).withKnown(known));
    }

    /** At set-up: the operator and correspondents the confirmed target belongs to. */
    void recordConfirmedTarget(DelegateExecution deliveries) {
        deliveries.setVariable(EXPLOITANT_CONFIRME, currentOperator(deliveries));
        deliveries.setVariable(CORRESPONDANTS_CONFIRMES, JsonVariables.write(recipients.correspondents(deliveries)));
        deliveries.removeVariable(RAISON_PARAMETRAGE);
    }

    /**
     * Whether the operator or its correspondents changed since the DSI confirmed the target: then no file leaves
     * before the DSI confirms the new one (the safety net when the change's message found the deliveries busy).
     */
    public boolean targetToConfirm(DelegateExecution deliveries) {
        Optional<ConventionData> current = records.current(deliveries.getProcessBusinessKey());
        if (current.isEmpty()) {
            return false; // deliveries without a recorded convention (started by hand)
        }
        Object confirmed = deliveries.getVariable(CORRESPONDANTS_CONFIRMES);
        if (confirmed == null) {
            // set up before targets were followed: the correspondents copied when the deliveries started
            return !current.get().correspondantsTechniques().equals(JsonVariables.readList(
                    deliveries.getVariable(CORRESPONDANTS_TECHNIQUES), Contact.class));
        }
        return !Objects.equals(current.get().exploitantEnt(), deliveries.getVariable(EXPLOITANT_CONFIRME))
                || !current.get().correspondantsTechniques().equals(JsonVariables.readList(confirmed, Contact.class));
    }

    /** An avenant changed the operator or its correspondents: the running deliveries wait for a new set-up. */
    public void targetChanged(String conventionNumero) {
        engineAuthorization.withoutChecks(() -> runtimeService.createMessageCorrelation(MESSAGE_TARGET_CHANGED)
                .processInstanceBusinessKey(conventionNumero).correlateAllWithResult());
    }

    /** From the convention's own step, when it comes into force: its number, commune and correspondents. */
    public void startFor(DelegateExecution convention) {
        String numero = convention.getProcessBusinessKey();
        start(numero, (String) convention.getVariable(COMMUNE_INSEE), (String) convention.getVariable(COMMUNE_LIBELLE),
                records.current(numero).map(ConventionData::correspondantsTechniques)
                        .map(contacts -> (Object) JsonVariables.write(contacts))
                        .orElseGet(() -> convention.getVariable(CORRESPONDANTS_TECHNIQUES)));
    }

    /**
     * Starts the deliveries of a convention, unless they already run: idempotent.
     *
     * @return the id of the running {@code livraison-aaf} instance
     */
    public String start(String conventionNumero, String communeInsee, String communeLibelle, Object correspondants) {
        return engineAuthorization.withoutChecks(() -> {
            Optional<ProcessInstance> running = running(conventionNumero);
            if (running.isPresent()) {
                return running.get().getId();
            }
            List<Contact> contacts = JsonVariables.readList(correspondants, Contact.class);
            Map<String, Object> variables = new HashMap<>();
            variables.put(CONVENTION_NUMERO, conventionNumero);
            variables.put(COMMUNE_INSEE, communeInsee);
            variables.put(COMMUNE_LIBELLE, communeLibelle);
            variables.put(CORRESPONDANTS_TECHNIQUES, JsonVariables.write(contacts));
            variables.put(CORRESPONDANTS_TECHNIQUES_TEXTE, AafDeliveryMails.contactsText(contacts));
            // defaults offered in the set-up task
            variables.put(JOURS_COMPLET, JsonVariables.write(properties.planning().joursComplet()));
            variables.put(JOURS_DELTA, JsonVariables.write(properties.planning().joursDelta()));
            variables.put(HEURE_LIVRAISON, properties.planning().heure());
            variables.put(LIVRER_ZIP, false);
            variables.put(JOINDRE_BORDEREAU, false);
            variables.put(PORT_SFTP, 22);
            ProcessInstance instance = runtimeService.startProcessInstanceByKey(KEY, conventionNumero, variables);
            if (communeInsee != null) {
                instanceAccess.grantRead(Groups.commune(communeInsee), instance.getId());
            }
            LOG.info("Livraisons AAF de la convention {} démarrées", conventionNumero);
            return instance.getId();
        });
    }

    /**
     * Stops the deliveries of a convention (message {@code ConventionTerminee}): the next run is cancelled, the
     * target's key deleted, the correspondents told. Nothing to do when none run.
     *
     * @return how many instances were stopped (0 or 1)
     */
    public int stop(String conventionNumero) {
        return engineAuthorization.withoutChecks(() -> {
            List<Execution> waiting = runtimeService.createExecutionQuery().processDefinitionKey(KEY)
                    .processInstanceBusinessKey(conventionNumero)
                    .messageEventSubscriptionName(MESSAGE_CONVENTION_TERMINEE).list();
            for (Execution execution : waiting) {
                runtimeService.createMessageCorrelation(MESSAGE_CONVENTION_TERMINEE)
                        .processInstanceId(execution.getProcessInstanceId()).correlateWithResult();
            }
            return waiting.size();
        });
    }

    /**
     * Asked before each run, as a safety net besides {@code ConventionTerminee}: the convention of these deliveries
     * has ended (its {@code convention} instance is finished, or was deleted) and none runs under its number.
     * Deliveries started without a convention instance (by hand) are not concerned.
     */
    public boolean conventionEnded(DelegateExecution deliveries) {
        String numero = deliveries.getProcessBusinessKey();
        return engineAuthorization.withoutChecks(() ->
                runtimeService.createProcessInstanceQuery().processDefinitionKey(ConventionProcess.KEY)
                        .processInstanceBusinessKey(numero).count() == 0
                && historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ConventionProcess.KEY)
                        .processInstanceBusinessKey(numero).finished().count() > 0);
    }

    public boolean isRunning(String conventionNumero) {
        return engineAuthorization.withoutChecks(() -> running(conventionNumero).isPresent());
    }

    private Optional<ProcessInstance> running(String conventionNumero) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(conventionNumero).list().stream().findFirst();
    }
}
