package fr.conventionent.registry.campaign;

/** A code as the user gave it, with the line of the file it was on. */
public record SubmittedCode(int ligne, String code) {
}
