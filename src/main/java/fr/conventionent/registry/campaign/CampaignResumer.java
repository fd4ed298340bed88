package fr.conventionent.registry.campaign;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Campaigns cut short by a stop of the application go on at start-up, once the processes are deployed. */
@Component
public class CampaignResumer {

    private final CampaignRepository repository;
    private final CampaignRunner runner;

    public CampaignResumer(CampaignRepository repository, CampaignRunner runner) {
        this.repository = repository;
        this.runner = runner;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void resumeInterruptedCampaigns() {
        repository.running().forEach(runner::submit);
    }
}
