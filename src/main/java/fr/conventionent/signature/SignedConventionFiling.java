package fr.conventionent.signature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.stereotype.Component;

import fr.conventionent.config.ConventionProperties;

/**
 * Files the signed convention in a folder: written to a temporary name then moved, so a retry
 * after a crash simply writes it again and nobody ever sees half a file.
 */
@Component
public class SignedConventionFiling {

    private final ConventionProperties.Documents documents;

    public SignedConventionFiling(ConventionProperties properties) {
        this.documents = properties.documents();
    }

    public Path fileInSharedFolder(SignedConvention signed) throws IOException {
        return write(Path.of(documents.repertoirePartage()).resolve(signed.numero()), signed.scanFileName(), signed.scan());
    }

    public Path archive(SignedConvention signed, String docxName, byte[] docx) throws IOException {
        Path folder = Path.of(documents.archives()).resolve(signed.numero());
        write(folder, docxName, docx);
        return write(folder, signed.scanFileName(), signed.scan());
    }

    /** Another document kept with the signed copy (the bordereau de circuit), in the same archive folder. */
    public Path archiveAlongside(SignedConvention signed, String name, byte[] content) throws IOException {
        return write(Path.of(documents.archives()).resolve(signed.numero()), name, content);
    }

    private static Path write(Path folder, String name, byte[] content) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(name);
        Path temporary = folder.resolve(name + ".part");
        Files.write(temporary, content);
        return Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
