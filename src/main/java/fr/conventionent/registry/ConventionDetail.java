package fr.conventionent.registry;

import java.util.List;

import fr.conventionent.convention.RecordedVersion;
import fr.conventionent.kernel.ConventionData;

/**
 * The detail page of a convention: its registry line, what it says today (its record, with the representatives in
 * office; null before the commune has completed it) and its versions, documents, timeline and (administrators)
 * Cockpit links.
 */
public record ConventionDetail(RegistryLine convention, ConventionData donnees, List<RecordedVersion> versions,
                               List<ConventionDocumentRef> documents, List<TimelineEvent> chronologie,
                               List<CockpitLink> cockpit) {

    public record CockpitLink(String libelle, String url) {
    }
}
