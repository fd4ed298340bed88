package fr.conventionent.aaf.process;

import static fr.conventionent.aaf.process.LivraisonAafProcess.*;

import fr.conventionent.aaf.sftp.DeliveryKeyPair;
import fr.conventionent.convention.InvalidSubmissionException;
import fr.conventionent.convention.JsonVariables;
import fr.conventionent.identity.EngineAuthorization;
import fr.conventionent.identity.UserDirectory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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

    public SetUpDeliveriesListener(RuntimeService runtimeService, EngineAuthorization engineAuthorization,
                                   AafKeyStore keyStore, UserDirectory users) {
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
        if (prefix != null) {
            String other = conventionUsing(prefix, task.getProcessInstanceId());
            if (other != null) {
                errors.add("Le préfixe « " + prefix + " » est déjà celui des livraisons de la convention " + other
                        + " : chaque cible a son propre préfixe.");
            }
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
        String user = users.currentUserId() != null ? users.currentUserId() : task.getAssignee();
        if (user != null) {
            instance.setVariable(PARAMETRE_PAR, user);
        }
    }

    /** The convention whose running deliveries already use this prefix, if any. */
    private String conventionUsing(String prefix, String ownInstanceId) {
        return engineAuthorization.withoutChecks(() -> runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(KEY).variableValueEquals(PREFIXE_FICHIERS, prefix).list().stream()
                .filter(p -> !p.getId().equals(ownInstanceId)).map(p -> p.getBusinessKey()).findFirst().orElse(null));
    }
}
