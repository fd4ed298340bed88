package fr.conventionent.aaf.process;

/**
 * The operator's server could not take the delivery (down, key refused, transfer cut): the run's job fails and is
 * retried with back-off, then shows as an incident in Cockpit with this message. Nothing is under a final name on
 * the server for the file that failed, and the inbox is untouched: the next attempt sends everything again.
 */
public class AafDeliveryFailedException extends RuntimeException {

    public AafDeliveryFailedException(String message) {
        super(message);
    }
}
