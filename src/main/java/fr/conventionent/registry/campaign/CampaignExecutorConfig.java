package fr.conventionent.registry.campaign;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Campaigns run in the background, one at a time: a single thread keeps the engine's load modest and two campaigns
 * about the same commune from racing. Not a default candidate, so nothing else picks it by type.
 */
@Configuration
public class CampaignExecutorConfig {

    public static final String EXECUTOR = "campaignTaskExecutor";

    @Bean(name = EXECUTOR, defaultCandidate = false)
    public ThreadPoolTaskExecutor campaignTaskExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setThreadNamePrefix("campagne-");
        // on shutdown the running campaign is interrupted: its pending lines resume at the next start
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }
}
