package fr.conventionent.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A chart's data table as CSV for a French spreadsheet, like the registry's export: UTF-8 with a byte-order mark,
 * {@code ;} between fields, decimal comma.
 */
final class DashboardCsv {

    private DashboardCsv() {
    }

    static void write(DashboardTable table, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';')
                .setHeader(table.colonnes().stream().map(DashboardTable.Column::libelle).toArray(String[]::new)).get());
        for (Map<String, Object> line : table.lignes()) {
            printer.printRecord(table.colonnes().stream().map(column -> cell(line.get(column.cle()))).toList());
        }
        printer.flush();
        writer.flush();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal || value instanceof Double) {
            return value.toString().replace('.', ',');
        }
        return value.toString();
    }
}
