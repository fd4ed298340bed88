package fr.conventionent.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import fr.conventionent.support.AppNode;
import fr.conventionent.support.EmbeddedPostgres;
import fr.conventionent.support.InForceConventions;
import fr.conventionent.support.NodeRest;
import fr.conventionent.support.SentMails;
import fr.conventionent.support.Sql;

/**
 * National scale (printed, not asserted): N conventions in force (35,000 by default, about the number of French
 * communes) on embedded PostgreSQL whose renewal timers all fall due at once, fired by one node then by two (child
 * JVMs, each run on a fresh copy of the loaded database); the Tasklist query of a commune user with 10,000 open tasks
 * over 700 communes, beside the same query as admin; the database size.
 * Run: {@code mvn -Pbenchmark verify -Dtest=NationalScaleBenchmark [-Dbenchmark.conventions=5000]}.
 */
class NationalScaleBenchmark {

    private static final String LOADED = "convention_national";
    private static final int COMMUNES = 700;
    private static final int CLIENTS = 8;
    private static final String HAL = "application/hal+json";
    private static final String JSON = "application/json";
    private static final int QUERY_RUNS = 200;
    private static final String COMMUNE_USER = "agent.93007";
    private static final String COMMUNE_GROUP = "commune-93007";

    private final List<String> report = new ArrayList<>();

    @Test
    void measure() throws Exception {
        int conventions = Integer.getInteger("benchmark.conventions", 35_000);
        int openTasks = Integer.getInteger("benchmark.tasks", 10_000);
        var pg = EmbeddedPostgres.createDatabase(LOADED);
        GreenMail smtp = new GreenMail(new ServerSetup(AppNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path data = Files.createTempDirectory("national");
        Path communes = InForceConventions.communesCsv(data.resolve("communes.csv"), "93", COMMUNES);
        try {
            // 1. load, job executor off: nothing fires yet
            // bulk load only: commits without waiting for the disk (a per-database setting, not copied with the base)
            new Sql(pg.getJdbcUrl("postgres", LOADED)).execute("ALTER DATABASE " + LOADED + " SET synchronous_commit = off");
            AppNode loader = node("chargement", pg.getJdbcUrl("postgres", LOADED), smtp, data, communes)
                    .set("camunda.bpm.job-execution.enabled", "false").start();
            double loadSeconds = load(loader.admin(), conventions, openTasks);
            line("conventions en vigueur chargées       : %d (+ %d tâches ouvertes) en %.0f s (%.0f instances/s, %d clients REST)",
                    conventions, openTasks, loadSeconds, (conventions + openTasks) / loadSeconds, CLIENTS);
            measureTaskQueries(loader);
            loader.stop();
            Sql loaded = new Sql(pg.getJdbcUrl("postgres", LOADED));
            loaded.execute("ALTER DATABASE " + LOADED + " RESET synchronous_commit");
            line("taille de la base chargée              : %s", loaded.column(
                    "select pg_size_pretty(pg_database_size('" + LOADED + "'))").get(0));

            // 2. the timers, with one node then two, each on its own copy of the loaded base
            double one = fireAll(pg, smtp, data, communes, conventions, 1);
            double two = fireAll(pg, smtp, data, communes, conventions, 2);
            line("rapport deux nœuds / un nœud           : %.2f (objectif ≥ 1,6)", two / one);
        } finally {
            smtp.stop();
        }
        String text = "== Benchmark national (PostgreSQL embarqué, " + Runtime.getRuntime().availableProcessors()
                + " cœurs)\n" + String.join("\n", report) + "\n";
        System.out.println(text);
        Files.writeString(Path.of("target", "benchmark-national.txt"), text);
    }

    private AppNode node(String name, String url, GreenMail smtp, Path data, Path communes) {
        return AppNode.on(name, url, smtp.getSmtp().getPort(), data)
                .set("convention.demo-data", "false")
                .set("convention.referentiel.communes", "file:" + communes);
    }

    // ---------------------------------------------------------------- load

    /** Due conventions spread over the communes, and open "Compléter la convention" tasks, by REST clients in parallel. */
    private double load(NodeRest admin, int conventions, int openTasks) throws Exception {
        Instant start = Instant.now();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            done.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < conventions + openTasks; i = next.getAndIncrement()) {
                    String insee = InForceConventions.synthetic("93", i % COMMUNES);
                    if (i < conventions) {
                        InForceConventions.start(admin, insee, InForceConventions.numero(insee, i),
                                InForceConventions.SIGNED_DUE);
                    } else {
                        admin.post("/process-definition/key/convention/start", openTask(insee, i));
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        clients.shutdown();
        return Duration.between(start, Instant.now()).toMillis() / 1000.0;
    }

    /** A convention waiting at "Compléter la convention", for its commune's group. */
    private static Map<String, Object> openTask(String insee, int i) {
        String numero = "CONV-" + insee + "-2026-" + i;
        return Map.of("businessKey", numero,
                "variables", Map.of("communeInsee", Map.of("value", insee), "conventionNumero", Map.of("value", numero),
                        "communeLibelle", Map.of("value", "Commune " + insee), "statut", Map.of("value", "en-preparation")),
                "startInstructions", List.of(Map.of("type", "startBeforeActivity",
                        "activityId", "UserTask_CompleteConvention")));
    }

    // ---------------------------------------------------------------- Tasklist query

    private void measureTaskQueries(AppNode loader) throws Exception {
        NodeRest admin = loader.admin();
        admin.post("/user/create", Map.of("profile", Map.of("id", COMMUNE_USER, "firstName", "Agent",
                "lastName", "Commune 93007", "email", COMMUNE_USER + "@commune.example"),
                "credentials", Map.of("password", COMMUNE_USER)));
        admin.put("/group/" + COMMUNE_GROUP + "/members/" + COMMUNE_USER, null);
        NodeRest commune = loader.as(COMMUNE_USER);
        String filter = admin.list("/filter?name=" + java.net.URLEncoder.encode("Tâches de mon groupe",
                java.nio.charset.StandardCharsets.UTF_8)).get(0).get("id").asText();
        // as Tasklist 7.24 lists a filter: first page of 15, newest first, HAL (with embedded identity links…)
        Map<String, Object> tasklistBody = new LinkedHashMap<>();
        tasklistBody.put("processVariables", List.of());
        tasklistBody.put("taskVariables", List.of());
        tasklistBody.put("caseInstanceVariables", List.of());
        tasklistBody.put("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")));
        String page = "?firstResult=0&maxResults=15";
        // the query that filter resolves to for the commune user, written out, so that admin can send it too
        Map<String, Object> explicit = new LinkedHashMap<>(tasklistBody);
        explicit.put("candidateUser", COMMUNE_USER);
        explicit.put("includeAssignedTasks", true);

        long open = admin.get("/task/count").get("count").asLong();
        String list = "/filter/" + filter + "/list" + page;
        int rows = commune.send("POST", list, tasklistBody, HAL).json().path("_embedded").path("task").size();
        double[] communeFilter = timings(commune, list, tasklistBody, HAL);
        double[] communeExplicit = timings(commune, "/task" + page, explicit, JSON);
        // admin in the same group sends the same filter: same tasks, same page, no authorization check (camunda-admin)
        admin.put("/group/" + COMMUNE_GROUP + "/members/admin", null);
        int adminRows = admin.send("POST", list, tasklistBody, HAL).json().path("_embedded").path("task").size();
        double[] adminFilter = timings(admin, list, tasklistBody, HAL);
        double[] adminExplicit = timings(admin, "/task" + page, explicit, JSON);
        line("tâches ouvertes                        : %d sur %d communes ; page Tasklist : %d tâches (agent), %d (admin)",
                open, COMMUNES, rows, adminRows);
        line("Tasklist « Tâches de mon groupe » (HAL), agent communal : p50 %.1f ms, p95 %.1f ms", communeFilter[0],
                communeFilter[1]);
        line("Tasklist « Tâches de mon groupe » (HAL), admin          : p50 %.1f ms, p95 %.1f ms", adminFilter[0],
                adminFilter[1]);
        line("même requête en JSON (POST /task), agent communal       : p50 %.1f ms, p95 %.1f ms", communeExplicit[0],
                communeExplicit[1]);
        line("même requête en JSON (POST /task), admin                : p50 %.1f ms, p95 %.1f ms", adminExplicit[0],
                adminExplicit[1]);
        line("rapport agent / admin (Tasklist)       : p50 %.2f, p95 %.2f (objectif ≤ 3)",
                communeFilter[0] / adminFilter[0], communeFilter[1] / adminFilter[1]);
    }

    /** p50 and p95 in ms of {@link #QUERY_RUNS} calls, after 30 for warm-up. */
    private static double[] timings(NodeRest user, String path, Object body, String accept) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 30 + QUERY_RUNS; i++) {
            long t = System.nanoTime();
            NodeRest.Answer answer = user.send("POST", path, body, accept);
            if (!answer.ok()) {
                throw new IllegalStateException(path + " → " + answer.status() + " " + answer.body());
            }
            if (i >= 30) {
                millis.add((System.nanoTime() - t) / 1e6);
            }
        }
        millis.sort(null);
        return new double[] {percentile(millis, 50), percentile(millis, 95)};
    }

    // ---------------------------------------------------------------- timers

    /** Copies the loaded base, starts {@code nodes} nodes on it and waits until every renewal and mail is done. */
    private double fireAll(io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg, GreenMail smtp, Path data,
                           Path communes, int conventions, int nodes) throws Exception {
        String copy = "convention_national_" + nodes;
        EmbeddedPostgres.createDatabaseFrom(copy, LOADED);
        String url = pg.getJdbcUrl("postgres", copy);
        Sql sql = new Sql(url);
        smtp.purgeEmailFromAllMailboxes();
        // the renewals wait until every node is up, then fall due together (as the clock reaching their day would)
        String renewalTimers = " where job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = 'TimerEvent_RenewalDue')";
        sql.execute("update act_ru_job set duedate_ = duedate_ + interval '1000 years'" + renewalTimers);
        List<AppNode> started = new ArrayList<>();
        try {
            for (int n = 0; n < nodes; n++) {
                started.add(node("noeud-" + (char) ('a' + n), url, smtp, data, communes).start());
            }
            double cpuBefore = started.stream().mapToDouble(AppNode::cpuSeconds).sum();
            sql.execute("update act_ru_job set duedate_ = duedate_ - interval '1000 years'" + renewalTimers);
            Timestamp allUp = (Timestamp) sql.rows("select localtimestamp").get(0).get(0);
            AppNode.await(Duration.ofHours(2), () -> sql.count("select count(*) from act_ru_job where duedate_ is null"
                    + " or duedate_ <= now()") == 0, () -> "tâches techniques restantes");
            double cpu = started.stream().mapToDouble(AppNode::cpuSeconds).sum() - cpuBefore;
            double drained = Duration.between(allUp.toLocalDateTime(),
                    ((Timestamp) sql.rows("select localtimestamp").get(0).get(0)).toLocalDateTime()).toMillis() / 1000.0;
            List<List<Object>> window = sql.rows("select count(*), max(timestamp_) from act_hi_job_log"
                    + " where act_id_ = 'TimerEvent_RenewalDue' and job_state_ = 2");
            long fired = ((Number) window.get(0).get(0)).longValue();
            double seconds = Duration.between(allUp.toLocalDateTime(),
                    ((Timestamp) window.get(0).get(1)).toLocalDateTime()).toMillis() / 1000.0;
            long twice = sql.count("select count(*) from (select proc_inst_id_ from act_hi_actinst"
                    + " where act_id_ = 'ServiceTask_RenewConvention' group by proc_inst_id_ having count(*) > 1) d");
            Map<String, Long> byNode = sql.counts("select hostname_, count(*) from act_hi_job_log"
                    + " where act_id_ = 'TimerEvent_RenewalDue' and job_state_ = 2 group by hostname_ order by 1");
            SentMails mails = SentMails.of(smtp, s -> s.contains(" reconduite jusqu'au "));
            double rate = fired / seconds;
            line("%d nœud(s) : échéances déclenchées     : %d en %.1f s → %.0f /s ; par nœud %s ;"
                            + " tout écoulé (courriels compris) en %.1f s", nodes, fired, seconds, rate, byNode, drained);
            line("%d nœud(s) : CPU des nœuds              : %.0f s pour %.1f s écoulées (%.2f cœurs occupés), %.0f échéances"
                    + " (courriels compris) par seconde de CPU", nodes, cpu, drained, cpu / drained, fired / cpu);
            line("%d nœud(s) : doublons                  : %d reconductions en double, %d courriels en double ;"
                            + " courriels de reconduction reçus : %d / %d",
                    nodes, twice, mails.duplicated().size(), mails.subjects().size(), conventions);
            return rate;
        } finally {
            started.forEach(AppNode::stop);
            line("%d nœud(s) : taille de la base après    : %s", nodes,
                    sql.column("select pg_size_pretty(pg_database_size('" + copy + "'))").get(0));
        }
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.FRANCE, format, args);
        System.out.println(text);
        report.add(text);
    }

    private static double percentile(List<Double> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }
}
