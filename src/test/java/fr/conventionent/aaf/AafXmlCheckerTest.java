package fr.conventionent.aaf;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import fr.conventionent.aaf.generator.AafGenerationResult;
import fr.conventionent.aaf.generator.AafGenerator;
import fr.conventionent.aaf.generator.AafGeneratorOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Vérification en flux : contenu attendu, fichiers abîmés et fichiers hostiles. */
class AafXmlCheckerTest {

    private static final String ELEVE_FILE = "ENT_Complet_20240919_Eleve_0000.xml";
    private static final String DOCTYPE = "<!DOCTYPE ficAlimMENESR SYSTEM \"ficAlimMENESR.dtd\">\n";
    private static final String ENTRY = """
            <addRequest>
            <operationalAttributes><attr name="categoriePersonne"><value>Eleve</value></attr></operationalAttributes>
            <identifier><id>2000000</id></identifier>
            <attributes><attr name="sn"><value>MARTIN</value></attr></attributes>
            </addRequest>
            """;

    @TempDir
    Path dir;

    private final AafXmlChecker checker = new AafXmlChecker();

    private Path write(String name, String content) throws IOException {
        return write(name, content, StandardCharsets.UTF_8);
    }

    private Path write(String name, String content, Charset charset) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content.getBytes(charset));
        return file;
    }

    @Test
    void a_generated_file_passes_with_counts_matching_an_independent_computation() throws Exception {
        AafExtraction extraction = new AafExtraction("ENT", AafFileType.COMPLET, LocalDate.of(2024, 9, 19));
        AafGenerationResult result = new AafGenerator().generate(new AafGeneratorOptions(extraction, 400, 7), dir);

        for (Path file : result.files()) {
            AafXmlCheck check = checker.check(file);
            byte[] bytes = Files.readAllBytes(file);
            long newlines = 0;
            for (byte b : bytes) {
                newlines += b == '\n' ? 1 : 0;
            }
            assertThat(check.problems()).as(file.toString()).isEmpty();
            assertThat(check.bytes()).isEqualTo(bytes.length);
            assertThat(check.lines()).isEqualTo(newlines);
            assertThat(check.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
        AafXmlCheck pupils = checker.check(dir.resolve("ENT_Complet_20240919_Eleve_0000.xml"));
        assertThat(pupils.addRequests()).isEqualTo(400);
        assertThat(pupils.encoding()).isEqualTo("UTF-8");
    }

    @Test
    void doctype_naming_the_dtd_is_accepted_without_the_dtd_file() throws Exception {
        Path file = write(ELEVE_FILE, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + DOCTYPE + "<ficAlimMENESR>\n" + ENTRY + "</ficAlimMENESR>\n");

        AafXmlCheck check = checker.check(file);

        assertThat(dir.resolve("ficAlimMENESR.dtd")).doesNotExist();
        assertThat(check.problems()).isEmpty();
        assertThat(check.addRequests()).isEqualTo(1);
        assertThat(check.lines()).isEqualTo(9);
    }

    @Test
    void file_without_xml_declaration_is_read_as_utf8() throws Exception {
        Path file = write(ELEVE_FILE, "<ficAlimMENESR>" + ENTRY.replace("MARTIN", "Hélène Noël") + "</ficAlimMENESR>");

        AafXmlCheck check = checker.check(file);

        assertThat(check.problems()).isEmpty();
        assertThat(check.encoding()).isEqualTo("UTF-8");
        assertThat(check.lines()).as("comme wc -l : dernière ligne sans fin de ligne non comptée").isEqualTo(5);
    }

    @Test
    void iso_8859_15_declared_file_with_accents_is_accepted() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>\n" + DOCTYPE + "<ficAlimMENESR>\n"
                + ENTRY.replace("MARTIN", "Œdipe LEFÈVRE-NOËL 5 €") + "</ficAlimMENESR>\n";
        Path file = write(ELEVE_FILE, xml, Charset.forName("ISO-8859-15"));

        AafXmlCheck check = checker.check(file);

        assertThat(check.problems()).isEmpty();
        assertThat(check.encoding()).isEqualToIgnoringCase("ISO-8859-15");
    }

    @Test
    void utf8_bytes_invalid_for_the_declared_encoding_are_refused() throws Exception {
        byte[] latin = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ficAlimMENESR>" + ENTRY.replace("MARTIN", "Hélène")
                + "</ficAlimMENESR>\n").getBytes(StandardCharsets.ISO_8859_1);
        Path file = dir.resolve(ELEVE_FILE);
        Files.write(file, latin);

        assertThat(checker.check(file).problems()).isNotEmpty();
    }

    @Test
    void wrong_root_is_refused() throws Exception {
        Path file = write(ELEVE_FILE, "<?xml version=\"1.0\"?>\n<annuaire>" + ENTRY + "</annuaire>\n");

        assertThat(checker.check(file).problems()).containsExactly("élément racine « annuaire » inattendu (attendu ficAlimMENESR)");
    }

    @Test
    void unexpected_child_of_root_is_refused_with_its_line() throws Exception {
        Path file = write(ELEVE_FILE, "<ficAlimMENESR>\n" + ENTRY + "<searchRequest/>\n</ficAlimMENESR>\n");

        assertThat(checker.check(file).problems()).containsExactly(
                "élément « searchRequest » inattendu sous ficAlimMENESR (ligne 7) : seuls addRequest, modifyRequest et deleteRequest sont admis");
    }

    @Test
    void modify_and_delete_are_refused_in_a_complet_but_accepted_in_a_delta() throws Exception {
        String body = "<ficAlimMENESR>\n" + ENTRY.replace("addRequest", "modifyRequest") + ENTRY.replace("addRequest", "deleteRequest") + "</ficAlimMENESR>\n";
        Path complet = write(ELEVE_FILE, body);
        Path delta = write("ENT_Delta_20240919_Eleve_0000.xml", body);

        assertThat(checker.check(complet).problems()).containsExactly(
                "modifyRequest (ligne 2) interdit dans un fichier Complet", "deleteRequest (ligne 7) interdit dans un fichier Complet");
        AafXmlCheck deltaCheck = checker.check(delta);
        assertThat(deltaCheck.problems()).isEmpty();
        assertThat(deltaCheck.modifyRequests()).isEqualTo(1);
        assertThat(deltaCheck.deleteRequests()).isEqualTo(1);
    }

    @Test
    void entry_of_another_category_than_the_file_name_is_refused() throws Exception {
        Path file = write("ENT_Complet_20240919_PersEducNat_0000.xml", "<ficAlimMENESR>\n" + ENTRY + "</ficAlimMENESR>\n");

        assertThat(checker.check(file).problems()).containsExactly("entrée de catégorie « Eleve » (ligne 2) dans un fichier PersEducNat");
    }

    @Test
    void truncated_file_is_refused_and_still_fully_counted() throws Exception {
        String full = "<?xml version=\"1.0\"?>\n<ficAlimMENESR>\n" + ENTRY + ENTRY + "</ficAlimMENESR>\n";
        Path file = write(ELEVE_FILE, full.substring(0, full.length() / 2 + 7));

        AafXmlCheck check = checker.check(file);

        assertThat(check.problems()).singleElement().asString().startsWith("XML mal formé ou tronqué (ligne ");
        assertThat(check.bytes()).isEqualTo(Files.size(file));
    }

    @Test
    void empty_file_is_refused() throws Exception {
        assertThat(checker.check(write(ELEVE_FILE, "")).problems()).singleElement().asString().startsWith("XML mal formé");
    }

    @Test
    void xxe_to_a_local_file_is_refused_and_its_content_never_appears() throws Exception {
        Path secret = write("secret.txt", "CONTENU-SECRET-42");
        Path file = write(ELEVE_FILE, "<?xml version=\"1.0\"?>\n<!DOCTYPE ficAlimMENESR [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<ficAlimMENESR>" + ENTRY.replace("MARTIN", "&xxe;") + "</ficAlimMENESR>\n");

        AafXmlCheck check = checker.check(file);

        assertThat(check.ok()).isFalse();
        assertThat(check.problems()).containsExactly("déclaration DOCTYPE refusée : les déclarations internes (entités) sont interdites");
        assertThat(check.toString()).doesNotContain("CONTENU-SECRET-42");
    }

    @Test
    void xxe_and_external_dtd_over_http_are_never_fetched() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "<!ENTITY leak 'FUITE'>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
        try {
            String base = "http://127.0.0.1:" + http.getAddress().getPort();
            Path entity = write(ELEVE_FILE, "<?xml version=\"1.0\"?>\n<!DOCTYPE ficAlimMENESR [<!ENTITY xxe SYSTEM \"" + base + "/x\">]>\n"
                    + "<ficAlimMENESR>" + ENTRY.replace("MARTIN", "&xxe;") + "</ficAlimMENESR>\n");
            Path externalDtd = write("ENT_Complet_20240919_Eleve_0001.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE ficAlimMENESR SYSTEM \"" + base + "/ficAlimMENESR.dtd\">\n"
                    + "<ficAlimMENESR>" + ENTRY.replace("MARTIN", "&leak;") + "</ficAlimMENESR>\n");
            Path parameterEntity = write("ENT_Complet_20240919_Eleve_0002.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE ficAlimMENESR [<!ENTITY % p SYSTEM \"" + base + "/p\"> %p;]>\n"
                    + "<ficAlimMENESR>" + ENTRY + "</ficAlimMENESR>\n");

            assertThat(checker.check(entity).ok()).isFalse();
            assertThat(checker.check(externalDtd).problems()).singleElement().asString().startsWith("DTD « " + base + "/ficAlimMENESR.dtd » refusée");
            assertThat(checker.check(parameterEntity).ok()).isFalse();
            assertThat(requests).hasValue(0);
        } finally {
            http.stop(0);
        }
    }

    @Test
    void billion_laughs_is_refused_quickly_without_memory_blow_up() throws Exception {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE ficAlimMENESR [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 30; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        dtd.append("]>\n");
        Path file = write(ELEVE_FILE, "<?xml version=\"1.0\"?>\n" + dtd + "<ficAlimMENESR>" + ENTRY.replace("MARTIN", "&lol30;") + "</ficAlimMENESR>\n");
        long heapBefore = usedHeap();

        AafXmlCheck check = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> checker.check(file));

        assertThat(check.problems()).containsExactly("déclaration DOCTYPE refusée : les déclarations internes (entités) sont interdites");
        assertThat(usedHeap() - heapBefore).isLessThan(64L << 20);
    }

    @Test
    void a_giant_prologue_is_refused_before_being_held_in_memory() throws Exception {
        Path file = dir.resolve(ELEVE_FILE);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("<?xml version=\"1.0\"?>\n<!DOCTYPE ficAlimMENESR [\n".getBytes(StandardCharsets.US_ASCII));
            byte[] comment = ("<!-- " + "x".repeat(1000) + " -->\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 3000; i++) {
                out.write(comment);
            }
            out.write("]>\n<ficAlimMENESR/>\n".getBytes(StandardCharsets.US_ASCII));
        }

        AafXmlCheck check = checker.check(file);

        assertThat(check.problems()).singleElement().asString().contains("prologue XML (avant l'élément racine) de plus de 1048576 octets");
        assertThat(check.bytes()).isEqualTo(Files.size(file));
    }

    @Test
    void predefined_and_character_entities_are_fine_even_by_the_hundred_thousand() throws Exception {
        StringBuilder sb = new StringBuilder("<ficAlimMENESR>\n");
        String entry = ENTRY.replace("MARTIN", "L&apos;ÉCOLE &amp; &#233;&lt;&gt;&quot;");
        for (int i = 0; i < 100_000; i++) {
            sb.append(entry);
        }
        sb.append("</ficAlimMENESR>\n");

        AafXmlCheck check = checker.check(write(ELEVE_FILE, sb.toString()));

        assertThat(check.problems()).isEmpty();
        assertThat(check.addRequests()).isEqualTo(100_000);
    }

    @Test
    void doctype_of_another_root_is_refused() {
        assertThat(AafXmlChecker.doctypeProblem("<!DOCTYPE html>")).hasValue("DOCTYPE « html » inattendu (attendu ficAlimMENESR)");
        assertThat(AafXmlChecker.doctypeProblem("<!DOCTYPE ficAlimMENESR>")).isEmpty();
        assertThat(AafXmlChecker.doctypeProblem("<!DOCTYPE ficAlimMENESR SYSTEM 'ficAlimMENESR.dtd'>")).isEmpty();
        assertThat(AafXmlChecker.doctypeProblem("<!DOCTYPE ficAlimMENESR PUBLIC \"-//X//Y\" \"file:///etc/passwd\">")).isPresent();
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
