package fr.conventionent.registry.campaign;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One code of a campaign and its result. {@code rang} is its position in the campaign, {@code ligne} the line of
 * the file it came from (what the user sees in a spreadsheet).
 */
public record CampaignLine(int rang, int ligne, String codeInsee, String commune, LineResult resultat,
                           String convention, String motif) {

    @JsonProperty
    public String resultatLibelle() {
        return resultat.label();
    }

    static CampaignLine pending(int rang, int ligne, String codeInsee, String commune) {
        return new CampaignLine(rang, ligne, codeInsee, commune, LineResult.EN_ATTENTE, null, null);
    }

    static CampaignLine refused(int rang, int ligne, String codeInsee, String commune, String motif) {
        return new CampaignLine(rang, ligne, codeInsee, commune, LineResult.REFUSEE, null, motif);
    }
}
