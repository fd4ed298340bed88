package fr.conventionent.identity;

/**
 * A commune of the académie, with what routing needs (its département and its circonscription) and the SIRET of
 * its mairie, by which ProConnect names the organisation of an agent (null when the referential does not give it).
 */
public record Commune(String insee, String nom, String departement, String circonscription,
                      String libelleCirconscription, String siret) {

    public Commune(String insee, String nom, String departement, String circonscription,
                   String libelleCirconscription) {
        this(insee, nom, departement, circonscription, libelleCirconscription, null);
    }
}
