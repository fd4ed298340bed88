package fr.conventionent.registry.campaign;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A campaign's report as a spreadsheet opens it: UTF-8 with BOM (Excel then reads the accents), {@code ;} between
 * columns. A cell that a spreadsheet would take for a formula is prefixed with an apostrophe.
 */
final class CampaignReportCsv {

    private static final String BOM = "\uFEFF";

    private CampaignReportCsv() {
    }

    static byte[] write(CampaignService.Report report) {
        StringWriter out = new StringWriter();
        out.write(BOM);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n")
                .setHeader("Ligne", "Code INSEE", "Commune", "Résultat", "Convention", "Motif").get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (CampaignLine line : report.lignes()) {
                printer.printRecord(line.ligne(), safe(line.codeInsee()), safe(line.commune()),
                        line.resultat().label(), safe(line.convention()), safe(line.motif()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
