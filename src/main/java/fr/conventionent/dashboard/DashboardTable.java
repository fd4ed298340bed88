package fr.conventionent.dashboard;

import java.util.List;
import java.util.Map;

/**
 * One chart's figures, as the page draws them and as its data table and CSV give them: a title, the columns
 * (key, French label) and one map per line. The same shape for every chart, so one renderer and one CSV writer do.
 *
 * @param note what the figures count, in a sentence (shown under the title)
 */
public record DashboardTable(String titre, String note, List<Column> colonnes, List<Map<String, Object>> lignes) {

    public record Column(String cle, String libelle) {
    }

    public DashboardTable {
        colonnes = List.copyOf(colonnes);
        lignes = List.copyOf(lignes);
    }

    public static Column column(String key, String label) {
        return new Column(key, label);
    }
}
