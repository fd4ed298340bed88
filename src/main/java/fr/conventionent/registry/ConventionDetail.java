package fr.conventionent.registry;

import java.util.List;

/** The detail page of a convention: its registry line, documents, timeline and (administrators) Cockpit links. */
public record ConventionDetail(RegistryLine convention, List<ConventionDocumentRef> documents,
                               List<TimelineEvent> chronologie, List<CockpitLink> cockpit) {

    public record CockpitLink(String libelle, String url) {
    }
}
