package fr.conventionent.aaf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Choisit, dans le dossier de dépôt de l'académie, les fichiers de l'extraction du jour pour un préfixe.
 *
 * <ul>
 *   <li>retenus : les {@code .xml} de ce préfixe et de cette date, quel que soit leur type (un Delta dans un
 *       envoi Complet doit être signalé, pas ignoré), et les {@code .xml} commençant par {@code <préfixe>_} dont
 *       le nom est illisible (pour le signaler aussi) ;</li>
 *   <li>ignorés mais listés : ceux du préfixe à une autre date (extraction d'un autre jour) ;</li>
 *   <li>hors sujet : les autres préfixes (autres cibles) et tout ce qui ne finit pas par {@code .xml}
 *       (notamment un dépôt en cours {@code .xml.part}).</li>
 * </ul>
 * Le préfixe pouvant contenir {@code _}, l'appartenance se juge sur le nom lu par la droite, pas sur un simple
 * « commence par ».
 */
public class AafInboxSelector {

    /** Fichiers retenus (triés par nom) et noms ignorés avec leur raison. */
    public record Selection(List<Path> files, List<String> ignored) {
        public Selection {
            files = List.copyOf(files);
            ignored = List.copyOf(ignored);
        }
    }

    public Selection select(Path inbox, AafExtraction extraction) {
        List<Path> selected = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        try (Stream<Path> listing = Files.list(inbox)) {
            for (Path file : listing.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!Files.isRegularFile(file) || !name.endsWith(AafFileName.EXTENSION)) {
                    continue;
                }
                AafFileName parsed;
                try {
                    parsed = AafFileName.parse(name);
                } catch (InvalidAafFileNameException e) {
                    if (name.startsWith(extraction.prefix() + "_")) {
                        selected.add(file);
                    }
                    continue;
                }
                if (!parsed.prefix().equals(extraction.prefix())) {
                    continue;
                }
                if (!parsed.extractionDate().equals(extraction.date())) {
                    ignored.add(name + " (extraction du " + AafFileName.DATE_FORMAT.format(parsed.extractionDate()) + ")");
                    continue;
                }
                selected.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("lecture du dossier de dépôt impossible : " + inbox, e);
        }
        return new Selection(selected, ignored);
    }
}
