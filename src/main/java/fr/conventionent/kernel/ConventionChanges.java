package fr.conventionent.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What an avenant changes in the convention's structured data (article 10): schools added to,
 * removed from or corrected in Annexe 1, and the contacts of Annexe 2. Computed from the data
 * before and after, applied to the convention once the avenant is signed, and listed in the
 * avenant's DOCX.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConventionChanges(List<Ecole> ecolesAjoutees, List<Ecole> ecolesRetirees,
                                List<EcoleModifiee> ecolesModifiees, List<FieldChange> annexe2) {

    /** A school of Annexe 1 whose name or address changes (same UAI). */
    public record EcoleModifiee(Ecole avant, Ecole apres) {
    }

    /** A line of Annexe 2, before and after ("—" when absent). */
    public record FieldChange(String element, String avant, String apres) {
    }

    public static final String ABSENT = "—";

    public ConventionChanges {
        ecolesAjoutees = ecolesAjoutees == null ? List.of() : List.copyOf(ecolesAjoutees);
        ecolesRetirees = ecolesRetirees == null ? List.of() : List.copyOf(ecolesRetirees);
        ecolesModifiees = ecolesModifiees == null ? List.of() : List.copyOf(ecolesModifiees);
        annexe2 = annexe2 == null ? List.of() : List.copyOf(annexe2);
    }

    public static ConventionChanges between(ConventionData before, ConventionData after) {
        Map<String, Ecole> beforeByUai = byUai(before.ecoles());
        Map<String, Ecole> afterByUai = byUai(after.ecoles());
        List<Ecole> added = new ArrayList<>();
        List<EcoleModifiee> modified = new ArrayList<>();
        for (Ecole ecole : after.ecoles()) {
            Ecole previous = beforeByUai.get(ecole.uai());
            if (previous == null) {
                added.add(ecole);
            } else if (!previous.equals(ecole)) {
                modified.add(new EcoleModifiee(previous, ecole));
            }
        }
        List<Ecole> removed = before.ecoles().stream().filter(ecole -> !afterByUai.containsKey(ecole.uai())).toList();

        List<FieldChange> annexe2 = new ArrayList<>();
        field(annexe2, "Éditeur de l'ENT", before.editeurEnt(), after.editeurEnt());
        field(annexe2, "Exploitant de l'ENT", before.exploitantEnt(), after.exploitantEnt());
        field(annexe2, "Référent ENT de la commune", describe(before.referentEnt()), describe(after.referentEnt()));
        field(annexe2, "Délégué à la protection des données de la commune", describe(before.dpoCommune()),
                describe(after.dpoCommune()));
        int correspondants = Math.max(before.correspondantsTechniques().size(), after.correspondantsTechniques().size());
        for (int i = 0; i < correspondants; i++) {
            field(annexe2, i == 0 ? "Correspondant technique principal de l'exploitant"
                            : "Correspondant technique n° " + (i + 1) + " de l'exploitant",
                    describe(at(before.correspondantsTechniques(), i)), describe(at(after.correspondantsTechniques(), i)));
        }
        return new ConventionChanges(added, removed, modified, annexe2);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return ecolesAjoutees.isEmpty() && ecolesRetirees.isEmpty() && ecolesModifiees.isEmpty() && annexe2.isEmpty();
    }

    @JsonIgnore
    public boolean changesSchools() {
        return !ecolesAjoutees.isEmpty() || !ecolesRetirees.isEmpty() || !ecolesModifiees.isEmpty();
    }

    /**
     * The convention's data once the avenant applies: Annexe 1 changed school by school (by UAI),
     * Annexe 2 taken from the proposal where it changed; the rest of {@code current} unchanged.
     */
    public ConventionData applyTo(ConventionData current, ConventionData proposal) {
        Map<String, Ecole> ecoles = new LinkedHashMap<>(byUai(current.ecoles()));
        ecolesRetirees.forEach(ecole -> ecoles.remove(ecole.uai()));
        ecolesModifiees.forEach(change -> ecoles.put(change.apres().uai(), change.apres()));
        ecolesAjoutees.forEach(ecole -> ecoles.put(ecole.uai(), ecole));
        boolean annexe2Changed = !annexe2.isEmpty();
        return new ConventionData(current.communeInsee(), current.communeNom(), current.communeAdresse(),
                current.maireNom(), List.copyOf(ecoles.values()),
                annexe2Changed ? proposal.referentEnt() : current.referentEnt(),
                annexe2Changed ? proposal.correspondantsTechniques() : current.correspondantsTechniques(),
                annexe2Changed ? proposal.editeurEnt() : current.editeurEnt(),
                annexe2Changed ? proposal.exploitantEnt() : current.exploitantEnt(),
                annexe2Changed ? proposal.dpoCommune() : current.dpoCommune());
    }

    /** One French line per change, for mails and task forms. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        ecolesAjoutees.forEach(e -> lines.add("Annexe 1 – école ajoutée : " + e.nom() + " (" + e.uai() + "), " + e.adresse()));
        ecolesRetirees.forEach(e -> lines.add("Annexe 1 – école retirée : " + e.nom() + " (" + e.uai() + ")"));
        ecolesModifiees.forEach(c -> lines.add("Annexe 1 – école modifiée (" + c.apres().uai() + ") : " + c.avant().nom()
                + ", " + c.avant().adresse() + " → " + c.apres().nom() + ", " + c.apres().adresse()));
        annexe2.forEach(f -> lines.add("Annexe 2 – " + f.element() + " : " + f.avant() + " → " + f.apres()));
        return lines;
    }

    public static String describe(Contact contact) {
        if (contact == null || (blank(contact.nom()) && blank(contact.email()) && blank(contact.telephone()))) {
            return ABSENT;
        }
        return blank(contact.telephone()) ? contact.nom() + " – " + contact.email()
                : contact.nom() + " – " + contact.telephone() + " – " + contact.email();
    }

    private static void field(List<FieldChange> changes, String element, String before, String after) {
        String a = blank(before) ? ABSENT : before;
        String b = blank(after) ? ABSENT : after;
        if (!Objects.equals(a, b)) {
            changes.add(new FieldChange(element, a, b));
        }
    }

    private static Contact at(List<Contact> contacts, int index) {
        return index < contacts.size() ? contacts.get(index) : null;
    }

    private static Map<String, Ecole> byUai(List<Ecole> ecoles) {
        Map<String, Ecole> map = new LinkedHashMap<>();
        ecoles.forEach(ecole -> map.put(ecole.uai(), ecole));
        return map;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
