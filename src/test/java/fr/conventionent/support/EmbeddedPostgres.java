package fr.conventionent.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.test.context.DynamicPropertyRegistry;

/** One embedded PostgreSQL server (io.zonky.test) for the whole test run, started on first use. */
public final class EmbeddedPostgres {

    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres() {
    }

    public static synchronized io.zonky.test.db.postgres.embedded.EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("PostgreSQL embarqué impossible à démarrer", e);
            }
        }
        return server;
    }

    /** Points the application at a fresh database of the embedded server, as the postgres profile would. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        var pg = createDatabase(database);
        registry.add("spring.datasource.url", () -> pg.getJdbcUrl("postgres", database));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("spring.datasource.driver-class-name", () -> "org.postgresql.Driver");
    }

    /** (Re)creates a database as a copy of {@code template} (which nobody may be connected to). */
    public static io.zonky.test.db.postgres.embedded.EmbeddedPostgres createDatabaseFrom(String database, String template) {
        var pg = server();
        try (var connection = pg.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database + " TEMPLATE " + template);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return pg;
    }

    /** (Re)creates an empty database on the embedded server. */
    public static io.zonky.test.db.postgres.embedded.EmbeddedPostgres createDatabase(String database) {
        var pg = server();
        try (var connection = pg.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return pg;
    }
}
