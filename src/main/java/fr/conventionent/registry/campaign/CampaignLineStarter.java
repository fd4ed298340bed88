package fr.conventionent.registry.campaign;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.InvalidSubmissionException;

/**
 * Starts the convention of one campaign line as the user who launched the campaign, exactly as that user would from
 * Tasklist: StartConventionListener applies the same rules (rights, one convention at a time per commune). The start
 * and the line's result commit together, each line in its own transaction, so one refusal undoes nothing else.
 */
@Component
public class CampaignLineStarter {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignLineStarter.class);
    /** In StartConventionListener's refusal of a second convention (reworded, its own message is shown as is). */
    private static final String ALREADY_RUNNING = "déjà en cours";

    private final CampaignRepository repository;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final TransactionTemplate transaction;

    public CampaignLineStarter(CampaignRepository repository, RuntimeService runtimeService,
                               IdentityService identityService, PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** @return false when the worker is being stopped: the line stays pending, to resume at the next start */
    public boolean start(long campaignId, CampaignLine line, String userId, List<String> groups) {
        try {
            transaction.executeWithoutResult(status -> {
                if (!repository.claimStarted(campaignId, line.rang())) {
                    return;
                }
                identityService.setAuthentication(userId, groups);
                try {
                    ProcessInstance convention = runtimeService.startProcessInstanceByKey(ConventionProcess.KEY,
                            Map.of(ConventionVariables.COMMUNE_INSEE, line.codeInsee()));
                    repository.recordStarted(campaignId, line.rang(), convention.getBusinessKey());
                } finally {
                    identityService.clearAuthentication();
                }
            });
            return true;
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
            String reason = reasonFor(line, e);
            transaction.executeWithoutResult(status -> repository.recordRefused(campaignId, line.rang(), reason));
            return true;
        }
    }

    private String reasonFor(CampaignLine line, RuntimeException e) {
        Optional<String> refusal = refusalOf(e);
        if (refusal.isEmpty()) {
            LOG.error("Campagne : démarrage impossible pour la commune {}", line.codeInsee(), e);
            return "erreur technique (relancer la campagne pour réessayer) : " + e.getMessage();
        }
        if (!refusal.get().contains(ALREADY_RUNNING)) {
            return refusal.get();
        }
        // the listener's refusal, completed with the number of the convention in the way
        return runningConvention(line.codeInsee())
                .map(numero -> "une convention est déjà en cours pour cette commune : " + numero)
                .orElse(refusal.get());
    }

    /** The French message of StartConventionListener's refusal, wherever the engine wrapped it. */
    static Optional<String> refusalOf(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.contains(InvalidSubmissionException.PREFIX)) {
                return Optional.of(message.substring(message.indexOf(InvalidSubmissionException.PREFIX)
                        + InvalidSubmissionException.PREFIX.length()).trim());
            }
        }
        return Optional.empty();
    }

    /** The number of the convention running for this commune: in preparation, in the circuit or in force. */
    private Optional<String> runningConvention(String insee) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(ConventionProcess.KEY)
                .variableValueEquals(ConventionVariables.COMMUNE_INSEE, insee).list().stream()
                .map(ProcessInstance::getBusinessKey).findFirst();
    }
}
