package fr.conventionent.aaf.cli;

import fr.conventionent.aaf.AafBordereau;
import fr.conventionent.aaf.AafExtraction;
import fr.conventionent.aaf.AafFileName;
import fr.conventionent.aaf.AafInboxSelector;
import fr.conventionent.aaf.AafVerification;
import fr.conventionent.aaf.AafVerifier;
import fr.conventionent.aaf.AafXmlCheck;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code aaf-check} : vérifie un lot AAF comme le ferait un envoi, sans rien envoyer, et affiche le verdict de
 * chaque fichier puis le bordereau qui serait écrit. Code de sortie : 0 si tout passe, 1 si le lot serait
 * refusé, 2 en cas d'arguments invalides. Ne démarre ni Spring ni serveur web.
 */
public final class AafCheckCommand {

    static final int OK = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = """
            Usage : java -jar convention-ent.jar aaf-check <dossier ou fichiers…> --prefix PRÉFIXE --type Complet|Delta --date aaaammjj [--destinataire CODE] [--archive NOM.zip]
              <dossier>        les fichiers .xml du préfixe et de la date sont retenus (les autres dates sont signalées et ignorées)
              <fichiers>       fichiers .xml vérifiés tels quels
              --prefix         préfixe convenu avec l'académie (peut contenir _ et -)
              --type           Complet ou Delta
              --date           date d'extraction attendue, ex. 20240919
              --destinataire   code destinataire écrit dans le bordereau
              --archive        nom de l'archive zip écrit dans le bordereau
            Code de sortie : 0 lot conforme, 1 lot refusé, 2 arguments invalides.""";

    private AafCheckCommand() {
    }

    public static int run(String[] args, PrintStream out) {
        if (CliArgs.wantsHelp(args)) {
            out.println(USAGE_TEXT);
            return OK;
        }
        AafExtraction extraction;
        List<Path> files;
        CliArgs cli;
        try {
            cli = CliArgs.parse(args, Set.of("prefix", "type", "date", "destinataire", "archive"));
            extraction = new AafExtraction(cli.prefix(), cli.type(), cli.date());
            files = collectFiles(cli.positionals(), extraction, out);
        } catch (CliArgs.UsageException e) {
            out.println("Erreur : " + e.getMessage());
            out.println(USAGE_TEXT);
            return USAGE;
        }

        out.println("Vérification AAF : préfixe " + extraction.prefix() + ", type " + extraction.type().label()
                + ", date d'extraction " + AafFileName.DATE_FORMAT.format(extraction.date()));
        AafVerification verification = new AafVerifier().verify(extraction, files);
        for (AafXmlCheck check : verification.checks()) {
            List<String> problems = verification.problemsOf(check);
            if (problems.isEmpty()) {
                out.println(check.fileName() + " : OK (" + check.lines() + " lignes, " + check.bytes() + " octets, "
                        + check.entries() + " entrées)");
            } else {
                out.println(check.fileName() + " : REFUSÉ");
                problems.forEach(p -> out.println("  - " + p));
            }
        }
        if (!verification.names().setProblems().isEmpty()) {
            out.println("Problèmes de l'ensemble :");
            verification.names().setProblems().forEach(p -> out.println("  - " + p));
        }

        if (!verification.ok()) {
            out.println("Résultat : REFUSÉ (" + verification.problems().size()
                    + " problème(s)) ; rien ne serait envoyé, aucun bordereau.");
            return REFUSED;
        }
        String recipient = cli.optional("destinataire") == null ? "(non renseigné)" : cli.optional("destinataire");
        AafBordereau bordereau = AafBordereau.of(recipient, LocalDate.now(), cli.optional("archive"), verification.checks());
        out.println();
        out.println("Bordereau qui serait écrit :");
        out.print(bordereau.render());
        out.println();
        out.println("Résultat : OK, " + verification.checks().size() + " fichier(s), " + verification.totalLines()
                + " lignes, " + verification.totalBytes() + " octets.");
        return OK;
    }

    private static List<Path> collectFiles(List<String> paths, AafExtraction extraction, PrintStream out)
            throws CliArgs.UsageException {
        if (paths.isEmpty()) {
            throw new CliArgs.UsageException("indiquer un dossier ou des fichiers à vérifier");
        }
        List<Path> files = new ArrayList<>();
        AafInboxSelector selector = new AafInboxSelector();
        for (String p : paths) {
            Path path = Path.of(p);
            if (Files.isDirectory(path)) {
                AafInboxSelector.Selection selection = selector.select(path, extraction);
                selection.ignored().forEach(name -> out.println("(ignoré, autre date : " + name + ")"));
                files.addAll(selection.files());
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new CliArgs.UsageException("fichier ou dossier introuvable : " + p);
            }
        }
        return files;
    }
}
