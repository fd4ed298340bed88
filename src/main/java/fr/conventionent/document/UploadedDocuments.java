package fr.conventionent.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.camunda.bpm.engine.variable.value.FileValue;

import fr.conventionent.kernel.InvalidSubmissionException;

/**
 * Checks a document uploaded from an embedded form by its content, not its name: present,
 * not empty, not too big, and a PDF or an office document (DOCX, ODT: zip containers).
 */
public final class UploadedDocuments {

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private UploadedDocuments() {
    }

    /**
     * @param what the document, as "le compte rendu du comité"
     * @return its content
     */
    public static byte[] checkPdfOrOffice(Object value, String what, long maxBytes) {
        if (!(value instanceof FileValue file) || file.getValue() == null) {
            throw new InvalidSubmissionException("Déposez " + what + " (PDF, DOCX ou ODT).");
        }
        byte[] content;
        try (InputStream in = file.getValue()) {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new InvalidSubmissionException("Le fichier déposé est illisible.");
        }
        if (content.length == 0) {
            throw new InvalidSubmissionException("Le fichier déposé est vide.");
        }
        if (content.length > maxBytes) {
            throw new InvalidSubmissionException("Le fichier déposé fait " + content.length / 1024 + " Ko : la taille"
                    + " maximale est de " + maxBytes / 1024 + " Ko.");
        }
        if (!startsWith(content, PDF) && !startsWith(content, ZIP)) {
            throw new InvalidSubmissionException("Le fichier « " + file.getFilename() + " » n'est ni un PDF ni un"
                    + " document bureautique (DOCX, ODT) : déposez " + what + " dans l'un de ces formats.");
        }
        return content;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
    }
}
