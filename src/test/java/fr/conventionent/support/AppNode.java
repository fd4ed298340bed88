package fr.conventionent.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.conventionent.ConventionEntApplication;

/**
 * One node of the application in its own JVM, as production runs it: profile {@code postgres} on a database of the
 * embedded PostgreSQL, job executor on, SMTP to the test's GreenMail, folders under a directory of its own (or shared
 * with the other nodes, as a shared volume would be). Its output goes to {@code target/nodes/<name>.log}.
 */
public final class AppNode implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "Grappe-Noeud-2026";

    private final String name;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx768m", "-Duser.timezone=Europe/Paris"));
    private Process process;
    private int port;
    private int starts;

    private AppNode(String name) {
        this.name = name;
    }

    /**
     * A node on {@code jdbcUrl} (user postgres), mailing through {@code smtpPort}, its folders under {@code data}.
     * Demo users are created (they drive the REST journeys); the admin's password is {@link #ADMIN_PASSWORD}.
     */
    public static AppNode on(String name, String jdbcUrl, int smtpPort, Path data) {
        AppNode node = new AppNode(name);
        node.set("spring.profiles.active", "postgres")
                .set("spring.datasource.url", jdbcUrl)
                .set("spring.datasource.username", "postgres")
                .set("spring.datasource.password", "postgres")
                .set("camunda.bpm.admin-user.password", ADMIN_PASSWORD)
                .set("server.address", "127.0.0.1")
                .set("spring.mail.host", "127.0.0.1")
                .set("spring.mail.port", String.valueOf(smtpPort))
                .set("convention.demo-data", "true")
                .set("convention.demo-conventions", "false")
                // each node signs its jobs: ACT_HI_JOB_LOG.HOSTNAME_ tells which node ran what
                .set("camunda.bpm.generic-properties.properties.hostname", name)
                .set("convention.courriel.dossier", data.resolve("courriels").toString())
                .set("convention.documents.repertoire-partage", data.resolve("repertoire-partage").toString())
                .set("convention.documents.archives", data.resolve("archives").toString())
                .set("convention.aaf.depot", data.resolve("aaf/depot").toString())
                .set("convention.aaf.archives", data.resolve("aaf/archives").toString())
                .set("convention.aaf.cles", data.resolve("aaf/cles").toString())
                // an idle node polls for due jobs every 2 s (default: up to 60 s), so tests wait less; nothing else changes
                .set("camunda.bpm.job-execution.wait-time-in-millis", "1000")
                .set("camunda.bpm.job-execution.max-wait", "2000");
        return node;
    }

    public AppNode set(String property, String value) {
        properties.put(property, value);
        return this;
    }

    /** Quicker start-up for tests (C1 only); benchmarks leave the JIT alone. */
    public AppNode quickStart() {
        jvmOptions.add("-XX:TieredStopAtLevel=1");
        return this;
    }

    public String name() {
        return name;
    }

    /** Starts the JVM on a free port and waits until the application is ready (or fails). */
    public AppNode start() {
        port = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ConventionEntApplication.class.getName());
        command.add("--server.port=" + port);
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Path log = Path.of("target", "nodes", name + ".log");
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.redirectOutput(starts++ == 0 ? ProcessBuilder.Redirect.to(log.toFile())
                    : ProcessBuilder.Redirect.appendTo(log.toFile()));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(Duration.ofSeconds(180));
        return this;
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Le nœud " + name + " s'est arrêté au démarrage (code "
                        + process.exitValue() + "), voir target/nodes/" + name + ".log");
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(500);
        }
        kill();
        throw new IllegalStateException("Le nœud " + name + " n'est pas prêt après " + timeout.toSeconds() + " s");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The REST API of this node as {@code user} (demo users: password = login). */
    public NodeRest as(String user) {
        return new NodeRest(baseUrl(), user, "admin".equals(user) ? ADMIN_PASSWORD : user);
    }

    public NodeRest admin() {
        return as("admin");
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** CPU time (user + system) the node's JVM has used so far, from /proc (Linux). */
    public double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // utime, stime in ticks
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Exit code of the last run: 137 = 128 + 9 after a SIGKILL. */
    public int exitCode() {
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no rollback sent, locks left in the database, as a power cut would. */
    public void kill() {
        if (isAlive()) {
            process.destroyForcibly(); // SIGKILL on Linux (ProcessImpl.destroy(true))
            waitForExit();
        }
    }

    /** SIGTERM: Spring's graceful shutdown. */
    public void stop() {
        if (isAlive()) {
            process.destroy();
            waitForExit();
        }
    }

    private void waitForExit() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code condition} until it holds (a child JVM's side effects come when they come), or fails. */
    public static void await(Duration timeout, java.util.function.BooleanSupplier condition,
                             java.util.function.Supplier<String> what) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Après " + timeout.toSeconds() + " s : " + what.get());
            }
            pause(200);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
