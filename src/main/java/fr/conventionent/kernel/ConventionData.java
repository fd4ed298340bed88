package fr.conventionent.kernel;

import java.util.List;

/**
 * What the commune fills in: everything the generated convention needs, and the commune's data-protection officer
 * (Annexe 2, optional: null when the commune did not name one), who answers for the commune to the CNIL.
 */
public record ConventionData(
        String communeInsee,
        String communeNom,
        String communeAdresse,
        String maireNom,
        List<Ecole> ecoles,
        Contact referentEnt,
        List<Contact> correspondantsTechniques,
        String editeurEnt,
        String exploitantEnt,
        Contact dpoCommune) {

    /** Data that does not name the commune's DPO. */
    public ConventionData(String communeInsee, String communeNom, String communeAdresse, String maireNom,
                          List<Ecole> ecoles, Contact referentEnt, List<Contact> correspondantsTechniques,
                          String editeurEnt, String exploitantEnt) {
        this(communeInsee, communeNom, communeAdresse, maireNom, ecoles, referentEnt, correspondantsTechniques,
                editeurEnt, exploitantEnt, null);
    }
}
