package fr.conventionent.registry;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One convention as the registry shows it (its row of {@code convention}). Every end is the last day in force,
 * inclusive ({@code dernierJour…}): what a reader takes « jusqu'au » to mean.
 */
public record RegistryEntry(String processInstanceId, String numero, String communeInsee, String communeNom,
                            String departement, String circonscription, String statut, String etape,
                            OffsetDateTime etapeDepuis, LocalDate dateSignature, LocalDate dernierJourPeriodeInitiale,
                            LocalDate prochainAnniversaire, LocalDate limiteDenonciation, LocalDate dernierJour,
                            int version, LocalDate prochainComite, OffsetDateTime aafDerniere, String aafResultat,
                            String aafResume) {

    /** Avenants signed so far: each one raised the version by one. */
    public int avenants() {
        return Math.max(0, version - 1);
    }
}
