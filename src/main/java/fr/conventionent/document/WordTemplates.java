package fr.conventionent.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.docx4j.openpackaging.exceptions.Docx4JException;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Word templates of the documents (src/main/resources/documents/*.docx). A file of the same name in the
 * folder {@code convention.documents.modeles} (environment: CONVENTION_DOCUMENTS_DIR) wins over the built-in
 * one, read at each generation: the DACES changes a template without a rebuild or a restart.
 */
@Component
public class WordTemplates {

    public static final String CONVENTION = "convention-ent.docx";
    public static final String AVENANT = "avenant.docx";
    public static final String LETTRE = "lettre.docx";
    public static final String CHARTE = "charte-utilisateurs-ent.docx";

    private final Path overrides;

    public WordTemplates(@Value("${convention.documents.modeles:}") String overrides) {
        this.overrides = overrides == null || overrides.isBlank() ? null : Path.of(overrides);
    }

    public WordTemplate open(String name) {
        Path override = overrides == null ? null : overrides.resolve(name);
        if (override != null && Files.isRegularFile(override)) {
            try {
                return load(name + " (" + override + ")", Files.readAllBytes(override));
            } catch (IOException e) {
                throw new IllegalStateException("Modèle de document illisible : " + override, e);
            }
        }
        try (InputStream in = WordTemplates.class.getResourceAsStream("/documents/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Modèle de document introuvable : " + name);
            }
            return load(name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WordTemplate load(String origin, byte[] docx) {
        try {
            return new WordTemplate(origin, WordprocessingMLPackage.load(new ByteArrayInputStream(docx)));
        } catch (Docx4JException e) {
            throw new IllegalStateException("Le modèle de document " + origin + " n'est pas un fichier Word (DOCX)"
                    + " lisible.", e);
        }
    }
}
