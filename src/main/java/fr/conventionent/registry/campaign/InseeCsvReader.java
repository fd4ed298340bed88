package fr.conventionent.registry.campaign;

import java.io.IOException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the INSEE codes of a campaign file as spreadsheets write it: UTF-8 with or without BOM, one code per line
 * or several separated by {@code ;}, {@code ,} or a tab. When the first line names a column "insee" (« Code INSEE »,
 * « code_insee »…) only that column is read; otherwise every value is a code. Blank lines are ignored.
 */
final class InseeCsvReader {

    static final int MAX_CODES = 10_000;

    private InseeCsvReader() {
    }

    static List<SubmittedCode> read(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        Character separator = null;
        int inseeColumn = -1;
        boolean first = true;
        List<SubmittedCode> codes = new ArrayList<>();
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index];
            if (line.isBlank()) {
                continue;
            }
            if (first) {
                first = false;
                separator = separatorOf(line);
                List<String> cells = cells(line, separator);
                inseeColumn = inseeColumnOf(cells);
                if (inseeColumn >= 0) {
                    continue;
                }
            }
            List<String> cells = cells(line, separator);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (inseeColumn >= 0) {
                codes.add(new SubmittedCode(index + 1, inseeColumn < cells.size() ? cells.get(inseeColumn) : ""));
            } else {
                for (String cell : cells) {
                    if (!cell.isBlank()) {
                        codes.add(new SubmittedCode(index + 1, cell));
                    }
                }
            }
            if (codes.size() > MAX_CODES) {
                throw CampaignRequestException.badRequest("Le fichier contient plus de " + MAX_CODES
                        + " codes : découpez-le en plusieurs campagnes.");
            }
        }
        if (codes.isEmpty()) {
            throw CampaignRequestException.badRequest("Le fichier ne contient aucun code INSEE.");
        }
        return codes;
    }

    /** The most frequent of ; , and tab on the first line, or none (one code per line). */
    private static Character separatorOf(String line) {
        Character best = null;
        long bestCount = 0;
        for (char candidate : new char[] {';', ',', '\t'}) {
            long count = line.chars().filter(c -> c == candidate).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    private static int inseeColumnOf(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String name = Normalizer.normalize(cells.get(i), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .toLowerCase(Locale.ROOT);
            if (name.contains("insee")) {
                return i;
            }
        }
        return -1;
    }

    /** The cells of one line, quotes understood ("Nanterre; ville"), as commons-csv reads a spreadsheet's export. */
    private static List<String> cells(String line, Character separator) {
        if (separator == null) {
            return List.of(unquote(line.trim()));
        }
        CSVFormat format = CSVFormat.Builder.create(CSVFormat.DEFAULT).setDelimiter(separator).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(line, format)) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of() : records.get(0).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw CampaignRequestException.badRequest("Ligne illisible dans le fichier : « " + line + " »");
        }
    }

    private static String unquote(String cell) {
        return cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")
                ? cell.substring(1, cell.length() - 1).trim() : cell;
    }
}
