package fr.conventionent.registry;

import java.time.OffsetDateTime;

/** A document of a convention (generated DOCX, signed scan, letter, avenant, evidence sheet) and where to get it. */
public record ConventionDocumentRef(String id, String libelle, String fichier, String processus,
                                    OffsetDateTime date) {
}
