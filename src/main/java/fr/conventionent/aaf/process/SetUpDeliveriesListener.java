package fr.conventionent.aaf.process;

import static fr.conventionent.aaf.process.LivraisonAafProcess.*;

import fr.conventionent.aaf.sftp.DeliveryKeyPair;
import fr.conventionent.identity.EngineAuthorization;
import fr.conventionent.identity.UserDirectory;
import fr.conventionent.kernel.InvalidSubmissionException;
import fr.conventionent.kernel.JsonVariables;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Server-side check of the DSI's set-up on completion (Camunda Forms validate in the browser only): a refusal rolls
 * the completion back, nothing submitted is stored, and the French message reaches Tasklist (400 over REST).
 * Accepted values are stored normalised; the public key shown is put back from the key store whatever was sent.
 */
@Component("setUpAafDeliveriesListener")
public class SetUpDeliveriesListener implements TaskListener {

    private final RuntimeService runtimeService;
    private final EngineAuthorization engineAuthorization;
    private final AafKeyStore keyStore;
    private final UserDirectory users;
    private final AafDeliveries deliveries;

    public SetUpDeliveriesListener(RuntimeService runtimeService, EngineAuthorization engineAuthorization,
                                   AafKeyStore keyStore, UserDirectory users, AafDeliveries deliveries) {
        this.deliveries = deliveries;
        this.runtimeService = runtimeService;
        this.engineAuthorization = engineAuthorization;
        this.keyStore = keyStore;
        this.users = users;
    }

    @Override
    public void notify(DelegateTask task) {
        AafDeliverySettings.Validation validation = AafDeliverySettings.validate(task::getVariable);
        List<String> errors = new ArrayList<>(validation.errors());
        String prefix = (String) validation.variables().get(PREFIXE_FICHIERS);
        if (prefix != null && validation.errors().stream().noneMatch(e -> e.startsWith("Le préfixe"))) {
            otherTargetClashing(prefix, task.getProcessInstanceId()).ifPresent(errors::add);
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        DelegateExecution instance = task.getExecution().getProcessInstance();
        validation.variables().forEach((name, value) -> {
            if (value == null) {
                instance.removeVariable(name);
            } else {
                instance.setVariable(name, value instanceof Collection<?> ? JsonVariables.write(value) : value);
            }
        });
        DeliveryKeyPair key = keyStore.load(task.getExecution().getProcessBusinessKey());
        instance.setVariable(CLE_PUBLIQUE_SFTP, key.publicKeyLine());
        instance.setVariable(EMPREINTE_CLE_SFTP, key.fingerprint());
        instance.setVariable(DATE_PARAMETRAGE, ClockUtil.getCurrentTime());
        deliveries.recordConfirmedTarget(instance);
        String user = users.currentUserId() != null ? users.currentUserId() : task.getAssignee();
        if (user != null) {
            instance.setVariable(PARAMETRE_PAR, user);
        }
    }

    /**
     * Every target takes its files from the same inbox, told apart by prefix: two targets may not share a prefix,
     * nor have one prefix followed by {@code _} begin the other (the inbox keeps any unreadable name starting with
     * {@code <prefix>_} for the target, to report it).
     */
    private Optional<String> otherTargetClashing(String prefix, String ownInstanceId) {
        return engineAuthorization.withoutChecks(() -> {
            for (var variable : runtimeService.createVariableInstanceQuery().variableName(PREFIXE_FICHIERS).list()) {
                if (variable.getProcessInstanceId().equals(ownInstanceId) || !(variable.getValue() instanceof String other)) {
                    continue;
                }
                var instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
                        .processInstanceId(variable.getProcessInstanceId()).singleResult();
                if (instance == null) {
                    continue;
                }
                if (other.equals(prefix)) {
                    return Optional.of("Le préfixe « " + prefix + " » est déjà celui des livraisons de la"
                            + " convention " + instance.getBusinessKey() + " : chaque cible a son propre préfixe.");
                }
                if (other.startsWith(prefix + "_") || prefix.startsWith(other + "_")) {
                    return Optional.of("Le préfixe « " + prefix + " » se confond avec « " + other
                            + " », celui des livraisons de la convention " + instance.getBusinessKey()
                            + " : l'un ne doit pas commencer par l'autre suivi de « _ ».");
                }
            }
            return Optional.<String>empty();
        });
    }
}
