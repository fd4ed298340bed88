package fr.conventionent.aaf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.conventionent.aaf.AafExtraction;
import fr.conventionent.aaf.AafFileType;
import fr.conventionent.aaf.generator.AafGenerator;
import fr.conventionent.aaf.generator.AafGeneratorOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AafCheckCommandTest {

    private static final AafExtraction EXTRACTION = new AafExtraction("ENT_78-1D", AafFileType.COMPLET, LocalDate.of(2024, 9, 19));

    @TempDir
    Path dir;

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

    private String output() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_good_folder_passes_and_the_bordereau_is_printed() {
        new AafGenerator().generate(new AafGeneratorOptions(EXTRACTION, 300, 4), dir);

        int code = AafCheckCommand.run(new String[] {dir.toString(), "--prefix", "ENT_78-1D", "--type", "Complet",
                "--date", "20240919", "--destinataire", "0781234T", "--archive", "ENT_20240919.zip"}, out);

        assertThat(code).as(output()).isZero();
        assertThat(output()).contains(
                "Vérification AAF : préfixe ENT_78-1D, type Complet, date d'extraction 20240919",
                "ENT_78-1D_Complet_20240919_Eleve_0000.xml : OK (",
                "Bordereau qui serait écrit :",
                "BORDEREAU D'ENVOI AAF\nCode destinataire : 0781234T\n",
                "Archive zip : ENT_20240919.zip\n",
                "Nombre de fichiers : 4\n",
                "Résultat : OK, 4 fichier(s)");
    }

    @Test
    void explicit_files_are_checked_too() throws Exception {
        new AafGenerator().generate(new AafGeneratorOptions(EXTRACTION, 100, 4), dir);
        String[] files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.map(Path::toString).sorted().toArray(String[]::new);
        }
        String[] args = Stream.concat(Stream.of(files), Stream.of("--prefix=ENT_78-1D", "--type=complet", "--date=20240919"))
                .toArray(String[]::new);

        assertThat(AafCheckCommand.run(args, out)).as(output()).isZero();
        assertThat(output()).contains("Code destinataire : (non renseigné)", "Archive zip : aucune");
    }

    @Test
    void a_bad_set_is_refused_with_its_reasons_and_no_bordereau() throws Exception {
        new AafGenerator().generate(new AafGeneratorOptions(EXTRACTION, 300, 4).withMaxEntriesPerFile(100), dir);
        Files.delete(dir.resolve("ENT_78-1D_Complet_20240919_Eleve_0001.xml"));
        Files.writeString(dir.resolve("ENT_78-1D_Complet_20240919_PersEducNat_0000.xml"), "<annuaire/>");

        int code = AafCheckCommand.run(new String[] {dir.toString(), "--prefix", "ENT_78-1D", "--type", "Delta", "--date", "20240919"}, out);

        assertThat(code).isEqualTo(1);
        assertThat(output()).contains(
                "ENT_78-1D_Complet_20240919_Eleve_0000.xml : REFUSÉ\n  - type Delta attendu, Complet trouvé",
                "ENT_78-1D_Complet_20240919_PersEducNat_0000.xml : REFUSÉ",
                "élément racine « annuaire » inattendu (attendu ficAlimMENESR)",
                "Résultat : REFUSÉ")
                .doesNotContain("BORDEREAU D'ENVOI");
        out.flush();
        buffer.reset();

        int completCode = AafCheckCommand.run(new String[] {dir.toString(), "--prefix", "ENT_78-1D", "--type", "Complet", "--date", "20240919"}, out);
        assertThat(completCode).isEqualTo(1);
        assertThat(output()).contains("Problèmes de l'ensemble :\n  - numéro 0001 manquant dans la catégorie Eleve");
    }

    @Test
    void bad_arguments_print_a_french_usage_and_exit_2() {
        assertThat(AafCheckCommand.run(new String[] {dir.toString(), "--type", "Complet", "--date", "20240919"}, out)).isEqualTo(2);
        assertThat(output()).contains("Erreur : option obligatoire manquante : --prefix", "Usage : java -jar");
        buffer.reset();
        assertThat(AafCheckCommand.run(new String[] {dir.toString(), "--prefix", "E", "--type", "Partiel", "--date", "20240919"}, out)).isEqualTo(2);
        assertThat(output()).contains("type « Partiel » inconnu : Complet ou Delta");
        buffer.reset();
        assertThat(AafCheckCommand.run(new String[] {dir.toString(), "--prefix", "E", "--type", "Delta", "--date", "2024-09-19"}, out)).isEqualTo(2);
        assertThat(output()).contains("date « 2024-09-19 » invalide");
        buffer.reset();
        assertThat(AafCheckCommand.run(new String[] {"--prefix", "E", "--type", "Delta", "--date", "20240919"}, out)).isEqualTo(2);
        assertThat(output()).contains("indiquer un dossier ou des fichiers");
        buffer.reset();
        assertThat(AafCheckCommand.run(new String[] {"/nulle/part", "--prefix", "E", "--type", "Delta", "--date", "20240919", "--verbeux", "x"}, out)).isEqualTo(2);
        assertThat(output()).contains("option inconnue : --verbeux");
    }

    @Test
    void generate_command_writes_a_set_that_check_accepts() {
        Path target = dir.resolve("lot");
        int generated = AafGenerateCommand.run(new String[] {"--dossier", target.toString(), "--prefix", "ENT_78-1D", "--type", "Delta",
                "--date", "20240919", "--eleves", "2000", "--seed", "8"}, out);

        assertThat(generated).as(output()).isZero();
        assertThat(output()).contains("ENT_78-1D_Delta_20240919_Eleve_0000.xml");
        assertThat(AafCheckCommand.run(new String[] {target.toString(), "--prefix", "ENT_78-1D", "--type", "Delta", "--date", "20240919"}, out))
                .as(output()).isZero();
        buffer.reset();
        assertThat(AafGenerateCommand.run(new String[] {"--dossier", target.toString(), "--prefix", "P", "--type", "Delta",
                "--date", "20240919", "--eleves", "zéro"}, out)).isEqualTo(2);
        assertThat(output()).contains("--eleves attend un nombre entier");
    }
}
