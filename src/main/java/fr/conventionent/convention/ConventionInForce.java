package fr.conventionent.convention;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Published, inside the step that records it, when a signed convention comes into force: what starts with it (the
 * AAF deliveries) starts in the same transaction. {@code convention} is the convention's own execution.
 */
public record ConventionInForce(DelegateExecution convention) {
}
