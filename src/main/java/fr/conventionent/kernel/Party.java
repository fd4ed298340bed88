package fr.conventionent.kernel;


/** The two parties of a convention (article 11: « l'un des signataires »). */
public enum Party {

    COMMUNE("commune"),
    ACADEMIE("academie");

    private final String code;

    Party(String code) {
        this.code = code;
    }

    /** The value of the {@code partieInitiatrice} variable. */
    public String code() {
        return code;
    }

    public Party other() {
        return this == COMMUNE ? ACADEMIE : COMMUNE;
    }

    /** The group that acts for this party: the commune's agents, or the DACES for the académie. */
    public String group(String communeInsee) {
        return this == COMMUNE ? Groups.commune(communeInsee) : Groups.DACES;
    }

    /** "la commune de Versailles" or "l'académie". */
    public String label(String communeNom) {
        return this == COMMUNE ? "la commune de " + communeNom : "l'académie";
    }

    public static Party of(Object code) {
        for (Party party : values()) {
            if (party.code.equals(code)) {
                return party;
            }
        }
        throw new InvalidSubmissionException("Partie inconnue : « " + code + " » (attendu : commune ou academie).");
    }
}
