package fr.conventionent.convention;

import java.util.List;

/** What the commune fills in: everything the generated convention needs. */
public record ConventionData(
        String communeInsee,
        String communeNom,
        String communeAdresse,
        String maireNom,
        List<Ecole> ecoles,
        Contact referentEnt,
        List<Contact> correspondantsTechniques,
        String editeurEnt,
        String exploitantEnt) {
}
