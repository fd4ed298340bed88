package fr.conventionent.convention;

import java.util.List;

import org.camunda.bpm.engine.exception.NotValidException;

/**
 * A refused completion: the whole engine command rolls back, so nothing the user submitted is
 * stored, and Tasklist shows the French message.
 */
public class InvalidSubmissionException extends NotValidException {

    private final List<String> errors;

    public InvalidSubmissionException(List<String> errors) {
        super(String.join(" ", errors));
        this.errors = List.copyOf(errors);
    }

    public InvalidSubmissionException(String error) {
        this(List.of(error));
    }

    public List<String> errors() {
        return errors;
    }
}
