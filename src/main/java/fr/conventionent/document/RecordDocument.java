package fr.conventionent.document;

import java.util.ArrayList;
import java.util.List;

/**
 * A record sheet as DOCX (the closure sheet of a convention): a title, a reference line and
 * sections, each with a few lines or a table.
 */
public final class RecordDocument {

    private final DocxBuilder doc = new DocxBuilder();

    public RecordDocument(String title, String reference) {
        doc.title(title);
        doc.centered(reference);
    }

    public RecordDocument lines(String heading, List<String> lines) {
        doc.heading(1, heading);
        for (String line : lines) {
            doc.paragraph(line);
        }
        return this;
    }

    /** A table, or {@code empty} as a sentence when there are no rows. */
    public RecordDocument table(String heading, List<String> header, List<List<String>> rows, String empty) {
        doc.heading(1, heading);
        if (rows.isEmpty()) {
            doc.paragraph(empty);
        } else {
            List<List<String>> cells = new ArrayList<>();
            for (List<String> row : rows) {
                cells.add(row.stream().map(cell -> cell == null ? "" : cell).toList());
            }
            doc.table(header, cells);
        }
        return this;
    }

    public byte[] toBytes() {
        return doc.toBytes();
    }
}
