package fr.conventionent.benchmark;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.conventionent.ConventionEntApplication;
import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.dashboard.DashboardFilter;
import fr.conventionent.dashboard.DashboardScope;
import fr.conventionent.dashboard.DashboardService;
import fr.conventionent.dashboard.DashboardTable;
import fr.conventionent.dashboard.FinishedStepsBackfill;
import fr.conventionent.incident.IncidentProcess;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.Groups;
import fr.conventionent.registry.Viewer;
import fr.conventionent.signature.SignatureCircuitProcess;

/**
 * Figures for the dashboard (printed, not asserted): p50 and p95 of each chart's query on embedded PostgreSQL (the
 * postgres profile's schema and indexes) for the DACES over a year, an IA-DASEN and an IEN, at two sizes (half, then
 * all of {@code benchmark.conventions}, 35,000 by default), so that the growth shows. Each convention has its process
 * and its places in the engine's history, 10 steps of history (one rejection by its IEN, with its reason) and 10 other
 * variable updates in the history of details, copied to {@code etape_terminee} and counted in {@code etape_duree_mois}
 * by the start-up copy (timed); each one
 * in force an AAF delivery every working day of the last year (one failure in 20); and one convention in 20 had a
 * security incident in the year.
 * Run: {@code mvn -o -Pbenchmark verify -Dtest=DashboardBenchmark [-Dbenchmark.conventions=35000]}.
 */
class DashboardBenchmark {

    private static final int WARM_UP = 2;
    private static final int RUNS = 15;
    /** One convention in 20 has a security incident in the year. */
    private static final int CONVENTIONS_PER_INCIDENT = 20;
    /** The 10 steps of each convention: rejected once by its IEN, then the whole circuit again up to the Recteur. */
    private static final List<String> STEPS = List.of("UserTask_CompleteConvention", SignatureCircuitProcess.TASK_SIGN_COPIES,
            SignatureCircuitProcess.TASK_TRANSMIT_BY_IEN, "UserTask_CompleteConvention",
            SignatureCircuitProcess.TASK_SIGN_COPIES, SignatureCircuitProcess.TASK_TRANSMIT_BY_IEN,
            SignatureCircuitProcess.TASK_VERIFY_BY_TICE, SignatureCircuitProcess.TASK_VALIDATE_BY_DASEN,
            SignatureCircuitProcess.TASK_TRANSMIT_FOR_SIGNATURE, SignatureCircuitProcess.TASK_SIGN_BY_RECTEUR);
    private static final List<String> MOTIFS = List.of("Annexe 1 incomplète.", "annexe 1 incomplete",
            "UAI erronée", "Il manque la signature du maire", "Référent ENT sans courriel", "Mauvais exploitant");

    @Test
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void measure() throws Exception {
        int conventions = Integer.getInteger("benchmark.conventions", 35_000);
        var pg = fr.conventionent.support.EmbeddedPostgres.createDatabase("tableau_bench");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ConventionEntApplication.class)
                .profiles("postgres", "test")
                .run("--spring.datasource.url=" + pg.getJdbcUrl("postgres", "tableau_bench"),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                        "--server.port=0");
        try {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            DashboardService dashboard = context.getBean(DashboardService.class);
            FinishedStepsBackfill backfill = context.getBean(FinishedStepsBackfill.class);
            int half = conventions / 2;
            for (int[] range : new int[][] {{0, half}, {half, conventions}}) {
                long loadStart = System.nanoTime();
                load(jdbc, range[0], range[1]);
                // each convention's schools in its commune's circonscription, as the migration V12 gives them
                jdbc.update("INSERT INTO circonscription_convention (numero, circonscription) SELECT numero,"
                        + " circonscription FROM convention c WHERE circonscription IS NOT NULL AND NOT EXISTS"
                        + " (SELECT 1 FROM circonscription_convention cc WHERE cc.numero = c.numero)");
                loadAafRuns(jdbc);
                loadIncidents(jdbc, range[0], range[1]);
                // each incident's circonscription, as the start-up copy takes it from the history
                jdbc.update("INSERT INTO circonscription_incident (instance_incident, circonscription)"
                        + " SELECT proc_inst_id_, text_ FROM act_hi_varinst WHERE name_ = ? AND proc_inst_id_ LIKE"
                        + " 'incident-%' ON CONFLICT DO NOTHING", IncidentProcess.CIRCONSCRIPTION);
                double loaded = (System.nanoTime() - loadStart) / 1e9;
                // the whole history, as at the upgrade that brings etape_terminee (later starts read only the last days)
                jdbc.update("DELETE FROM reprise_demarrage");
                long copyStart = System.nanoTime();
                backfill.run(null);
                double copied = (System.nanoTime() - copyStart) / 1e9;
                // as autovacuum leaves a table after a bulk load: statistics and visibility map (index-only scans)
                jdbc.execute("VACUUM ANALYZE");
                System.out.println();
                System.out.printf(Locale.FRANCE, "Tableau de bord : %d conventions, %d étapes et %d détails d'historique,"
                        + " %d livraisons AAF, %d incidents (chargés en %.1f s, PostgreSQL embarqué ; étapes copiées de"
                        + " l'historique en %.1f s)%n", range[1], range[1] * STEPS.size(), range[1] * (STEPS.size() + 1),
                        jdbc.queryForObject("SELECT COUNT(*) FROM livraison_aaf", Long.class),
                        jdbc.queryForObject("SELECT COUNT(*) FROM act_hi_procinst WHERE proc_def_key_ = ?", Long.class,
                                IncidentProcess.KEY), loaded, copied);
                System.out.printf(Locale.FRANCE, "Compteurs des durées d'étapes (etape_duree_mois) : %d par"
                        + " département%n", counters(jdbc, "D"));
                measureAll(dashboard, range[1]);
            }
        } finally {
            context.close();
        }
    }

    private static long counters(JdbcTemplate jdbc, String level) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM etape_duree_mois WHERE niveau = ?", Long.class, level);
    }

    private static void measureAll(DashboardService dashboard, int conventions) {
        LocalDate today = DashboardService.today();
        Map<String, String> year = Map.of("du", today.minusYears(1).plusDays(1).toString(), "au", today.toString());
        Viewer daces = new Viewer("daces", List.of(Groups.DACES));
        Viewer dasen = new Viewer("dasen.bench", List.of(Groups.dasen(departement(123))));
        Viewer ien = new Viewer("ien.bench", List.of(Groups.ienCirco(circonscription(123))));
        System.out.println("graphique (une année)                                          p50        p95   lignes");
        for (String chart : dashboard.names()) {
            report("DACES, " + chart, () -> dashboard.chart(chart, DashboardScope.of(daces,
                    DashboardFilter.of(year, today))));
        }
        for (String chart : List.of("etapes", "motifs", "couverture")) {
            report("DACES par circonscription, " + chart, () -> dashboard.chart(chart, DashboardScope.of(daces,
                    DashboardFilter.of(Map.of("du", year.get("du"), "par", "circonscription"), today))));
        }
        for (String chart : dashboard.names()) {
            report("IA-DASEN, " + chart, () -> dashboard.chart(chart, DashboardScope.of(dasen,
                    DashboardFilter.of(year, today))));
            report("IEN, " + chart, () -> dashboard.chart(chart, DashboardScope.of(ien,
                    DashboardFilter.of(year, today))));
        }
    }

    private static void report(String label, Supplier<DashboardTable> query) {
        for (int i = 0; i < WARM_UP; i++) {
            query.get();
        }
        long[] times = new long[RUNS];
        int lines = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            lines = query.get().lignes().size();
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        System.out.printf(Locale.FRANCE, "%-60s %7.2f ms %7.2f ms %7d%n", label, times[RUNS / 2] / 1e6,
                times[(int) (RUNS * 0.95)] / 1e6, lines);
    }

    /**
     * Conventions {@code from} to {@code to}, as the registry benchmark spreads them (95 départements, circonscriptions
     * of ~25 communes), each with its 10 steps spread over the last year and a rejection by its IEN.
     */
    private static void load(JdbcTemplate jdbc, int from, int to) {
        Random random = new Random(42 + from);
        LocalDate today = DashboardService.today();
        Instant now = Instant.now();
        List<Object[]> conventions = new ArrayList<>();
        List<Object[]> tasks = new ArrayList<>();
        List<Object[]> details = new ArrayList<>();
        List<Object[]> processes = new ArrayList<>();
        List<Object[]> variables = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int kind = random.nextInt(100);
            String statut = kind < 80 ? ConventionProcess.STATUT_EN_VIGUEUR : kind < 90
                    ? ConventionProcess.STATUT_DANS_LE_CIRCUIT : kind < 95 ? ConventionProcess.STATUT_EN_PREPARATION
                    : kind < 98 ? ConventionProcess.STATUT_EN_PREAVIS : ConventionProcess.STATUT_TERMINEE;
            boolean signed = !statut.equals(ConventionProcess.STATUT_DANS_LE_CIRCUIT)
                    && !statut.equals(ConventionProcess.STATUT_EN_PREPARATION);
            LocalDate signature = today.minusDays(random.nextInt(3000));
            LocalDate anniversary = signature.plusYears(Math.max(4, today.getYear() - signature.getYear() + 1));
            String instance = "bench-" + i;
            conventions.add(new Object[] {instance, "CONV-" + insee(i) + "-" + signature.getYear() + "-01", insee(i),
                    "Commune " + i, departement(i), circonscription(i), statut,
                    signed ? null : "Valider la convention",
                    signed ? null : Timestamp.from(now.minusSeconds(86_400L * random.nextInt(90))),
                    signed ? Date.valueOf(signature) : null, signed ? Date.valueOf(signature.plusYears(4).minusDays(1)) : null,
                    statut.equals(ConventionProcess.STATUT_EN_VIGUEUR) ? Date.valueOf(anniversary) : null,
                    statut.equals(ConventionProcess.STATUT_EN_VIGUEUR) ? Date.valueOf(anniversary.minusMonths(3)) : null,
                    1, signed ? Date.valueOf(today.plusDays(random.nextInt(180))) : null});
            Instant start = now.minus(1 + random.nextInt(360), ChronoUnit.DAYS);
            processes.add(new Object[] {instance, ConventionProcess.KEY, Timestamp.from(start),
                "CONV-" + insee(i) + "-" + signature.getYear() + "-01"});
            variables.add(new Object[] {instance + "-v1", instance, ConventionVariables.COMMUNE_INSEE, insee(i)});
            variables.add(new Object[] {instance + "-v2", instance, ConventionVariables.DEPARTEMENT, departement(i)});
            variables.add(new Object[] {instance + "-v3", instance, ConventionVariables.CIRCONSCRIPTION,
                circonscription(i)});
            for (int s = 0; s < STEPS.size(); s++) {
                long duration = 3_600_000L * (1 + random.nextInt(24 * 15));
                Instant end = start.plusMillis(duration);
                String task = instance + "-t" + s;
                tasks.add(new Object[] {task, STEPS.get(s), instance, instance + "-c", instance + "-a" + s,
                        Timestamp.from(start), Timestamp.from(end), duration});
                details.add(new Object[] {task + "-d", instance + "-a" + s, s == 2 ? "motifRejet" : "decision",
                        s == 2 ? MOTIFS.get(random.nextInt(MOTIFS.size())) : "valider", Timestamp.from(end)});
                start = end;
            }
            details.add(new Object[] {instance + "-n", instance + "-a0", "communeNom", "Commune " + i,
                    Timestamp.from(start)});
            if (conventions.size() == 1000) {
                insert(jdbc, conventions, tasks, details);
                insertProcesses(jdbc, processes, variables);
            }
        }
        insert(jdbc, conventions, tasks, details);
        insertProcesses(jdbc, processes, variables);
    }

    /**
     * An AAF delivery every working day of the last year for each convention in force that has none yet, at 6 a.m., to one of four
     * exploitants: 90 % sent, 5 % without a file, 2 % refused, 2 % SFTP unreachable, 1 % another failure. Generated
     * by the database (millions of rows), then counted per day as the migration counts the runs before it.
     */
    private static void loadAafRuns(JdbcTemplate jdbc) {
        jdbc.update("INSERT INTO livraison_aaf (numero, exploitant, executee_le, resultat, cause)"
                + " SELECT c.numero, 'Exploitant ' || (abs(hashtext(c.numero)) % 4), jour + time '06:00',"
                + " CASE WHEN tirage < 90 THEN 'envoye' WHEN tirage < 95 THEN 'aucun-fichier' WHEN tirage < 97"
                + " THEN 'refuse' ELSE 'echec' END,"
                + " CASE WHEN tirage < 95 THEN NULL WHEN tirage < 97 THEN 'fichiers-refuses' WHEN tirage < 99"
                + " THEN 'sftp-injoignable' ELSE 'autre' END"
                + " FROM convention c CROSS JOIN generate_series(current_date - 364, current_date, interval '1 day') jour"
                + " CROSS JOIN LATERAL (SELECT abs(hashtext(c.numero || jour)) % 100 AS tirage) t"
                + " WHERE c.statut IN (?, ?) AND extract(isodow FROM jour) < 6"
                + " AND NOT EXISTS (SELECT 1 FROM livraison_aaf l WHERE l.numero = c.numero)",
                ConventionProcess.STATUT_EN_VIGUEUR, ConventionProcess.STATUT_EN_PREAVIS);
        // the chart's daily counters, recounted by the migration's copy of the runs (it runs on an empty table)
        jdbc.update("DELETE FROM livraison_aaf_jour");
        new org.springframework.jdbc.datasource.init.ResourceDatabasePopulator(new org.springframework.core.io
                .ClassPathResource("db/migration/V15__Livraisons_AAF_par_jour.sql"), new org.springframework.core.io
                .ClassPathResource("db/migration/V16__Circonscriptions_des_incidents_et_livraisons.sql"))
                .execute(jdbc.getDataSource());
    }

    /** Conventions {@code from} to {@code to}: one in 20 had a security incident, reported in the last year. */
    private static void loadIncidents(JdbcTemplate jdbc, int from, int to) {
        Random random = new Random(7 + from);
        Instant now = Instant.now();
        List<Object[]> processes = new ArrayList<>();
        List<Object[]> variables = new ArrayList<>();
        List<String> gravities = List.of("faible", "moyenne", "elevee", "critique");
        List<String> types = List.of("intrusion", "fuite-donnees", "perte-vol", "hameconnage", "indisponibilite");
        for (int i = from; i < to; i++) {
            if (i % CONVENTIONS_PER_INCIDENT != 0) {
                continue;
            }
            String incident = "incident-" + i;
            Instant detected = now.minus(1 + random.nextInt(360), ChronoUnit.DAYS);
            processes.add(new Object[] {incident, IncidentProcess.KEY, Timestamp.from(detected.plusSeconds(3600)), null});
            boolean breach = random.nextInt(3) == 0;
            variables.add(text(incident, IncidentProcess.GRAVITE, gravities.get(random.nextInt(gravities.size()))));
            variables.add(text(incident, IncidentProcess.TYPE_INCIDENT, types.get(random.nextInt(types.size()))));
            variables.add(text(incident, IncidentProcess.VIOLATION_DONNEES, breach ? IncidentProcess.OUI
                    : IncidentProcess.NON));
            variables.add(text(incident, IncidentProcess.COMMUNE_INSEE, insee(i)));
            variables.add(text(incident, IncidentProcess.DEPARTEMENT, departement(i)));
            variables.add(text(incident, IncidentProcess.CIRCONSCRIPTION, circonscription(i)));
            variables.add(date(incident, IncidentProcess.DATE_DETECTION, detected));
            if (breach) {
                variables.add(date(incident, IncidentProcess.DATE_NOTIFICATION_CNIL,
                        detected.plus(12 + random.nextInt(120), ChronoUnit.HOURS)));
            }
        }
        jdbc.batchUpdate("INSERT INTO act_hi_procinst (id_, proc_inst_id_, proc_def_id_, proc_def_key_, start_time_,"
                + " business_key_) VALUES (?, ?, ?, ?, ?, ?)", processes.stream().map(p -> new Object[] {p[0], p[0],
                p[1] + ":1", p[1], p[2], p[3]}).toList());
        jdbc.batchUpdate("INSERT INTO act_hi_varinst (id_, proc_inst_id_, execution_id_, name_, var_type_, text_,"
                + " long_, rev_) VALUES (?, ?, ?, ?, ?, ?, ?, 0)", variables);
    }

    private static Object[] text(String instance, String name, String value) {
        return new Object[] {instance + "-" + name, instance, instance, name, "string", value, null};
    }

    private static Object[] date(String instance, String name, Instant value) {
        return new Object[] {instance + "-" + name, instance, instance, name, "date", null, value.toEpochMilli()};
    }

    private static void insertProcesses(JdbcTemplate jdbc, List<Object[]> processes, List<Object[]> variables) {
        jdbc.batchUpdate("INSERT INTO act_hi_procinst (id_, proc_inst_id_, proc_def_id_, proc_def_key_, start_time_,"
                + " business_key_) VALUES (?, ?, ?, ?, ?, ?)", processes.stream().map(p -> new Object[] {p[0], p[0],
                p[1] + ":1", p[1], p[2], p[3]}).toList());
        jdbc.batchUpdate("INSERT INTO act_hi_varinst (id_, proc_inst_id_, execution_id_, name_, var_type_, text_,"
                + " rev_) VALUES (?, ?, ?, ?, 'string', ?, 0)", variables.stream().map(v -> new Object[] {v[0], v[1],
                v[1], v[2], v[3]}).toList());
        processes.clear();
        variables.clear();
    }

    private static void insert(JdbcTemplate jdbc, List<Object[]> conventions, List<Object[]> tasks,
                               List<Object[]> details) {
        jdbc.batchUpdate("INSERT INTO convention (process_instance_id, numero, commune_insee, commune_nom,"
                + " departement, circonscription, statut, etape, etape_depuis, date_signature, fin_terme_initial,"
                + " prochain_anniversaire, limite_denonciation, version, prochain_comite, cree_le)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)", conventions);
        jdbc.batchUpdate("INSERT INTO act_hi_taskinst (id_, task_def_key_, root_proc_inst_id_, proc_inst_id_,"
                + " act_inst_id_, start_time_, end_time_, duration_, delete_reason_, proc_def_key_)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'completed', 'signature-circuit')", tasks);
        jdbc.batchUpdate("INSERT INTO act_hi_detail (id_, type_, act_inst_id_, name_, text_, time_, var_type_, rev_)"
                + " VALUES (?, 'VariableUpdate', ?, ?, ?, ?, 'string', 0)", details);
        conventions.clear();
        tasks.clear();
        details.clear();
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
}
