package fr.conventionent.support;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Empties the application's convention tables (children first): a registry with nothing listed yet. */
public final class ConventionTables {

    private static final List<String> CHILDREN_FIRST = List.of("convention_ecole", "convention_correspondant",
            "circonscription_convention", "convention_version", "convention_representant", "convention");

    private ConventionTables() {
    }

    public static void empty(JdbcTemplate jdbc) {
        CHILDREN_FIRST.forEach(table -> jdbc.update("delete from " + table));
    }
}
