package fr.conventionent.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import fr.conventionent.ConventionEntApplication;
import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.demo.SampleConventions;
import fr.conventionent.document.ConventionDocument;
import fr.conventionent.kernel.ConventionDataMapper;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.support.Circuits;
import fr.conventionent.support.EmbeddedPostgres;

/**
 * Figures of the signature circuit (printed, not asserted): N whole circuits through the Java API on embedded
 * PostgreSQL with the job executor on, then the same shape on a bare Camunda engine in the same JVM and on the same
 * PostgreSQL server ({@link BareEngineCircuits}) and their ratio at equal concurrency; DOCX generation time for a
 * 40-school convention, start-up time and resident memory.
 * Run: {@code mvn -Pbenchmark verify -Dbenchmark.circuits=200}.
 */
class SignatureCircuitBenchmark {

    private static final int USERS = 4;

    @Test
    void measure() throws Exception {
        int circuits = Integer.getInteger("benchmark.circuits", 200);
        // first circuits not measured: the JIT compiles the application's code paths, as it has the bare engine's
        // by the time the bare engine runs in this same JVM
        int warmUp = Integer.getInteger("benchmark.warmup", 30);
        var pg = EmbeddedPostgres.server();
        try (var connection = pg.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS convention_bench");
            statement.execute("CREATE DATABASE convention_bench");
            statement.execute("DROP DATABASE IF EXISTS convention_bare");
            statement.execute("CREATE DATABASE convention_bare");
        }
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        long start = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ConventionEntApplication.class)
                .profiles("postgres", "test")
                .run(prepareCommunes(circuits + warmUp),
                        "--spring.datasource.url=" + pg.getJdbcUrl("postgres", "convention_bench"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--spring.mail.port=" + smtp.getSmtp().getPort(),
                        "--camunda.bpm.job-execution.enabled=true",
                        "--server.port=0",
                        "--convention.referentiel.communes=file:target/benchmark-communes.csv");
        double startupSeconds = (System.nanoTime() - start) / 1e9;
        try {
            RuntimeService runtime = context.getBean(RuntimeService.class);
            TaskService tasks = context.getBean(TaskService.class);
            runCircuits(runtime, tasks, circuits, warmUp);
            waitUntilInForce(runtime, warmUp);
            EngineWork workBefore = EngineWork.of(context.getBean(ProcessEngine.class));

            long circuitsStart = System.nanoTime();
            runCircuits(runtime, tasks, 0, circuits);
            waitUntilInForce(runtime, warmUp + circuits);
            double circuitSeconds = (System.nanoTime() - circuitsStart) / 1e9;
            EngineWork perCircuit = EngineWork.of(context.getBean(ProcessEngine.class)).minus(workBefore)
                    .per(circuits);

            ConventionDocument document = context.getBean(ConventionDocument.class);
            var data = ConventionDataMapper.normalize(ConventionDataMapper.read(
                    SampleConventions.completion("78646", "Versailles", 40)));
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                long t = System.nanoTime();
                document.generate(data, "CONV-78646-2026-01", 1);
                if (i >= 10) {
                    millis.add((System.nanoTime() - t) / 1e6);
                }
            }
            Collections.sort(millis);

            // the same circuit shape on a bare engine, same JVM, same PostgreSQL server, no application code
            String bareUrl = pg.getJdbcUrl("postgres", "convention_bare");
            double bareConcurrent = BareEngineCircuits.run(bareUrl, circuits, USERS);
            double bareSingle = BareEngineCircuits.run(bareUrl, circuits, 1);
            double projectRate = circuits / circuitSeconds;

            String report = String.format(java.util.Locale.ROOT, """
                    == Benchmark du circuit de signature (PostgreSQL embarqué, %d utilisateurs simultanés)
                    circuits complets            : %d en %.1f s (après %d d'échauffement, non mesurés)
                    circuits par seconde         : %.2f
                    moteur nu, %d fils            : %.2f circuits/s
                    moteur nu, 1 fil             : %.2f circuits/s
                    ratio vs bare engine: %.2f
                    travail du moteur par circuit : %s
                    (moteur nu par circuit        : 1 instance, 10 activités, 8 tâches, 0 job)
                    DOCX 40 écoles, médiane      : %.1f ms
                    DOCX 40 écoles, p95          : %.1f ms
                    démarrage de l'application   : %.1f s
                    mémoire résidente (VmRSS)    : %d Mo
                    tas utilisé                  : %d Mo
                    courriels reçus par SMTP     : %d
                    """, USERS, circuits, circuitSeconds, warmUp, projectRate, USERS, bareConcurrent, bareSingle,
                    projectRate / bareConcurrent, perCircuit, percentile(millis, 50),
                    percentile(millis, 95), startupSeconds, residentMegabytes(),
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024),
                    smtp.getReceivedMessages().length);
            System.out.println(report);
            Files.writeString(Path.of("target", "benchmark-signature-circuit.txt"), report);
        } finally {
            context.close();
            smtp.stop();
        }
    }

    /** {@code count} whole circuits by {@link #USERS} users at once, communes numbered from {@code first}. */
    private static void runCircuits(RuntimeService runtime, TaskService tasks, int first, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(USERS);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            String insee = insee(i);
            futures.add(pool.submit(() -> runCircuit(runtime, tasks, insee)));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
    }

    /** Until the asynchronous steps after the last signature are done too. */
    private static void waitUntilInForce(RuntimeService runtime, int conventions) throws InterruptedException {
        while (runtime.createProcessInstanceQuery().processDefinitionKey(ConventionProcess.KEY)
                .variableValueEquals(ConventionVariables.STATUT, ConventionProcess.STATUT_EN_VIGUEUR).count()
                < conventions) {
            Thread.sleep(100);
        }
    }

    private static void runCircuit(RuntimeService runtime, TaskService tasks, String insee) {
        String id = runtime.startProcessInstanceByKey(ConventionProcess.KEY,
                Map.of(ConventionVariables.COMMUNE_INSEE, insee)).getProcessInstanceId();
        String key = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult().getBusinessKey();
        complete(tasks, key, SampleConventions.completion(insee, "Commune " + insee, 5));
        complete(tasks, key, Circuits.signedCopies());
        for (int step = 0; step < 4; step++) {
            complete(tasks, key, Circuits.approve());
        }
        complete(tasks, key, Circuits.recteurSignsToday());
        complete(tasks, key, Circuits.scanUploaded());
    }

    private static void complete(TaskService tasks, String businessKey, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
        tasks.complete(task.getId(), variables);
    }

    /** The demo communes plus synthetic ones (département 93), one per circuit, in one circonscription. */
    private static String prepareCommunes(int count) throws Exception {
        StringBuilder csv = new StringBuilder(new String(SignatureCircuitBenchmark.class
                .getResourceAsStream("/referentiel/communes.csv").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        for (int i = 0; i < count; i++) {
            csv.append(insee(i)).append(";Commune ").append(insee(i)).append(";versailles;Circonscription de Versailles\n");
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "benchmark-communes.csv"), csv);
        return "--convention.demo-conventions=false";
    }

    private static String insee(int i) {
        return String.format("93%03d", i);
    }

    private static double percentile(List<Double> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private static long residentMegabytes() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
