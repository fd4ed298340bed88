package fr.conventionent.convention;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.stereotype.Component;

import fr.conventionent.config.ConventionProperties;

/**
 * The convention's file in the archive folder ({@code convention.documents.archives}/numéro/),
 * next to the signed copy archived by the signature circuit. Each file is written under a
 * temporary name then moved: a retried closure writes it again, nobody sees half a file.
 */
@Component
public class ConventionArchive {

    private final Path root;

    public ConventionArchive(ConventionProperties properties) {
        this.root = Path.of(properties.documents().archives());
    }

    public Path folder(String numero) {
        return root.resolve(safe(numero));
    }

    public Path write(String numero, String fileName, byte[] content) throws IOException {
        Path folder = folder(numero);
        Files.createDirectories(folder);
        Path target = folder.resolve(safe(fileName));
        Path temporary = folder.resolve(safe(fileName) + ".part");
        Files.write(temporary, content);
        return Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** File names come from uploads too: no separators, no leading dots. */
    static String safe(String name) {
        String cleaned = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").replaceAll("^\\.+", "_");
        return cleaned.isBlank() ? "document" : cleaned;
    }
}
