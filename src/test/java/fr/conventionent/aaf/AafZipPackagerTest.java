package fr.conventionent.aaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AafZipPackagerTest {

    @Test
    void archive_holds_every_file_flat_with_identical_content(@TempDir Path dir) throws Exception {
        Path sub = Files.createDirectories(dir.resolve("depot"));
        Path a = Files.writeString(sub.resolve("ENT_Complet_20240919_Eleve_0000.xml"), "<ficAlimMENESR/>\n".repeat(50_000));
        byte[] random = new byte[300_000];
        new Random(1).nextBytes(random);
        Path b = Files.write(sub.resolve("ENT_Complet_20240919_EtabEducNat_0000.xml"), random);
        Path archive = dir.resolve("ENT_Complet_20240919.zip");

        long size = new AafZipPackager().zip(List.of(a, b), archive);

        assertThat(size).isEqualTo(Files.size(archive)).isLessThan(Files.size(a) + Files.size(b));
        assertThat(dir.resolve("ENT_Complet_20240919.zip.tmp")).doesNotExist();
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                names.add(entry.getName());
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                zip.transferTo(content);
                Path original = sub.resolve(entry.getName());
                assertThat(content.toByteArray()).isEqualTo(Files.readAllBytes(original));
            }
        }
        assertThat(names).containsExactly(a.getFileName().toString(), b.getFileName().toString());
    }
}
