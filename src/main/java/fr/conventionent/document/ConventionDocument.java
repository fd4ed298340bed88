package fr.conventionent.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import fr.conventionent.config.ConventionProperties;
import fr.conventionent.identity.Commune;
import fr.conventionent.identity.CommuneDirectory;
import fr.conventionent.identity.SchoolDirectory;
import fr.conventionent.kernel.Contact;
import fr.conventionent.kernel.ConventionData;
import fr.conventionent.kernel.Ecole;
import fr.conventionent.kernel.FrenchFormats;

/**
 * The convention as a DOCX, from the Word template convention-ent.docx (every article of the académie's model):
 * the commune's data in its fields, one row of Annexe 1 per school, one row per technical correspondent, and the
 * commune's data-protection officer in Annexe 2 when the commune named one (section {@code dpoCommune}).
 */
@Component
public class ConventionDocument {

    public static final String MIME_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final ConventionProperties properties;
    private final CommuneDirectory communes;
    private final SchoolDirectory schools;
    private final WordTemplates templates;

    public ConventionDocument(ConventionProperties properties, CommuneDirectory communes, SchoolDirectory schools,
                              WordTemplates templates) {
        this.properties = properties;
        this.communes = communes;
        this.schools = schools;
        this.templates = templates;
    }

    public static String fileName(String numero, int version) {
        return "Convention-ENT-" + numero + (version > 1 ? "-v" + version : "") + ".docx";
    }

    public byte[] generate(ConventionData data, String numero, int version) {
        List<Map<String, String>> ecoles = new ArrayList<>();
        for (Ecole ecole : data.ecoles()) {
            ecoles.add(Map.of("uai", orEmpty(ecole.uai()), "nom", orEmpty(ecole.nom()), "adresse", orEmpty(ecole.adresse())));
        }
        List<Map<String, String>> correspondants = new ArrayList<>();
        List<Contact> contacts = data.correspondantsTechniques();
        for (int i = 0; i < contacts.size(); i++) {
            correspondants.add(Map.of("role", i == 0 ? "Correspondant technique principal"
                            : "2e correspondant technique", "nom", orEmpty(contacts.get(i).nom()),
                    "telephone", orEmpty(contacts.get(i).telephone()), "email", orEmpty(contacts.get(i).email())));
        }
        return templates.open(WordTemplates.CONVENTION)
                .rows("ecole", ecoles)
                .rows("correspondant", correspondants)
                .section("dpoCommune", data.dpoCommune() != null)
                .fill(values(data, numero, version))
                .toDocx();
    }

    /** Article 7: the IEN of the circonscription of the school concerned, when the schools belong to several. */
    private String circonscriptions(Commune commune, ConventionData data) {
        List<String> labels = schools.circonscriptionsOf(commune, data.ecoles().stream().map(Ecole::uai).toList())
                .stream().map(schools::labelOf).toList();
        return labels.size() == 1 ? labels.get(0)
                : String.join(" ou ", labels) + ", selon l'école concernée";
    }

    private Map<String, String> values(ConventionData data, String numero, int version) {
        Map<String, String> values = new LinkedHashMap<>();
        var academie = properties.academie();
        values.put("numero", numero);
        values.put("version", String.valueOf(version));
        values.put("dateDocument", FrenchFormats.longDate(FrenchFormats.toLocalDate(ClockUtil.getCurrentTime())));
        values.put("academieNom", academie.nom());
        values.put("academieRepresentant", academie.representant());
        values.put("academieAdresse", academie.adresseSiege());
        values.put("academieVille", academie.ville());
        values.put("adresseAlerte", academie.adresseAlerte());
        values.put("communeNom", data.communeNom());
        values.put("communeInsee", data.communeInsee());
        values.put("communeAdresse", data.communeAdresse());
        values.put("maireNom", data.maireNom());
        values.put("libelleCirconscription", communes.find(data.communeInsee())
                .map(commune -> circonscriptions(commune, data)).orElse("circonscription de la commune"));
        values.put("nombreEcoles", schools(data.ecoles().size()));
        values.put("editeurEnt", data.editeurEnt());
        values.put("exploitantEnt", data.exploitantEnt());
        Contact referent = data.referentEnt() == null ? new Contact("", "", "") : data.referentEnt();
        values.put("referentNom", orEmpty(referent.nom()));
        values.put("referentTelephone", orEmpty(referent.telephone()));
        values.put("referentEmail", orEmpty(referent.email()));
        Contact dpo = data.dpoCommune() == null ? new Contact("", "", "") : data.dpoCommune();
        values.put("dpoNom", orEmpty(dpo.nom()));
        values.put("dpoEmail", orEmpty(dpo.email()));
        values.replaceAll((field, value) -> orEmpty(value));
        return values;
    }

    /** "3 écoles bénéficient du dispositif." */
    static String schools(int count) {
        return count + (count > 1 ? " écoles bénéficient" : " école bénéficie") + " du dispositif.";
    }

    static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
