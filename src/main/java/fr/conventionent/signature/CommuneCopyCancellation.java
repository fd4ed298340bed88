package fr.conventionent.signature;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import fr.conventionent.convention.ConventionClosed;
import fr.conventionent.convention.ConventionRegistry;

/** The commune's copy of a convention that has ended no longer needs posting. */
@Component
public class CommuneCopyCancellation {

    private final ConventionRegistry registry;

    public CommuneCopyCancellation(ConventionRegistry registry) {
        this.registry = registry;
    }

    @EventListener
    public void conventionClosed(ConventionClosed event) {
        for (String copy : registry.running(CommuneCopyProcess.KEY, event.numero())) {
            registry.cancel(copy, "Convention terminée");
        }
    }
}
