package fr.conventionent.registry.campaign;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A campaign and its progress: {@code traitees} of {@code total} lines done, started or refused. */
public record Campaign(long id, String libelle, String lancePar, OffsetDateTime lanceLe, String source, String etat,
                       OffsetDateTime termineLe, int total, int demarrees, int refusees) {

    public static final String EN_COURS = "en-cours";
    public static final String TERMINEE = "terminee";

    @JsonProperty
    public int traitees() {
        return demarrees + refusees;
    }

    @JsonProperty
    public String etatLibelle() {
        return EN_COURS.equals(etat) ? "en cours" : "terminée";
    }
}
