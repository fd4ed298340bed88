package fr.conventionent.aaf.generator;

import static org.assertj.core.api.Assertions.assertThat;

import fr.conventionent.aaf.AafCategory;
import fr.conventionent.aaf.AafExtraction;
import fr.conventionent.aaf.AafFileType;
import fr.conventionent.aaf.AafVerification;
import fr.conventionent.aaf.AafVerifier;
import fr.conventionent.aaf.AafXmlCheck;
import fr.conventionent.kernel.Uai;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AafGeneratorTest {

    private static final LocalDate DATE = LocalDate.of(2024, 9, 19);
    private static final AafExtraction COMPLET = new AafExtraction("ENT78-1D", AafFileType.COMPLET, DATE);
    private static final AafExtraction DELTA = new AafExtraction("ENT78-1D", AafFileType.DELTA, DATE);

    private final AafGenerator generator = new AafGenerator();

    @Test
    void a_generated_complet_passes_the_whole_verification(@TempDir Path dir) {
        AafGenerationResult result = generator.generate(new AafGeneratorOptions(COMPLET, 1_000, 3).withMaxEntriesPerFile(300), dir);

        AafVerification verification = new AafVerifier().verify(COMPLET, result.files());

        assertThat(verification.problems()).isEmpty();
        assertThat(result.entries()).containsEntry(AafCategory.ELEVE, 1_000L).containsEntry(AafCategory.ETAB_EDUC_NAT, 7L);
        assertThat(result.entries().get(AafCategory.PERS_REL_ELEVE)).isBetween(1_000L, 2_000L);
        assertThat(result.files()).extracting(p -> p.getFileName().toString()).contains(
                "ENT78-1D_Complet_20240919_Eleve_0000.xml", "ENT78-1D_Complet_20240919_Eleve_0003.xml",
                "ENT78-1D_Complet_20240919_EtabEducNat_0000.xml")
                .doesNotContain("ENT78-1D_Complet_20240919_Eleve_0004.xml");
        assertThat(verification.checks().stream().filter(c -> c.fileName().contains("_Eleve_")).mapToLong(AafXmlCheck::addRequests))
                .containsExactly(300L, 300L, 300L, 100L);
    }

    @Test
    void same_seed_same_bytes_other_seed_other_bytes(@TempDir Path a, @TempDir Path b, @TempDir Path c) throws Exception {
        AafGenerationResult first = generator.generate(new AafGeneratorOptions(COMPLET, 200, 11), a);
        AafGenerationResult second = generator.generate(new AafGeneratorOptions(COMPLET, 200, 11), b);
        AafGenerationResult other = generator.generate(new AafGeneratorOptions(COMPLET, 200, 12), c);

        for (int i = 0; i < first.files().size(); i++) {
            assertThat(Files.readAllBytes(first.files().get(i))).isEqualTo(Files.readAllBytes(second.files().get(i)));
        }
        assertThat(Files.readAllBytes(other.files().get(0))).isNotEqualTo(Files.readAllBytes(first.files().get(0)));
    }

    @Test
    void schools_have_valid_uai_and_pupils_reference_their_parents(@TempDir Path dir) throws Exception {
        generator.generate(new AafGeneratorOptions(COMPLET, 600, 5), dir);

        String schools = Files.readString(dir.resolve("ENT78-1D_Complet_20240919_EtabEducNat_0000.xml"));
        Matcher uai = Pattern.compile("<attr name=\"ENTStructureUAI\"><value>([^<]+)</value>").matcher(schools);
        int count = 0;
        while (uai.find()) {
            assertThat(Uai.isValid(uai.group(1))).as(uai.group(1)).isTrue();
            assertThat(uai.group(1)).matches("0(78|91|92|95)\\d{4}[A-Z]");
            count++;
        }
        assertThat(count).isEqualTo(4);

        String pupils = Files.readString(dir.resolve("ENT78-1D_Complet_20240919_Eleve_0000.xml"));
        String parents = Files.readString(dir.resolve("ENT78-1D_Complet_20240919_PersRelEleve_0000.xml"));
        Matcher relation = Pattern.compile("<value>(3\\d{6})\\$(10|20)\\$").matcher(pupils);
        int relations = 0;
        while (relation.find()) {
            assertThat(parents).contains("<identifier><id>" + relation.group(1) + "</id></identifier>");
            relations++;
        }
        assertThat(relations).isGreaterThan(600);
    }

    @Test
    void delta_contains_adds_modifications_and_deletions_and_passes(@TempDir Path dir) throws Exception {
        AafGenerationResult result = generator.generate(new AafGeneratorOptions(DELTA, 5_000, 9), dir);

        AafVerification verification = new AafVerifier().verify(DELTA, result.files());

        assertThat(verification.problems()).isEmpty();
        AafXmlCheck pupils = verification.checks().stream().filter(c -> c.fileName().contains("_Eleve_")).findFirst().orElseThrow();
        assertThat(pupils.addRequests()).isEqualTo(50);
        assertThat(pupils.modifyRequests()).isBetween(150L, 400L);
        assertThat(pupils.deleteRequests()).isBetween(20L, 100L);
        String xml = Files.readString(result.files().get(0));
        assertThat(xml).contains("<modification name=\"").contains("operation=\"replace\"").contains("<deleteRequest>");
    }

    @Test
    void iso_8859_15_output_is_declared_and_readable(@TempDir Path dir) throws Exception {
        Charset latin9 = Charset.forName("ISO-8859-15");
        AafGenerationResult result = generator.generate(new AafGeneratorOptions(COMPLET, 300, 2).withEncoding(latin9), dir);

        Path pupils = dir.resolve("ENT78-1D_Complet_20240919_Eleve_0000.xml");
        String head = new String(Files.readAllBytes(pupils), latin9);
        assertThat(head).startsWith("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>");
        assertThat(new AafVerifier().verify(COMPLET, result.files()).problems()).isEmpty();
        assertThat(givenNames(pupils)).anyMatch(n -> n.matches(".*[éèëïçÉ].*"));
    }

    private static List<String> givenNames(Path file) throws Exception {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        try (var in = Files.newInputStream(file)) {
            XMLStreamReader r = f.createXMLStreamReader(in);
            boolean inGiven = false;
            while (r.hasNext()) {
                int e = r.next();
                if (e == XMLStreamConstants.START_ELEMENT && "attr".equals(r.getLocalName())) {
                    inGiven = "givenName".equals(r.getAttributeValue(null, "name"));
                } else if (e == XMLStreamConstants.START_ELEMENT && inGiven && "value".equals(r.getLocalName())) {
                    names.add(r.getElementText());
                }
            }
        }
        return names;
    }
}
