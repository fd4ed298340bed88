package fr.conventionent.identity;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import fr.conventionent.config.ConventionProperties;

/**
 * Reference data: commune → département → circonscription, read from a CSV file
 * ({@code insee;commune;circonscription;libelleCirconscription;siret}, lines starting with # ignored). The SIRET of
 * the mairie (14 digits) may be left empty: that commune's agents then cannot log in through ProConnect.
 */
@Component
public class CommuneDirectory {

    private static final Pattern SIRET = Pattern.compile("[0-9]{14}");

    private final Map<String, Commune> communes;
    private final Map<String, Commune> bySiret = new HashMap<>();

    public CommuneDirectory(ConventionProperties properties) {
        this.communes = load(properties.referentiel().communes());
        for (Commune commune : communes.values()) {
            if (commune.siret() != null) {
                Commune other = bySiret.putIfAbsent(commune.siret(), commune);
                if (other != null) {
                    throw new IllegalStateException("Référentiel des communes : le SIRET " + commune.siret()
                            + " est donné à deux communes (" + other.insee() + " et " + commune.insee() + ").");
                }
            }
        }
    }

    /** The commune whose mairie has this SIRET (spaces ignored), if the referential knows it. */
    public Optional<Commune> findBySiret(String siret) {
        return siret == null ? Optional.empty() : Optional.ofNullable(bySiret.get(siret.replace(" ", "")));
    }

    public Optional<Commune> find(String insee) {
        return Optional.ofNullable(insee).map(communes::get);
    }

    public Commune get(String insee) {
        return find(insee).orElseThrow(() -> new IllegalArgumentException(
                "La commune de code INSEE " + insee + " n'appartient pas au référentiel de l'académie."));
    }

    public Collection<Commune> all() {
        return Collections.unmodifiableCollection(communes.values());
    }

    /** Département from the INSEE code: 2 characters, 3 for the overseas départements (97x). */
    public static String departementOf(String insee) {
        return insee.startsWith("97") ? insee.substring(0, 3) : insee.substring(0, 2);
    }

    private static Map<String, Commune> load(org.springframework.core.io.Resource csv) {
        Map<String, Commune> result = new LinkedHashMap<>();
        for (ReferentialCsv.Row row : ReferentialCsv.rows(csv, "des communes")) {
            String[] cells = row.cells();
            if (cells.length < 4) {
                throw new IllegalStateException("Ligne du référentiel des communes mal formée : " + row.line());
            }
            String insee = cells[0].trim();
            result.put(insee, new Commune(insee, cells[1].trim(), departementOf(insee),
                    cells[2].trim(), cells[3].trim(), siret(cells, insee)));
        }
        return result;
    }

    /** The optional fifth column: empty or 14 digits (spaces, as SIRETs are often written, are dropped). */
    private static String siret(String[] cells, String insee) {
        String siret = cells.length > 4 ? cells[4].replace(" ", "").trim() : "";
        if (siret.isEmpty()) {
            return null;
        }
        if (!SIRET.matcher(siret).matches()) {
            throw new IllegalStateException("Référentiel des communes : le SIRET de la commune " + insee + " (« "
                    + cells[4].trim() + " ») doit compter exactement 14 chiffres.");
        }
        return siret;
    }
}
