package fr.conventionent.aaf.process;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import fr.conventionent.convention.ConventionInForce;

/** A convention came into force: its AAF deliveries start (Annexe 2 §2), in the step that records it. */
@Component
public class AafDeliveriesStart {

    private final AafDeliveries deliveries;

    public AafDeliveriesStart(AafDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @EventListener
    public void conventionInForce(ConventionInForce event) {
        deliveries.startFor(event.convention());
    }
}
