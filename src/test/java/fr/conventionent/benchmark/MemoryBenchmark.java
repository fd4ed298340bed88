package fr.conventionent.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Resident memory and start-up time of the application against a bare Camunda starter (webapp + REST + H2, no code of
 * ours: {@code src/test/demarreur-nu}), each in its own JVM with the same flags, measured in the same run (printed, not
 * asserted). Each run starts both on an empty data folder (the README's first start: schema, demo users, sample
 * conventions) and again on the data it left (a restart). Resident memory is read from {@code /proc/<pid>/status} a
 * few seconds after the application is ready (runners done).
 * Run: {@code mvn -Pbenchmark verify -Dtest=MemoryBenchmark [-Dbenchmark.runs=3] [-Dbenchmark.jvm="…"]}.
 */
class MemoryBenchmark {

    /** The Dockerfile's flags: what production runs with. */
    private static final String DEFAULT_JVM_FLAGS = "-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
            + " -Duser.timezone=Europe/Paris";
    private static final Path BARE_PROJECT = Path.of("src/test/demarreur-nu");
    private static final Path OUTPUT = Path.of("target/benchmark");

    @Test
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void measure() throws Exception {
        int runs = Integer.getInteger("benchmark.runs", 3);
        int settleSeconds = Integer.getInteger("benchmark.settle", 10);
        List<String> flags = Arrays.asList(System.getProperty("benchmark.jvm", DEFAULT_JVM_FLAGS).trim().split("\\s+"));
        Files.createDirectories(OUTPUT);

        buildBareStarter();
        Path probe = BARE_PROJECT.resolve("target/classes").toAbsolutePath();
        Candidate bare = new Candidate("démarreur Camunda nu", "demarreurnu.DemarreurNu",
                probe + ":" + Files.readString(BARE_PROJECT.resolve("target/classpath.txt")).trim(),
                List.of("--spring.config.name=demarreur-nu"));
        Candidate application = new Candidate("Convention ENT", "fr.conventionent.ConventionEntApplication",
                Path.of("target/classes").toAbsolutePath() + ":" + probe + ":"
                        + Files.readString(OUTPUT.resolve("classpath-application.txt")).trim(),
                List.of());

        List<Start> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            for (Candidate candidate : List.of(bare, application)) {
                Path data = Files.createTempDirectory("memoire-");
                results.add(candidate.start(flags, data, "premier démarrage", run, settleSeconds));
                results.add(candidate.start(flags, data, "redémarrage", run, settleSeconds));
            }
        }

        StringWriter text = new StringWriter();
        report(new PrintWriter(text), results, bare, application, runs, flags);
        System.out.println();
        System.out.print(text);
        Files.writeString(Path.of("target/benchmark-memoire.txt"), text.toString());
        assertThat(results).allMatch(start -> start.rssMegabytes() > 0);
    }

    private static void buildBareStarter() throws Exception {
        Process maven = new ProcessBuilder("mvn", "-B", "-q", "-f", BARE_PROJECT.resolve("pom.xml").toString(),
                "package", "dependency:build-classpath", "-Dmdep.outputFile=target/classpath.txt", "-DskipTests")
                .inheritIO().start();
        assertThat(maven.waitFor()).as("construction du démarreur nu (mvn)").isZero();
    }

    private static void report(PrintWriter out, List<Start> results, Candidate bare, Candidate application, int runs,
            List<String> flags) {
        out.printf(Locale.FRANCE, "Mémoire résidente et démarrage, médiane de %d essais, drapeaux JVM : %s%n", runs,
                String.join(" ", flags));
        out.println("                                              RSS (Mo)   prêt en (s)   tas utilisé (Mo)");
        for (String kind : List.of("premier démarrage", "redémarrage")) {
            for (Candidate candidate : List.of(bare, application)) {
                List<Start> mine = results.stream()
                        .filter(start -> start.candidate() == candidate && start.kind().equals(kind)).toList();
                out.printf(Locale.FRANCE, "%-22s %-20s %8.0f %13.1f %18.0f%n", candidate.name(), kind,
                        median(mine.stream().mapToDouble(Start::rssMegabytes).toArray()),
                        median(mine.stream().mapToDouble(Start::readySeconds).toArray()),
                        median(mine.stream().mapToDouble(Start::heapUsedMegabytes).toArray()));
            }
        }
        for (String kind : List.of("premier démarrage", "redémarrage")) {
            out.printf(Locale.ROOT, "RSS ratio vs bare starter: %.2f (%s)%n",
                    ratio(results, application, bare, kind, Start::rssMegabytes), kind);
            out.printf(Locale.ROOT, "Start-up ratio vs bare starter: %.2f (%s)%n",
                    ratio(results, application, bare, kind, Start::readySeconds), kind);
        }
        out.flush();
    }

    private static double ratio(List<Start> results, Candidate measured, Candidate yardstick, String kind,
            java.util.function.ToDoubleFunction<Start> figure) {
        return medianOf(results, measured, kind, figure) / medianOf(results, yardstick, kind, figure);
    }

    private static double medianOf(List<Start> results, Candidate candidate, String kind,
            java.util.function.ToDoubleFunction<Start> figure) {
        return median(results.stream().filter(start -> start.candidate() == candidate && start.kind().equals(kind))
                .mapToDouble(figure).toArray());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private record Start(Candidate candidate, String kind, double rssMegabytes, double readySeconds,
            double heapUsedMegabytes) {
    }

    private record Candidate(String name, String mainClass, String classpath, List<String> arguments) {

        Start start(List<String> flags, Path data, String kind, int run, int settleSeconds) throws Exception {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(flags);
            command.add("-Dserver.address=127.0.0.1");
            command.add("-Dserver.port=" + freePort());
            command.add("-cp");
            command.add(classpath);
            command.add(mainClass);
            command.addAll(arguments);
            Path log = OUTPUT.resolve("memoire-" + (mainClass.startsWith("demarreurnu") ? "nu" : "application") + "-"
                    + run + "-" + (kind.startsWith("premier") ? "1" : "2") + ".log");
            Process process = new ProcessBuilder(command).directory(data.toFile()).redirectErrorStream(true).start();
            try {
                double readySeconds = waitUntilReady(process, log);
                TimeUnit.SECONDS.sleep(settleSeconds);
                double rss = residentMegabytes(process.pid());
                double heap = heapUsedMegabytes(process.pid());
                System.out.printf(Locale.FRANCE, "%s, %s, essai %d : %.0f Mo résidents, prêt en %.1f s%n",
                        name, kind, run, rss, readySeconds);
                return new Start(this, kind, rss, readySeconds, heap);
            } finally {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }
    }

    /** Copies the JVM's output to its log until SignalPret's line, which gives the JVM's uptime when ready. */
    private static double waitUntilReady(Process process, Path log) throws Exception {
        CompletableFuture<Double> ready = new CompletableFuture<>();
        Thread copier = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    Writer out = Files.newBufferedWriter(log)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    out.write(line);
                    out.write('\n');
                    int marker = line.indexOf("MESURE-PRET ");
                    if (marker >= 0) {
                        out.flush();
                        ready.complete(Long.parseLong(line.substring(marker + 12).trim()) / 1000.0);
                    }
                }
                ready.completeExceptionally(new IllegalStateException("arrêté avant d'être prêt, voir " + log));
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
        });
        copier.setDaemon(true);
        copier.start();
        return ready.get(5, TimeUnit.MINUTES);
    }

    private static double residentMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("VmRSS absent pour " + pid);
    }

    /** Heap in use, from jcmd (GC.heap_info's "used" figure), to tell heap from the rest of the footprint. */
    private static double heapUsedMegabytes(long pid) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        java.util.regex.Matcher used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(output);
        return used.find() ? Long.parseLong(used.group(1)) / 1024.0 : Double.NaN;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
