package fr.conventionent.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

import fr.conventionent.config.ConventionProperties;
import fr.conventionent.document.PdfDocuments;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.InvalidSubmissionException;

/**
 * The scanned signed convention: a PDF (checked by its content, not only its name), size-limited; linked to the
 * version it signs by the SHA-256 of the circuit's PDF, kept next to the scan's own.
 */
@Component("signedScanListener")
public class SignedScanListener implements TaskListener {

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final long maxBytes;

    public SignedScanListener(ConventionProperties properties) {
        this.maxBytes = properties.documents().tailleMaxScanOctets();
    }

    @Override
    public void notify(DelegateTask task) {
        Object value = task.getExecution().getVariableTyped(ConventionVariables.CONVENTION_SIGNEE_SCAN);
        if (!(value instanceof FileValue scan) || scan.getValue() == null) {
            throw new InvalidSubmissionException("Déposez le scan de " + signedDocument(task) + " (fichier PDF).");
        }
        byte[] content = readAll(scan);
        if (content.length == 0) {
            throw new InvalidSubmissionException("Le fichier déposé est vide.");
        }
        if (content.length > maxBytes) {
            throw new InvalidSubmissionException("Le fichier déposé fait " + content.length / 1024 + " Ko : la taille"
                    + " maximale est de " + maxBytes / 1024 + " Ko.");
        }
        if (content.length < PDF_MAGIC.length
                || !Arrays.equals(Arrays.copyOf(content, PDF_MAGIC.length), PDF_MAGIC)) {
            throw new InvalidSubmissionException("Le fichier « " + scan.getFilename()
                    + " » n'est pas un PDF : déposez le scan de " + signedDocument(task) + " au format PDF.");
        }
        // the scan signs the PDF that went round the circuit: both fingerprints are kept together
        task.setVariable(SignatureCircuitProcess.EMPREINTE_SCAN, PdfDocuments.sha256(content));
        task.setVariable(SignatureCircuitProcess.EMPREINTE_VERSION_SIGNEE, CircuitDocument.sha256Of(task.getExecution()));
    }

    private static String signedDocument(DelegateTask task) {
        return CircuitWording.signedDocument(CircuitWording.avenantNumero(task));
    }

    private static byte[] readAll(FileValue scan) {
        try (InputStream in = scan.getValue()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new InvalidSubmissionException("Le fichier déposé est illisible.");
        }
    }
}
