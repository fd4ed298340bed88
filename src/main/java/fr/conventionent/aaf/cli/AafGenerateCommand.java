package fr.conventionent.aaf.cli;

import fr.conventionent.aaf.AafExtraction;
import fr.conventionent.aaf.generator.AafGenerationResult;
import fr.conventionent.aaf.generator.AafGenerator;
import fr.conventionent.aaf.generator.AafGeneratorOptions;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code aaf-generate} : écrit un lot AAF 1er degré synthétique (jeux d'essai, banc de performance).
 * Code de sortie : 0 si le lot est écrit, 2 en cas d'arguments invalides.
 */
public final class AafGenerateCommand {

    static final String USAGE_TEXT = """
            Usage : java -jar convention-ent.jar aaf-generate --dossier DOSSIER --prefix PRÉFIXE --type Complet|Delta --date aaaammjj --eleves N [--seed S] [--max-entrees M] [--encodage UTF-8|ISO-8859-15]
              --dossier      dossier où écrire les fichiers (créé au besoin)
              --eleves       nombre d'élèves ; écoles, personnels et responsables en découlent
              --seed         graine (défaut 1) : mêmes arguments, mêmes fichiers
              --max-entrees  entrées par fichier avant de passer au numéro suivant (défaut 50000)
              --encodage     encodage des fichiers (défaut UTF-8)""";

    private AafGenerateCommand() {
    }

    public static int run(String[] args, PrintStream out) {
        if (CliArgs.wantsHelp(args)) {
            out.println(USAGE_TEXT);
            return 0;
        }
        AafGeneratorOptions options;
        Path folder;
        try {
            CliArgs cli = CliArgs.parse(args, Set.of("dossier", "prefix", "type", "date", "eleves", "seed",
                    "max-entrees", "encodage"));
            if (!cli.positionals().isEmpty()) {
                throw new CliArgs.UsageException("argument inattendu : " + cli.positionals().get(0));
            }
            folder = Path.of(cli.required("dossier"));
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                throw new CliArgs.UsageException(folder + " existe et n'est pas un dossier");
            }
            AafExtraction extraction = new AafExtraction(cli.prefix(), cli.type(), cli.date());
            cli.required("eleves");
            long pupils = cli.longValue("eleves", 0, 1);
            if (pupils > Integer.MAX_VALUE / 2) {
                throw new CliArgs.UsageException("--eleves trop grand");
            }
            options = new AafGeneratorOptions(extraction, (int) pupils, cli.longValue("seed", 1, Long.MIN_VALUE),
                    (int) cli.longValue("max-entrees", AafGeneratorOptions.DEFAULT_MAX_ENTRIES_PER_FILE, 1),
                    charset(cli.optional("encodage")));
        } catch (CliArgs.UsageException e) {
            out.println("Erreur : " + e.getMessage());
            out.println(USAGE_TEXT);
            return 2;
        }
        long t0 = System.nanoTime();
        AafGenerationResult result = new AafGenerator().generate(options, folder);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        for (Path file : result.files()) {
            out.println(file);
        }
        StringBuilder perCategory = new StringBuilder();
        result.entries().forEach((category, count) -> perCategory.append(perCategory.length() == 0 ? "" : ", ")
                .append(category.label()).append(' ').append(count));
        out.println(result.files().size() + " fichier(s), " + result.bytes() + " octets, entrées : " + perCategory
                + ", en " + ms + " ms");
        return 0;
    }

    private static Charset charset(String name) throws CliArgs.UsageException {
        if (name == null) {
            return java.nio.charset.StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new CliArgs.UsageException("encodage inconnu : " + name);
        }
    }
}
