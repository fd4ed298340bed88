package fr.conventionent.aaf.generator;

import fr.conventionent.aaf.AafCategory;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Ce que le générateur a écrit : fichiers (dans l'ordre d'écriture), entrées par catégorie, octets. */
public record AafGenerationResult(List<Path> files, Map<AafCategory, Long> entries, long bytes) {

    public AafGenerationResult {
        files = List.copyOf(files);
        EnumMap<AafCategory, Long> ordered = new EnumMap<>(AafCategory.class);
        ordered.putAll(entries);
        entries = Collections.unmodifiableMap(ordered);
    }
}
