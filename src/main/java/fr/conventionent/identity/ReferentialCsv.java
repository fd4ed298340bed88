package fr.conventionent.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.Resource;

/**
 * The referential files (communes, schools): UTF-8, one line per entry, cells separated by ";", a header line,
 * blank lines and lines starting with "#" (comments) skipped.
 */
final class ReferentialCsv {

    /** One entry: its cells, and the line as written, for the error that names it. */
    record Row(String[] cells, String line) {
    }

    private ReferentialCsv() {
    }

    /** @param what "des communes", "des écoles": named in the error if the file cannot be read */
    static List<Row> rows(Resource csv, String what) {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(csv.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(new Row(line.split(";", -1), line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Référentiel " + what + " illisible : " + csv, e);
        }
        return rows;
    }
}
