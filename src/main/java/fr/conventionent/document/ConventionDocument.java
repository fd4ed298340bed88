package fr.conventionent.document;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import fr.conventionent.config.ConventionProperties;
import fr.conventionent.convention.Contact;
import fr.conventionent.convention.ConventionData;
import fr.conventionent.convention.Ecole;
import fr.conventionent.convention.FrenchFormats;
import fr.conventionent.identity.CommuneDirectory;

/**
 * The convention as a DOCX: the text of templates/convention-ent.txt (every article of the
 * académie's model) with the commune's data, Annexe 1 as a table, Annexe 2's contacts and the
 * signature blocks.
 */
@Component
public class ConventionDocument {

    public static final String MIME_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String TEMPLATE = "/templates/convention-ent.txt";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
    static final List<String> CIRCUIT_STEPS = List.of(
            "La commune signe la convention en 2 exemplaires et les transmet à l'IEN de la circonscription.",
            "L'IEN de la circonscription transmet à l'IEN chargé de la mission TICE.",
            "L'IEN chargé de la mission TICE vérifie et transmet à l'IA-DASEN.",
            "L'IA-DASEN valide et transmet à la DACES.",
            "La DACES transmet pour signature au Recteur.",
            "Le Recteur signe et retourne les 2 exemplaires signés à la DACES.",
            "La DACES numérise la convention signée, la transmet à la DSI et au délégué à la protection des données,"
                    + " la dépose dans le répertoire partagé, retourne 1 exemplaire signé à la commune et conserve"
                    + " 1 exemplaire signé (archivage).");

    private final ConventionProperties properties;
    private final CommuneDirectory communes;
    private final List<String> template;

    public ConventionDocument(ConventionProperties properties, CommuneDirectory communes) {
        this.properties = properties;
        this.communes = communes;
        this.template = readTemplate();
    }

    public static String fileName(String numero, int version) {
        return "Convention-ENT-" + numero + (version > 1 ? "-v" + version : "") + ".docx";
    }

    public byte[] generate(ConventionData data, String numero, int version) {
        Map<String, String> values = values(data);
        DocxBuilder doc = new DocxBuilder();
        for (String line : template) {
            String text = fill(line, values);
            if (text.startsWith("= ")) {
                doc.title(text.substring(2));
            } else if (text.startsWith("## ")) {
                doc.heading(2, text.substring(3));
            } else if (text.startsWith("# ")) {
                doc.heading(1, text.substring(2));
            } else if (text.startsWith("- ")) {
                doc.bullet(text.substring(2));
            } else if (text.startsWith("[[")) {
                marker(doc, text, data, numero, version);
            } else {
                doc.paragraph(text);
            }
        }
        return doc.toBytes();
    }

    private void marker(DocxBuilder doc, String marker, ConventionData data, String numero, int version) {
        switch (marker) {
            case "[[REFERENCE]]" -> doc.centered("Convention n° " + numero + " – version " + version
                    + " – document établi le " + FrenchFormats.longDate(today()));
            case "[[PAGEBREAK]]" -> doc.pageBreak();
            case "[[SIGNATURES]]" -> signatures(doc, data);
            case "[[ANNEXE1]]" -> annexe1(doc, data);
            case "[[CIRCUIT]]" -> {
                for (int i = 0; i < CIRCUIT_STEPS.size(); i++) {
                    doc.paragraph((i + 1) + ". " + CIRCUIT_STEPS.get(i));
                }
            }
            case "[[ANNEXE2]]" -> annexe2(doc, data);
            default -> throw new IllegalStateException("Marqueur inconnu dans le modèle : " + marker);
        }
    }

    private void signatures(DocxBuilder doc, ConventionData data) {
        doc.paragraph("");
        doc.paragraph("Fait à " + properties.academie().ville() + ", le ………………………, en 2 exemplaires originaux.");
        doc.layoutTable(List.of(
                List.of("P/La commune", "P/L'académie"),
                List.of("\n\n\n\nLe Maire de " + data.communeNom() + "\n" + data.maireNom(),
                        "\n\n\n\nLe Recteur de l'" + properties.academie().nom() + ",\nChancelier des Universités")));
    }

    private static void annexe1(DocxBuilder doc, ConventionData data) {
        List<List<String>> rows = new ArrayList<>();
        for (Ecole ecole : data.ecoles()) {
            rows.add(List.of(data.communeNom(), ecole.uai(), ecole.nom(), ecole.adresse()));
        }
        doc.table(List.of("Commune", "UAI", "Nom de l'école", "Adresse"), rows);
        doc.paragraph(data.ecoles().size() + (data.ecoles().size() > 1 ? " écoles bénéficient" : " école bénéficie")
                + " du dispositif.");
    }

    private static void annexe2(DocxBuilder doc, ConventionData data) {
        doc.bold("Éditeur de l'ENT : " + data.editeurEnt());
        doc.bold("Exploitant de l'ENT : " + data.exploitantEnt());
        contact(doc, "Référent ENT de la commune", data.referentEnt());
        List<Contact> correspondants = data.correspondantsTechniques();
        for (int i = 0; i < correspondants.size(); i++) {
            contact(doc, i == 0 ? "Correspondant technique principal de l'exploitant"
                    : "2e correspondant technique de l'exploitant", correspondants.get(i));
        }
    }

    private static void contact(DocxBuilder doc, String role, Contact contact) {
        doc.heading(3, role);
        doc.paragraph("NOM et prénom : " + contact.nom());
        doc.paragraph("Téléphone : " + contact.telephone());
        doc.paragraph("Adresse de messagerie : " + contact.email());
    }

    private Map<String, String> values(ConventionData data) {
        Map<String, String> values = new LinkedHashMap<>();
        var academie = properties.academie();
        values.put("academieNom", academie.nom());
        values.put("academieRepresentant", academie.representant());
        values.put("academieAdresse", academie.adresseSiege());
        values.put("adresseAlerte", academie.adresseAlerte());
        values.put("communeNom", data.communeNom());
        values.put("communeInsee", data.communeInsee());
        values.put("communeAdresse", data.communeAdresse());
        values.put("maireNom", data.maireNom());
        values.put("libelleCirconscription", communes.find(data.communeInsee())
                .map(c -> c.libelleCirconscription()).orElse("circonscription de la commune"));
        return values;
    }

    private static String fill(String line, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(line);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("Champ inconnu dans le modèle : " + matcher.group(1));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static LocalDate today() {
        return FrenchFormats.toLocalDate(ClockUtil.getCurrentTime());
    }

    private static List<String> readTemplate() {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                ConventionDocument.class.getResourceAsStream(TEMPLATE), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("//")) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
