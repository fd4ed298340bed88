package fr.conventionent.convention;

/**
 * Published, inside the step that closes it, when a convention has ended: what still runs about it in other
 * features (the posting of the commune's copy) stops in the same transaction.
 */
public record ConventionClosed(String numero) {
}
