package fr.conventionent.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.stereotype.Component;

import fr.conventionent.config.ConventionProperties;
import fr.conventionent.kernel.ConventionChanges;
import fr.conventionent.kernel.ConventionData;
import fr.conventionent.kernel.Ecole;
import fr.conventionent.kernel.FrenchFormats;

/**
 * A numbered avenant to a convention (article 10), as DOCX from the Word template avenant.docx: the parties, its
 * object, the clauses it modifies in words, then exactly what changes in Annexe 1 (schools) and Annexe 2 (contacts),
 * and the signature blocks. Its articles are numbered by Word, so the sections left out leave no gap.
 */
@Component
public class AvenantDocument {

    public static final String MIME_TYPE = ConventionDocument.MIME_TYPE;

    private final ConventionProperties.Academie academie;
    private final WordTemplates templates;

    public AvenantDocument(ConventionProperties properties, WordTemplates templates) {
        this.academie = properties.academie();
        this.templates = templates;
    }

    /** What the avenant says. */
    public record Avenant(String numero, int avenantNumero, LocalDate conventionSignature, int versionAfter,
                         ConventionData before, ConventionData after, String objet, String clauses,
                         ConventionChanges changes) {
    }

    public static String fileName(String numero, int avenantNumero) {
        return "Avenant-" + avenantNumero + "-" + numero + ".docx";
    }

    public byte[] generate(Avenant avenant) {
        ConventionData data = avenant.before();
        ConventionChanges changes = avenant.changes();
        List<String> clauses = avenant.clauses() == null ? List.of() : avenant.clauses().lines()
                .filter(line -> !line.isBlank()).map(String::trim).toList();
        Map<String, String> values = new HashMap<>();
        values.put("avenantNumero", String.valueOf(avenant.avenantNumero()));
        values.put("reference", "Convention n° " + avenant.numero() + (avenant.conventionSignature() == null ? ""
                : " signée le " + FrenchFormats.longDate(avenant.conventionSignature())) + " – avenant n° "
                + avenant.avenantNumero() + ", qui la porte en version " + avenant.versionAfter()
                + " – document établi le " + FrenchFormats.longDate(FrenchFormats.toLocalDate(ClockUtil.getCurrentTime())));
        values.put("academieNom", academie.nom());
        values.put("academieRepresentant", academie.representant());
        values.put("academieAdresse", academie.adresseSiege());
        values.put("academieVille", academie.ville());
        values.put("communeNom", data.communeNom());
        values.put("communeInsee", data.communeInsee());
        values.put("communeAdresse", data.communeAdresse());
        values.put("maireNom", data.maireNom());
        values.put("objet", avenant.objet());
        values.put("nombreEcoles", "Après le présent avenant, " + ConventionDocument.schools(avenant.after().ecoles().size()));
        values.replaceAll((field, value) -> ConventionDocument.orEmpty(value));

        List<Map<String, String>> modifiees = new ArrayList<>();
        for (ConventionChanges.EcoleModifiee change : changes.ecolesModifiees()) {
            modifiees.add(Map.of("uai", change.apres().uai(), "avant", change.avant().nom() + "\n" + change.avant().adresse(),
                    "apres", change.apres().nom() + "\n" + change.apres().adresse()));
        }
        List<Map<String, String>> annexe2 = new ArrayList<>();
        for (ConventionChanges.FieldChange change : changes.annexe2()) {
            annexe2.add(Map.of("element", ConventionDocument.orEmpty(change.element()),
                    "avant", ConventionDocument.orEmpty(change.avant()), "apres", ConventionDocument.orEmpty(change.apres())));
        }
        return templates.open(WordTemplates.AVENANT)
                .section("clauses", !clauses.isEmpty())
                .section("ecoles", changes.changesSchools())
                .section("ecolesAjoutees", !changes.ecolesAjoutees().isEmpty())
                .section("ecolesRetirees", !changes.ecolesRetirees().isEmpty())
                .section("ecolesModifiees", !changes.ecolesModifiees().isEmpty())
                .section("annexe2", !changes.annexe2().isEmpty())
                .paragraphs("clause", clauses)
                .rows("ajoutee", rows(changes.ecolesAjoutees()))
                .rows("retiree", rows(changes.ecolesRetirees()))
                .rows("modifiee", modifiees)
                .rows("changement", annexe2)
                .fill(values)
                .toDocx();
    }

    private static List<Map<String, String>> rows(List<Ecole> ecoles) {
        return ecoles.stream().map(e -> Map.of("uai", ConventionDocument.orEmpty(e.uai()),
                "nom", ConventionDocument.orEmpty(e.nom()), "adresse", ConventionDocument.orEmpty(e.adresse()))).toList();
    }
}
