package fr.conventionent.convention;

/** A school of Annexe 1. */
public record Ecole(String uai, String nom, String adresse) {
}
