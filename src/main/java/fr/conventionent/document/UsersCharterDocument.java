package fr.conventionent.document;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import fr.conventionent.config.ConventionProperties;

/**
 * The model users' charter of the ENT (article 5), to be adopted by each conseil d'école: the
 * text of templates/charte-utilisateurs-ent.txt ("= " title, "# " heading, "- " bullet,
 * {{communeNom}} and {{academieNom}} filled in).
 */
@Component
public class UsersCharterDocument {

    public static final String FILE_NAME = "Modele-charte-utilisateurs-ENT.docx";
    public static final String MIME_TYPE = ConventionDocument.MIME_TYPE;
    private static final String TEMPLATE = "/templates/charte-utilisateurs-ent.txt";

    private final ConventionProperties properties;
    private final List<String> template;

    public UsersCharterDocument(ConventionProperties properties) {
        this.properties = properties;
        this.template = read();
    }

    /** @param communeNom the commune, or null for the generic model */
    public byte[] generate(String communeNom) {
        DocxBuilder doc = new DocxBuilder();
        String commune = communeNom == null || communeNom.isBlank() ? "la commune" : "la commune de " + communeNom;
        for (String raw : template) {
            String line = raw.replace("{{commune}}", commune).replace("{{academieNom}}", properties.academie().nom());
            if (line.startsWith("= ")) {
                doc.title(line.substring(2));
            } else if (line.startsWith("# ")) {
                doc.heading(1, line.substring(2));
            } else if (line.startsWith("- ")) {
                doc.bullet(line.substring(2));
            } else {
                doc.paragraph(line);
            }
        }
        return doc.toBytes();
    }

    private static List<String> read() {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                UsersCharterDocument.class.getResourceAsStream(TEMPLATE), StandardCharsets.UTF_8))) {
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
