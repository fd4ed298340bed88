package fr.conventionent.registry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One convention as the registry shows it (its row of {@code convention}). Every end is the last day in force,
 * inclusive ({@code dernierJour…}): what a reader takes « jusqu'au » to mean. {@code circonscription} is the
 * commune's; {@code circonscriptions} those of the schools of its Annexe 1 (table {@code circonscription_convention}).
 */
public record RegistryEntry(String processInstanceId, String numero, String communeInsee, String communeNom,
                            String departement, String circonscription, String statut, String etape,
                            OffsetDateTime etapeDepuis, LocalDate dateSignature, LocalDate dernierJourPeriodeInitiale,
                            LocalDate prochainAnniversaire, LocalDate limiteDenonciation, LocalDate dernierJour,
                            int version, LocalDate prochainComite, OffsetDateTime aafDerniere, String aafResultat,
                            String aafResume, List<String> circonscriptions) {

    public RegistryEntry {
        circonscriptions = circonscriptions == null || circonscriptions.isEmpty()
                ? (circonscription == null ? List.of() : List.of(circonscription)) : List.copyOf(circonscriptions);
    }

    /** The same convention with the circonscriptions of its schools. */
    RegistryEntry withCirconscriptions(List<String> schoolsCirconscriptions) {
        return new RegistryEntry(processInstanceId, numero, communeInsee, communeNom, departement, circonscription,
                statut, etape, etapeDepuis, dateSignature, dernierJourPeriodeInitiale, prochainAnniversaire,
                limiteDenonciation, dernierJour, version, prochainComite, aafDerniere, aafResultat, aafResume,
                schoolsCirconscriptions);
    }

    /** Avenants signed so far: each one raised the version by one. */
    public int avenants() {
        return Math.max(0, version - 1);
    }
}
