package fr.conventionent.identity;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import fr.conventionent.config.ConventionProperties;

/**
 * Reference data: the circonscription of each school (UAI), read from a CSV file
 * ({@code uai;ecole;insee;circonscription;libelleCirconscription}, lines starting with # ignored). A large commune's
 * schools may belong to several circonscriptions; a school the file does not list belongs to its commune's
 * circonscription ({@link CommuneDirectory}), so the file only needs the schools of shared communes.
 */
@Component
public class SchoolDirectory {

    private static final Pattern UAI = Pattern.compile("\\d{7}[A-Z]");
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    /** A school of the referential. */
    public record School(String uai, String nom, String insee, String circonscription) {
    }

    private final CommuneDirectory communes;
    private final Map<String, School> schools;
    /** Every circonscription (code → label), the communes' and the schools'. */
    private final Map<String, String> circonscriptions = new TreeMap<>();

    public SchoolDirectory(CommuneDirectory communes, ConventionProperties properties) {
        this.communes = communes;
        for (Commune commune : communes.all()) {
            circonscriptions.putIfAbsent(commune.circonscription(), commune.libelleCirconscription());
        }
        Resource csv = properties.referentiel().ecoles();
        this.schools = csv == null || !csv.exists() ? Map.of() : load(csv);
    }

    /** The circonscription of a school of that commune: the referential's, else the commune's. */
    public String circonscriptionOf(String uai, Commune commune) {
        School school = uai == null ? null : schools.get(uai.trim().toUpperCase());
        return school != null ? school.circonscription() : commune.circonscription();
    }

    /** The circonscriptions of these schools of the commune, in order; of all its schools when none is named. */
    public List<String> circonscriptionsOf(Commune commune, Collection<String> uais) {
        if (uais == null || uais.isEmpty()) {
            return circonscriptionsOf(commune);
        }
        Set<String> result = new LinkedHashSet<>();
        uais.forEach(uai -> result.add(circonscriptionOf(uai, commune)));
        return List.copyOf(result);
    }

    /** Every circonscription the commune's schools belong to, its own first. */
    public List<String> circonscriptionsOf(Commune commune) {
        Set<String> result = new LinkedHashSet<>();
        result.add(commune.circonscription());
        schools.values().stream().filter(school -> school.insee().equals(commune.insee()))
                .forEach(school -> result.add(school.circonscription()));
        return List.copyOf(result);
    }

    /** The communes whose schools the referential lists: their routing depends on the schools. */
    public Set<String> communesWithListedSchools() {
        Set<String> result = new java.util.TreeSet<>();
        schools.values().forEach(school -> result.add(school.insee()));
        return result;
    }

    /** Every circonscription of the académie, code → label. */
    public Map<String, String> circonscriptions() {
        return Map.copyOf(circonscriptions);
    }

    public String labelOf(String circonscription) {
        return circonscriptions.getOrDefault(circonscription, "Circonscription " + circonscription);
    }

    private Map<String, School> load(Resource csv) {
        Map<String, School> result = new LinkedHashMap<>();
        for (ReferentialCsv.Row row : ReferentialCsv.rows(csv, "des écoles")) {
            School school = school(row.cells(), row.line());
            if (result.putIfAbsent(school.uai(), school) != null) {
                throw new IllegalStateException("Référentiel des écoles : l'UAI " + school.uai()
                        + " y figure deux fois.");
            }
        }
        return result;
    }

    private School school(String[] cells, String line) {
        if (cells.length < 4) {
            throw new IllegalStateException("Ligne du référentiel des écoles mal formée : " + line);
        }
        String uai = cells[0].trim().toUpperCase();
        String insee = cells[2].trim();
        String circonscription = cells[3].trim();
        if (!UAI.matcher(uai).matches()) {
            throw new IllegalStateException("Référentiel des écoles : « " + uai + " » n'est pas un UAI (7 chiffres"
                    + " et une lettre).");
        }
        if (communes.find(insee).isEmpty()) {
            throw new IllegalStateException("Référentiel des écoles : l'école " + uai + " est rattachée à la commune "
                    + insee + ", absente du référentiel des communes.");
        }
        if (!CODE.matcher(circonscription).matches()) {
            throw new IllegalStateException("Référentiel des écoles : le code de circonscription de l'école " + uai
                    + " (« " + circonscription + " ») doit être en minuscules, chiffres et tirets.");
        }
        String label = cells.length > 4 ? cells[4].trim() : "";
        if (!label.isEmpty()) {
            circonscriptions.put(circonscription, label);
        } else {
            circonscriptions.putIfAbsent(circonscription, "Circonscription " + circonscription);
        }
        return new School(uai, cells[1].trim(), insee, circonscription);
    }
}
