package fr.conventionent.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The registry as CSV for a French spreadsheet: UTF-8 with a byte-order mark, {@code ;} between fields, dates as
 * dd/mm/yyyy, one line per convention.
 */
final class RegistryCsv {

    static final String[] HEADERS = {"Numéro", "Commune", "Code INSEE", "Département", "Circonscription", "Statut",
            "Date de signature", "Dernier jour de la période initiale", "Prochain anniversaire", "Dernier jour pour dénoncer",
            "Dernier jour (inclus)", "Version", "Avenants", "Incidents ouverts", "Dernière livraison AAF", "Résultat AAF",
            "Prochain comité de pilotage"};

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final CSVFormat FORMAT = CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';')
            .setHeader(HEADERS).get();

    private final CSVPrinter printer;
    private final Writer writer;

    RegistryCsv(OutputStream out) {
        try {
            this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            this.printer = new CSVPrinter(writer, FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void print(RegistryLine line) {
        try {
            printer.printRecord(line.numero(), line.communeNom(), line.communeInsee(), line.departement(),
                    String.join(", ", line.circonscriptions()), line.statutLibelle(), day(line.dateSignature()), day(line.dernierJourPeriodeInitiale()),
                    day(line.prochainAnniversaire()), day(line.limiteDenonciation()), day(line.dernierJour()),
                    line.version(), line.avenants(), line.incidentsOuverts(), dayTime(line.aafDerniere()),
                    line.aafResume(), day(line.prochainComite()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void finish() {
        try {
            printer.flush();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    private static String dayTime(OffsetDateTime time) {
        return time == null ? "" : DAY_TIME.format(time);
    }
}
