package fr.conventionent.registry.campaign;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Works through a campaign's pending lines in the background, recording each result as it goes: the progress is
 * what the lines table says. Safe to run twice on the same campaign (each line is taken once).
 */
@Component
public class CampaignRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignRunner.class);

    private final CampaignRepository repository;
    private final CampaignLineStarter starter;
    private final IdentityService identityService;
    private final TaskExecutor executor;

    public CampaignRunner(CampaignRepository repository, CampaignLineStarter starter, IdentityService identityService,
                          @Qualifier(CampaignExecutorConfig.EXECUTOR) TaskExecutor executor) {
        this.repository = repository;
        this.starter = starter;
        this.identityService = identityService;
        this.executor = executor;
    }

    public void submit(long campaignId) {
        executor.execute(() -> run(campaignId));
    }

    void run(long campaignId) {
        try {
            Campaign campaign = repository.find(campaignId).orElse(null);
            if (campaign == null) {
                return;
            }
            // the launcher's groups now (a resumed campaign acts with today's rights, as StartConventionListener checks)
            List<String> groups = identityService.createGroupQuery().groupMember(campaign.lancePar()).list().stream()
                    .map(Group::getId).toList();
            for (CampaignLine line : repository.pendingLines(campaignId)) {
                if (Thread.currentThread().isInterrupted()
                        || !starter.start(campaignId, line, campaign.lancePar(), groups)) {
                    LOG.info("Campagne {} interrompue : elle reprendra au prochain démarrage", campaignId);
                    return;
                }
            }
            repository.finishIfDone(campaignId);
        } catch (RuntimeException e) {
            LOG.error("Campagne {} arrêtée : elle reprendra au prochain démarrage", campaignId, e);
        }
    }
}
