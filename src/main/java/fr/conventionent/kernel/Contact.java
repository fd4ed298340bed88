package fr.conventionent.kernel;

/** A person of Annexe 2: the commune's référent ENT or a technical correspondent of the operator. */
public record Contact(String nom, String telephone, String email) {
}
