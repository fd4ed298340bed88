package fr.conventionent.config.guard;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A write to a convention's data outside the form of one of its steps, by someone who is not an administrator:
 * refused before anything is stored. An authorization failure, so the REST API and Tasklist answer 403.
 */
public class VariableWriteRefusedException extends AuthorizationException {

    /** Starts every message, so that the web layer can recognise it under the engine's wrapping. */
    public static final String PREFIX = "Modification refusée : ";

    public VariableWriteRefusedException(String reason) {
        super(PREFIX + reason);
    }
}
