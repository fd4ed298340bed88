package fr.conventionent.resiliation;

import java.util.Arrays;
import java.util.Optional;

import fr.conventionent.kernel.Party;

/**
 * The contractual commitments of each party (articles 3 to 7 and Annexe 2) whose breach may
 * justify a résiliation (article 12): a party can only invoke a commitment of the other.
 */
public enum Commitment {

    ACADEMIE_PILOTAGE("academie-pilotage", Party.ACADEMIE,
            "association au pilotage du déploiement de l'ENT (article 3.2.1)"),
    ACADEMIE_ACCOMPAGNEMENT("academie-accompagnement", Party.ACADEMIE,
            "accompagnement, formation et suivi des usages (article 5)"),
    ACADEMIE_DONNEES("academie-donnees", Party.ACADEMIE,
            "mise à disposition des données de l'annuaire fédérateur (article 3.2.1 et annexe 2)"),
    ACADEMIE_SECURITE("academie-securite", Party.ACADEMIE,
            "politique de sécurité et traitement des incidents (articles 3.2.1, 6 et 7)"),
    ACADEMIE_CNIL("academie-cnil", Party.ACADEMIE,
            "formalités CNIL et information de l'autre partie (article 6)"),
    COMMUNE_MAITRISE_OUVRAGE("commune-maitrise-ouvrage", Party.COMMUNE,
            "maîtrise d'ouvrage, qualité et pérennité du service rendu aux écoles (article 3.2.2)"),
    COMMUNE_INFRASTRUCTURE("commune-infrastructure", Party.COMMUNE,
            "infrastructure numérique, administration technique et assistance aux écoles (article 3.2.2)"),
    COMMUNE_COMITE("commune-comite-pilotage", Party.COMMUNE,
            "comité de pilotage réuni deux fois par an (article 4)"),
    COMMUNE_SECURITE("commune-securite", Party.COMMUNE,
            "politique de sécurité, contrôle des prestataires et traitement des incidents (articles 3.2.2, 6 et 7)"),
    COMMUNE_CNIL("commune-cnil", Party.COMMUNE,
            "formalités CNIL et information de l'autre partie (article 6)");

    private final String code;
    private final Party party;
    private final String label;

    Commitment(String code, Party party, String label) {
        this.code = code;
        this.party = party;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public Party party() {
        return party;
    }

    public String label() {
        return label;
    }

    public static Optional<Commitment> of(Object code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
