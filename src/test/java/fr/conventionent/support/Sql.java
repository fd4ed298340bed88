package fr.conventionent.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * Reads the shared database directly: what every node sees, whichever served the request. The session runs in the
 * nodes' time zone (Europe/Paris): the engine writes its dates without zone, so {@code now()} compares with them.
 */
public final class Sql {

    private final String url;

    public Sql(String jdbcUrl) {
        this.url = jdbcUrl;
    }

    public long count(String query, Object... parameters) {
        List<List<Object>> rows = rows(query, parameters);
        return ((Number) rows.get(0).get(0)).longValue();
    }

    /** First column of every row, as text. */
    public List<String> column(String query, Object... parameters) {
        return rows(query, parameters).stream().map(row -> String.valueOf(row.get(0))).toList();
    }

    /** Two columns: key → count. */
    public Map<String, Long> counts(String query, Object... parameters) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (List<Object> row : rows(query, parameters)) {
            counts.put(String.valueOf(row.get(0)), ((Number) row.get(1)).longValue());
        }
        return counts;
    }

    public List<List<Object>> rows(String query, Object... parameters) {
        try (Connection connection = connect(); var statement = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (var result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(query + " : " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
        try (var statement = connection.createStatement()) {
            statement.execute("SET TIME ZONE 'Europe/Paris'");
        }
        return connection;
    }

    public void execute(String statementText) {
        try (Connection connection = connect(); var statement = connection.createStatement()) {
            statement.execute(statementText);
        } catch (SQLException e) {
            throw new IllegalStateException(statementText + " : " + e.getMessage(), e);
        }
    }
}
