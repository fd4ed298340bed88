package fr.conventionent.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.docx4j.Docx4J;
import org.docx4j.convert.out.FOSettings;
import org.docx4j.fonts.IdentityPlusMapper;
import org.docx4j.fonts.Mapper;
import org.docx4j.fonts.PhysicalFont;
import org.docx4j.fonts.PhysicalFonts;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The PDF of a generated DOCX (docx4j's XSL-FO export through Apache FOP), the version that circulates for
 * signature. Fonts come from the machine: a font of the template that the machine lacks (Calibri, Arial… on a
 * Debian server) is drawn with Liberation Sans, else DejaVu Sans (Debian: fonts-liberation, fonts-dejavu-core).
 */
@Component
public class PdfDocuments {

    public static final String MIME_TYPE = "application/pdf";
    private static final Logger LOG = LoggerFactory.getLogger(PdfDocuments.class);
    private static Mapper fonts;

    public static String fileName(String docxName) {
        return docxName.replaceFirst("(?i)\\.docx$", "") + ".pdf";
    }

    public byte[] toPdf(byte[] docx) {
        long start = System.nanoTime();
        try {
            WordprocessingMLPackage pkg = WordprocessingMLPackage.load(new ByteArrayInputStream(docx));
            mapFonts(pkg);
            FOSettings settings = Docx4J.createFOSettings();
            settings.setOpcPackage(pkg);
            settings.setApacheFopMime(MIME_TYPE);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // the exporter without XSLT: about twice as fast as the XSLT one on the convention
            Docx4J.toFO(settings, out, Docx4J.FLAG_EXPORT_PREFER_NONXSL);
            LOG.debug("PDF de {} Ko produit en {} ms", out.size() / 1024, (System.nanoTime() - start) / 1_000_000);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("Conversion du document en PDF impossible", e);
        }
    }

    /** The PDF beside a generated DOCX file variable, named after it ({@code X.docx} → {@code X.pdf}). */
    public FileValue pdfOf(FileValue docx) {
        try (InputStream in = docx.getValue()) {
            return Variables.fileValue(fileName(docx.getFilename())).file(toPdf(in.readAllBytes())).mimeType(MIME_TYPE)
                    .create();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SHA-256 of a document, in lower-case hexadecimal: what each step of the circuit records. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One mapping for every document (built once: it reads the machine's fonts), completed with its fonts. */
    private static synchronized void mapFonts(WordprocessingMLPackage pkg) throws Exception {
        if (fonts == null) {
            // at the first PDF, not at start (the font cache is read then): only the fonts used as fallbacks are
            // read, since scanning every font of a desktop takes seconds
            PhysicalFonts.setRegex(".*(Liberation|DejaVu|Carlito|Caladea).*");
            fonts = new IdentityPlusMapper();
        }
        PhysicalFont fallback = fallback();
        for (String font : pkg.getMainDocumentPart().fontsInUse()) {
            if (fonts.get(font) == null && fallback != null) {
                fonts.put(font, fallback);
            }
        }
        pkg.setFontMapper(fonts, false);
    }

    private static PhysicalFont fallback() {
        PhysicalFont liberation = PhysicalFonts.get("liberation sans");
        return liberation != null ? liberation : PhysicalFonts.get("dejavu sans");
    }
}
