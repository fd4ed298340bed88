package fr.conventionent.aaf.process;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import fr.conventionent.convention.OperatorChanged;

/** A convention's operator changed: its running deliveries wait for the DSI to confirm the new target. */
@Component
public class AafTargetChangeListener {

    private final AafDeliveries deliveries;

    public AafTargetChangeListener(AafDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @EventListener
    public void operatorChanged(OperatorChanged change) {
        deliveries.targetChanged(change.numero());
    }
}
