package fr.conventionent.aaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AafBordereauTest {

    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "0123456789abcdef".repeat(4);

    private final AafBordereau bordereau = new AafBordereau("0781234A", LocalDate.of(2024, 9, 19), "ENT_Complet_20240919.zip",
            List.of(new AafBordereau.Entry("ENT_Complet_20240919_Eleve_0000.xml", 1_350_008, SHA_A),
                    new AafBordereau.Entry("ENT_Complet_20240919_EtabEducNat_0000.xml", 14_015, SHA_B)));

    @Test
    void renders_the_documented_format_exactly() {
        assertThat(bordereau.render()).isEqualTo("""
                BORDEREAU D'ENVOI AAF
                Code destinataire : 0781234A
                Date d'envoi : 19/09/2024
                Archive zip : ENT_Complet_20240919.zip
                Nombre de fichiers : 2
                Nombre total de lignes : 1364023
                Fichier ; Lignes ; SHA-256
                ENT_Complet_20240919_Eleve_0000.xml ; 1350008 ; %s
                ENT_Complet_20240919_EtabEducNat_0000.xml ; 14015 ; %s
                FIN DU BORDEREAU
                """.formatted(SHA_A, SHA_B));
    }

    @Test
    void says_when_there_is_no_archive() {
        AafBordereau noZip = new AafBordereau("0781234A", LocalDate.of(2024, 9, 19), null, bordereau.files());

        assertThat(noZip.render()).contains("Archive zip : aucune\n");
    }

    @Test
    void is_built_from_checks_in_their_order_and_written_deterministically(@TempDir Path dir) throws Exception {
        List<AafXmlCheck> checks = List.of(
                new AafXmlCheck("B.xml", 10, 3, SHA_B, "UTF-8", 1, 0, 0, List.of()),
                new AafXmlCheck("A.xml", 10, 5, SHA_A, "UTF-8", 1, 0, 0, List.of()));
        AafBordereau fromChecks = AafBordereau.of("X", LocalDate.of(2024, 1, 5), null, checks);

        Path first = fromChecks.writeTo(dir.resolve("b1.txt"));
        Path second = AafBordereau.of("X", LocalDate.of(2024, 1, 5), null, checks).writeTo(dir.resolve("b2.txt"));

        assertThat(fromChecks.files()).extracting(AafBordereau.Entry::fileName).containsExactly("B.xml", "A.xml");
        assertThat(fromChecks.totalLines()).isEqualTo(8);
        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
        assertThat(Files.readString(first, StandardCharsets.UTF_8)).startsWith("BORDEREAU D'ENVOI AAF\n").endsWith("FIN DU BORDEREAU\n");
        assertThat(dir.resolve("b1.txt.tmp")).doesNotExist();
    }
}
