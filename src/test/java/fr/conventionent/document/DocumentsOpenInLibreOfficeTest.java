package fr.conventionent.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.conventionent.demo.SampleConventions;
import fr.conventionent.kernel.ConventionDataMapper;
import fr.conventionent.support.EngineTest;
import fr.conventionent.support.PdfText;
import fr.conventionent.support.RequiredTool;

/**
 * The generated documents are real DOCX files: LibreOffice (headless) opens each one and
 * converts it to PDF, under target/libreoffice/.
 */
class DocumentsOpenInLibreOfficeTest extends EngineTest {

    private static final Path SOFFICE = Path.of("/usr/bin/soffice");
    private static final Path OUT = Path.of("target", "libreoffice").toAbsolutePath();

    @Autowired
    ConventionDocument conventionDocument;
    @Autowired
    PdfDocuments pdf;

    @Test
    void theConventionOpensInLibreOffice() throws Exception {
        var data = ConventionDataMapper.normalize(ConventionDataMapper.read(
                SampleConventions.completion("78646", "Versailles", 40)));
        assertConvertsToPdf("convention-40-ecoles.docx", conventionDocument.generate(data, "CONV-78646-2026-01", 1));
    }

    /**
     * The PDF the application produces (docx4j, XSL-FO) against LibreOffice's conversion of the same DOCX: the same
     * text and a page count of the same order. Prints the time per convention PDF, once warm.
     */
    @Test
    void theApplicationsPdfMatchesLibreOffices() throws Exception {
        var data = ConventionDataMapper.normalize(ConventionDataMapper.read(
                SampleConventions.completion("78646", "Versailles", 40)));
        byte[] docx = conventionDocument.generate(data, "CONV-78646-2026-01", 1);
        PdfText libreOffice = PdfText.of(Files.readAllBytes(assertConvertsToPdf("convention-comparee.docx", docx)));
        pdf.toPdf(docx);
        int runs = 5;
        long start = System.nanoTime();
        byte[] ours = null;
        for (int i = 0; i < runs; i++) {
            ours = pdf.toPdf(conventionDocument.generate(data, "CONV-78646-2026-01", 1));
        }
        System.out.printf("Convention de 40 écoles : DOCX + PDF en %d ms par convention (moyenne de %d, JVM chaude)%n",
                (System.nanoTime() - start) / 1_000_000 / runs, runs);
        Files.write(OUT.resolve("convention-comparee-docx4j.pdf"), ours);
        PdfText application = PdfText.of(ours);

        System.out.printf("Pages : docx4j %d, LibreOffice %d%n", application.pages(), libreOffice.pages());
        assertThat(application.pages()).isBetween(libreOffice.pages() / 2, libreOffice.pages() * 2);
        for (String expected : List.of("La commune de Versailles", "Article 1 – Objet de la convention",
                "Article 13 – Litiges", "40 écoles bénéficient du dispositif.")) {
            assertThat(application.flat()).contains(expected);
            assertThat(libreOffice.flat()).contains(expected);
        }
    }

    @Test
    void theBordereauDeCircuitOpensInLibreOffice() throws Exception {
        assertConvertsToPdf("bordereau-circuit.docx", fr.conventionent.signature.CircuitEvidenceDocumentTest.sample());
    }

    static Path assertConvertsToPdf(String name, byte[] docx) throws Exception {
        RequiredTool.assume(Files.isExecutable(SOFFICE),
                "LibreOffice absent (/usr/bin/soffice). Installer : apt-get install libreoffice-writer-nogui");
        Files.createDirectories(OUT);
        Path file = OUT.resolve(name);
        Files.write(file, docx);
        Path profile = Files.createTempDirectory("lo-profile");
        Process process = new ProcessBuilder(List.of(SOFFICE.toString(), "-env:UserInstallation=" + profile.toUri(),
                "--headless", "--convert-to", "pdf", "--outdir", OUT.toString(), file.toString()))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("LibreOffice a répondu").isTrue();
        Path pdf = OUT.resolve(name.replace(".docx", ".pdf"));
        assertThat(pdf).as(output).exists();
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF-".getBytes());
        assertThat(Files.size(pdf)).isGreaterThan(10_000);
        return pdf;
    }
}
