package fr.conventionent.registry.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class InseeCsvReaderTest {

    @Test
    void oneCodePerLineWithBomAndBlankLines() {
        assertThat(read("\uFEFF78646\r\n\r\n  92050 \n\n95127"))
                .containsExactly(new SubmittedCode(1, "78646"), new SubmittedCode(3, "92050"),
                        new SubmittedCode(5, "95127"));
    }

    @Test
    void headerNamingTheInseeColumnSelectsIt() {
        assertThat(read("Commune;Code INSEE;Département\nVersailles;78646;78\n\"Nanterre; ville\";92050;92\n"))
                .containsExactly(new SubmittedCode(2, "78646"), new SubmittedCode(3, "92050"));
        assertThat(read("nom,code_insee\nCergy,95127\n")).containsExactly(new SubmittedCode(2, "95127"));
    }

    @Test
    void headerRowWithAnEmptyInseeCellGivesAnEmptyCode() {
        assertThat(read("insee;nom\n;Versailles\n")).containsExactly(new SubmittedCode(2, ""));
    }

    @Test
    void withoutHeaderEverySeparatedValueIsACode() {
        assertThat(read("78646;92050\n95127;\n")).containsExactly(new SubmittedCode(1, "78646"),
                new SubmittedCode(1, "92050"), new SubmittedCode(2, "95127"));
    }

    @Test
    void fileWithoutAnyCodeIsRefused() {
        assertThatThrownBy(() -> read("\uFEFF\r\n  \r\n")).isInstanceOf(CampaignRequestException.class)
                .hasMessage("Le fichier ne contient aucun code INSEE.");
        assertThatThrownBy(() -> read("code insee\n")).hasMessage("Le fichier ne contient aucun code INSEE.");
    }

    private static java.util.List<SubmittedCode> read(String content) {
        return InseeCsvReader.read(content.getBytes(StandardCharsets.UTF_8));
    }
}
