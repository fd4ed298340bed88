package fr.conventionent.registry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A convention as the registry page, its CSV export and its calendar show it: the stored row and what it means today.
 * {@code circonscription} is the commune's, {@code circonscriptions} every circonscription of a school of the
 * convention (the commune's own when the referential does not split it).
 */
public record RegistryLine(String numero, String communeInsee, String communeNom, String departement,
                           String circonscription, String statut, String statutLibelle, String etape,
                           Long joursALEtape, LocalDate dateSignature, LocalDate dernierJourPeriodeInitiale,
                           LocalDate prochainAnniversaire, LocalDate limiteDenonciation, LocalDate dernierJour,
                           int version, int avenants, int incidentsOuverts, OffsetDateTime aafDerniere,
                           String aafResultat, String aafResume, LocalDate prochainComite,
                           List<String> circonscriptions) {

    static RegistryLine of(RegistryEntry entry, LocalDate today, int openIncidents) {
        Long days = entry.etapeDepuis() == null || !RegistryStatus.inProgress(entry.statut()) ? null
                : java.time.temporal.ChronoUnit.DAYS.between(entry.etapeDepuis().toLocalDate(), today);
        return new RegistryLine(entry.numero(), entry.communeInsee(), entry.communeNom(), entry.departement(),
                entry.circonscription(), entry.statut(), RegistryStatus.label(entry, days),
                RegistryStatus.inProgress(entry.statut()) ? entry.etape() : null, days, entry.dateSignature(),
                entry.dernierJourPeriodeInitiale(), entry.prochainAnniversaire(), entry.limiteDenonciation(), entry.dernierJour(),
                entry.version(), entry.avenants(), openIncidents, entry.aafDerniere(), entry.aafResultat(),
                entry.aafResume(), entry.prochainComite(), entry.circonscriptions());
    }
}
