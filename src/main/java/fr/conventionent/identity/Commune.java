package fr.conventionent.identity;

/** A commune of the académie, with what routing needs: its département and its circonscription. */
public record Commune(String insee, String nom, String departement, String circonscription,
                      String libelleCirconscription) {
}
