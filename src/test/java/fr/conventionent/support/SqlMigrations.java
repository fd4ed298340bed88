package fr.conventionent.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The versions of the application's SQL migrations (db/migration/V<n>__*.sql), in order: what Flyway must apply. */
public final class SqlMigrations {

    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

    private SqlMigrations() {
    }

    public static List<Integer> versions() {
        try {
            Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*__*.sql");
            return Arrays.stream(scripts).map(Resource::getFilename).map(VERSION::matcher).filter(Matcher::matches)
                    .map(name -> Integer.parseInt(name.group(1))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flyway's history as "version type success" lines: Camunda's schema first ({@code first}), then each script. */
    public static String[] historyAfter(String first) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first),
                versions().stream().map(version -> version + " SQL true")).toArray(String[]::new);
    }
}
