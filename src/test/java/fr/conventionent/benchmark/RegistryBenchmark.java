package fr.conventionent.benchmark;

import java.io.Writer;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.conventionent.ConventionEntApplication;
import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.kernel.Groups;
import fr.conventionent.registry.CalendarFeed;
import fr.conventionent.registry.RegistryFilter;
import fr.conventionent.registry.RegistryService;
import fr.conventionent.registry.Viewer;
import fr.conventionent.support.EmbeddedPostgres;

/**
 * Figures for the registry (printed, not asserted): the registry query's p50 and p95 for a DACES and for a commune
 * user over 35,000 conventions on embedded PostgreSQL (the postgres profile's schema), with the filters the page
 * offers, and the time of a whole CSV export and calendar feed for the DACES.
 * Run: {@code mvn -Pbenchmark verify -Dtest=RegistryBenchmark [-Dbenchmark.conventions=35000]}.
 */
class RegistryBenchmark {

    private static final int WARM_UP = 30;
    private static final int RUNS = 200;

    @Test
    void measure() throws Exception {
        int conventions = Integer.getInteger("benchmark.conventions", 35_000);
        var pg = EmbeddedPostgres.createDatabase("registre_bench");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ConventionEntApplication.class)
                .profiles("postgres", "test")
                .run("--spring.datasource.url=" + pg.getJdbcUrl("postgres", "registre_bench"),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                        "--server.port=0");
        try {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long loadStart = System.nanoTime();
            load(jdbc, conventions);
            jdbc.execute("ANALYZE convention");
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            RegistryService registry = context.getBean(RegistryService.class);

            Viewer daces = new Viewer("daces", List.of(Groups.DACES));
            Viewer commune = new Viewer("mairie.bench", List.of(Groups.commune(insee(12345 % conventions))));
            Viewer ien = new Viewer("ien.bench", List.of(Groups.ienCirco(circonscription(12345 % conventions))));
            Viewer dasen = new Viewer("dasen.bench", List.of(Groups.dasen(departement(12345 % conventions))));

            System.out.println();
            System.out.printf(Locale.FRANCE, "Registre des conventions : %d conventions chargées en %.1f s (PostgreSQL embarqué)%n",
                    conventions, loadSeconds);
            System.out.println("requête (page de 50, comptage compris)                         p50        p95   lignes");
            report("DACES, toutes, tri par numéro", () -> registry.page(daces, filter(Map.of())));
            report("DACES, page 300, tri par numéro", () -> registry.page(daces, filter(Map.of("page", "300"))));
            report("DACES, reconduites sous 60 j, tri par anniversaire", () -> registry.page(daces,
                    filter(Map.of("renouveleeSousJours", "60", "tri", "anniversaire"))));
            report("DACES, bloquées depuis plus de 30 j, tri par étape", () -> registry.page(daces,
                    filter(Map.of("bloqueeDepuisJours", "30", "tri", "etape"))));
            report("DACES, département 78, tri par commune", () -> registry.page(daces,
                    filter(Map.of("departement", departement(0), "tri", "commune"))));
            report("DACES, recherche « commune 1234 »", () -> registry.page(daces,
                    filter(Map.of("recherche", "commune 1234"))));
            report("commune (sa convention)", () -> registry.page(commune, filter(Map.of())));
            report("IEN de circonscription", () -> registry.page(ien, filter(Map.of())));
            report("IA-DASEN (département)", () -> registry.page(dasen, filter(Map.of("tri", "anniversaire"))));

            long csvStart = System.nanoTime();
            int[] rows = {0};
            registry.forEach(daces, filter(Map.of()), line -> rows[0]++);
            System.out.printf(Locale.FRANCE, "export CSV (lecture de %d lignes) pour la DACES : %.2f s%n", rows[0],
                    (System.nanoTime() - csvStart) / 1e9);
            long icsStart = System.nanoTime();
            CountingWriter ics = new CountingWriter();
            context.getBean(CalendarFeed.class).write(daces, ics);
            System.out.printf(Locale.FRANCE, "calendrier ICS de la DACES : %.1f Mo en %.2f s%n", ics.chars / 1e6,
                    (System.nanoTime() - icsStart) / 1e9);
        } finally {
            context.close();
        }
    }

    private static RegistryFilter filter(Map<String, String> parameters) {
        return RegistryFilter.of(parameters);
    }

    private static void report(String label, Supplier<RegistryService.Page> query) {
        for (int i = 0; i < WARM_UP; i++) {
            query.get();
        }
        long[] times = new long[RUNS];
        long total = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            total = query.get().total();
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        System.out.printf(Locale.FRANCE, "%-60s %7.2f ms %7.2f ms %7d%n", label, times[RUNS / 2] / 1e6,
                times[(int) (RUNS * 0.95)] / 1e6, total);
    }

    /** One convention per commune, spread over 100 départements and circonscriptions of ~25 communes. */
    private static void load(JdbcTemplate jdbc, int conventions) {
        Random random = new Random(42);
        LocalDate today = RegistryService.today();
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < conventions; i++) {
            int kind = random.nextInt(100);
            String statut = kind < 80 ? ConventionProcess.STATUT_EN_VIGUEUR : kind < 90
                    ? ConventionProcess.STATUT_DANS_LE_CIRCUIT : kind < 95 ? ConventionProcess.STATUT_EN_PREPARATION
                    : kind < 98 ? ConventionProcess.STATUT_EN_PREAVIS : ConventionProcess.STATUT_TERMINEE;
            boolean signed = !statut.equals(ConventionProcess.STATUT_DANS_LE_CIRCUIT)
                    && !statut.equals(ConventionProcess.STATUT_EN_PREPARATION);
            LocalDate signature = today.minusDays(random.nextInt(3000));
            LocalDate anniversary = signature.plusYears(Math.max(4, today.getYear() - signature.getYear() + 1));
            batch.add(new Object[] {"bench-" + i, "CONV-" + insee(i) + "-" + signature.getYear() + "-01", insee(i),
                    "Commune " + i, departement(i), circonscription(i), statut,
                    signed ? null : "Valider la convention",
                    signed ? null : Timestamp.from(Instant.now().minusSeconds(86_400L * random.nextInt(90))),
                    signed ? Date.valueOf(signature) : null, signed ? Date.valueOf(signature.plusYears(4).minusDays(1)) : null,
                    statut.equals(ConventionProcess.STATUT_EN_VIGUEUR) ? Date.valueOf(anniversary) : null,
                    statut.equals(ConventionProcess.STATUT_EN_VIGUEUR) ? Date.valueOf(anniversary.minusMonths(3)) : null,
                    1 + random.nextInt(3), signed ? Date.valueOf(today.plusDays(random.nextInt(180))) : null});
            if (batch.size() == 1000) {
                insert(jdbc, batch);
            }
        }
        insert(jdbc, batch);
    }

    private static void insert(JdbcTemplate jdbc, List<Object[]> batch) {
        jdbc.batchUpdate("INSERT INTO convention (process_instance_id, numero, commune_insee, commune_nom,"
                + " departement, circonscription, statut, etape, etape_depuis, date_signature, fin_terme_initial,"
                + " prochain_anniversaire, limite_denonciation, version, prochain_comite, cree_le)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)", batch);
        batch.clear();
    }

    private static String departement(int i) {
        return String.format("%02d", 1 + i % 95);
    }

    private static String insee(int i) {
        return departement(i) + String.format("%03d", i / 95);
    }

    private static String circonscription(int i) {
        return "circo-" + departement(i) + "-" + (i / 95) % 15;
    }

    /** Counts what the calendar writes, without keeping it. */
    private static final class CountingWriter extends Writer {
        long chars;

        @Override
        public void write(char[] buffer, int offset, int length) {
            chars += length;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
