package fr.conventionent.registry.campaign;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import fr.conventionent.identity.Commune;
import fr.conventionent.identity.CommuneDirectory;
import fr.conventionent.kernel.FrenchFormats;

/**
 * Turns the submitted codes into the lines of a campaign: what can be refused at once (malformed code, unknown
 * commune, duplicate) is refused with its reason, the rest waits to be started.
 */
@Component
public class CampaignPlanner {

    private static final int SHOWN_CODE_LENGTH = 40;

    private final CommuneDirectory communes;

    public CampaignPlanner(CommuneDirectory communes) {
        this.communes = communes;
    }

    public List<CampaignLine> plan(List<SubmittedCode> codes) {
        List<CampaignLine> lines = new ArrayList<>();
        Map<String, Integer> firstLineOf = new HashMap<>();
        int rang = 0;
        for (SubmittedCode submitted : codes) {
            rang++;
            String given = shown(submitted.code());
            String insee = submitted.code().trim().toUpperCase(Locale.ROOT);
            if (insee.isEmpty()) {
                lines.add(CampaignLine.refused(rang, submitted.ligne(), given, null, "ligne sans code INSEE"));
            } else if (!FrenchFormats.isInsee(insee)) {
                lines.add(CampaignLine.refused(rang, submitted.ligne(), given, null,
                        "« " + given + " » n'est pas un code INSEE (5 caractères)"));
            } else if (firstLineOf.containsKey(insee)) {
                lines.add(CampaignLine.refused(rang, submitted.ligne(), insee, nameOf(insee),
                        "doublon de la ligne " + firstLineOf.get(insee)));
            } else {
                firstLineOf.put(insee, submitted.ligne());
                Optional<Commune> commune = communes.find(insee);
                lines.add(commune.isPresent()
                        ? CampaignLine.pending(rang, submitted.ligne(), insee, commune.get().nom())
                        : CampaignLine.refused(rang, submitted.ligne(), insee, null,
                                "commune inconnue du référentiel de l'académie"));
            }
        }
        return lines;
    }

    /** Every commune of the département in the referential, by INSEE code, one per line. */
    public List<SubmittedCode> departement(String departement) {
        List<Commune> found = communes.all().stream().filter(c -> c.departement().equals(departement))
                .sorted(Comparator.comparing(Commune::insee)).toList();
        List<SubmittedCode> codes = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            codes.add(new SubmittedCode(i + 1, found.get(i).insee()));
        }
        return codes;
    }

    private String nameOf(String insee) {
        return communes.find(insee).map(Commune::nom).orElse(null);
    }

    private static String shown(String code) {
        String trimmed = code.trim();
        return trimmed.length() <= SHOWN_CODE_LENGTH ? trimmed : trimmed.substring(0, SHOWN_CODE_LENGTH) + "…";
    }
}
