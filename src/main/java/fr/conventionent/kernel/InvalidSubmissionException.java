package fr.conventionent.kernel;

import java.util.List;

import org.camunda.bpm.engine.exception.NotValidException;

/**
 * A refused completion: the whole engine command rolls back, so nothing the user submitted is
 * stored, and Tasklist shows the French message.
 */
public class InvalidSubmissionException extends NotValidException {

    /** Starts every message, so that the REST layer can recognise it under the engine's wrapping. */
    public static final String PREFIX = "Saisie refusée : ";

    private final List<String> errors;

    public InvalidSubmissionException(List<String> errors) {
        super(PREFIX + String.join(" ", errors));
        this.errors = List.copyOf(errors);
    }

    public InvalidSubmissionException(String error) {
        this(List.of(error));
    }

    public List<String> errors() {
        return errors;
    }
}
