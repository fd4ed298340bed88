package fr.conventionent.kernel;

/** A school of Annexe 1. */
public record Ecole(String uai, String nom, String adresse) {
}
