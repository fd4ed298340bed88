package fr.conventionent.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import fr.conventionent.config.ConventionProperties;

/**
 * Reference data: commune → département → circonscription, read from a CSV file
 * ({@code insee;commune;circonscription;libelleCirconscription}, lines starting with # ignored).
 */
@Component
public class CommuneDirectory {

    private final Map<String, Commune> communes;

    public CommuneDirectory(ConventionProperties properties) {
        this.communes = load(properties.referentiel().communes());
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
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(csv.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split(";", -1);
                if (cells.length < 4) {
                    throw new IllegalStateException("Ligne du référentiel des communes mal formée : " + line);
                }
                String insee = cells[0].trim();
                result.put(insee, new Commune(insee, cells[1].trim(), departementOf(insee),
                        cells[2].trim(), cells[3].trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Référentiel des communes illisible : " + csv, e);
        }
        return result;
    }
}
