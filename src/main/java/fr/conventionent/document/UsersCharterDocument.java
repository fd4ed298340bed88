package fr.conventionent.document;

import java.util.Map;

import org.springframework.stereotype.Component;

import fr.conventionent.config.ConventionProperties;

/**
 * The model users' charter of the ENT (article 5), to be adopted by each conseil d'école: the Word template
 * charte-utilisateurs-ent.docx with ${commune} and ${academieNom} filled in.
 */
@Component
public class UsersCharterDocument {

    public static final String FILE_NAME = "Modele-charte-utilisateurs-ENT.docx";
    public static final String MIME_TYPE = ConventionDocument.MIME_TYPE;

    private final ConventionProperties properties;
    private final WordTemplates templates;

    public UsersCharterDocument(ConventionProperties properties, WordTemplates templates) {
        this.properties = properties;
        this.templates = templates;
    }

    /** @param communeNom the commune, or null for the generic model */
    public byte[] generate(String communeNom) {
        String commune = communeNom == null || communeNom.isBlank() ? "la commune" : "la commune de " + communeNom;
        return templates.open(WordTemplates.CHARTE)
                .fill(Map.of("commune", commune, "academieNom", properties.academie().nom()))
                .toDocx();
    }
}
