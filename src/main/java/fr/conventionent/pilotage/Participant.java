package fr.conventionent.pilotage;

/** A member of the comité de pilotage: of the commune or of the académie ({@code partie}). */
public record Participant(String nom, String fonction, String partie, String email) {
}
