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
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.util.FileSystemUtils;

/**
 * Resident memory and start-up time of the application against a bare Camunda starter (webapp + REST + H2, no code of
 * ours: {@code src/test/demarreur-nu}), each in its own JVM with the same flags, measured in the same run (printed, not
 * asserted). Each run starts both on an empty data folder (the README's first start: schema, demo users, sample
 * conventions) and again on the data it left (a restart). Resident memory is read from {@code /proc/<pid>/status} a
 * few seconds after the application is ready (runners done).
 * Run: {@code mvn -Pbenchmark verify -Dtest=MemoryBenchmark [-Dbenchmark.runs=3] [-Dbenchmark.jvm="…"]}.
 */
class MemoryBenchmark {

    /**
     * The image's flags (Dockerfile's JAVA_TOOL_OPTIONS), and the memory its container is given (docker-compose.yml's
     * mem_limit for the application), which the JVM takes as its RAM.
     */
    private static final String DEFAULT_JVM_FLAGS = imageFlags() + " -XX:MaxRAM=1536m";
    private static final Path BARE_PROJECT = Path.of("src/test/demarreur-nu");
    private static final Path OUTPUT = Path.of("target/benchmark");
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    /** What each start is compared with: the bare starter in the same situation (empty data folder, or its own). */
    private enum Situation {
        PREMIER("premier démarrage", "premier démarrage (dossier de données vide)"),
        PREMIER_SANS_EXEMPLES("premier démarrage", "premier démarrage sans conventions d'exemple (comme en production)"),
        REDEMARRAGE("redémarrage", "redémarrage sur les données du premier démarrage");

        final String yardstick;
        final String label;

        Situation(String yardstick, String label) {
            this.yardstick = yardstick;
            this.label = label;
        }
    }

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

        List<Start> bareStarts = new ArrayList<>();
        List<Start> applicationStarts = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            bareStarts.addAll(startTwice(bare, flags, run, settleSeconds));
            applicationStarts.addAll(startTwice(application, flags, run, settleSeconds));
            Path data = Files.createTempDirectory("memoire-");
            try {
                applicationStarts.add(application.start(flags, data, Situation.PREMIER_SANS_EXEMPLES, run,
                        settleSeconds, "--convention.demo-conventions=false"));
            } finally {
                FileSystemUtils.deleteRecursively(data);
            }
        }

        StringWriter text = new StringWriter();
        report(new PrintWriter(text), bareStarts, applicationStarts, runs, flags);
        System.out.println();
        System.out.print(text);
        Files.writeString(Path.of("target/benchmark-memoire.txt"), text.toString());
        assertThat(applicationStarts).allMatch(start -> start.rssMegabytes() > 0);
    }

    /** A first start on an empty data folder, then a restart on what it left. */
    private static List<Start> startTwice(Candidate candidate, List<String> flags, int run, int settleSeconds)
            throws Exception {
        Path data = Files.createTempDirectory("memoire-");
        try {
            return List.of(candidate.start(flags, data, Situation.PREMIER, run, settleSeconds),
                    candidate.start(flags, data, Situation.REDEMARRAGE, run, settleSeconds));
        } finally {
            FileSystemUtils.deleteRecursively(data);
        }
    }

    private static void buildBareStarter() throws Exception {
        Process maven = new ProcessBuilder("mvn", "-B", "-q", "-f", BARE_PROJECT.resolve("pom.xml").toString(),
                "package", "dependency:build-classpath", "-Dmdep.outputFile=target/classpath.txt", "-DskipTests")
                .inheritIO().start();
        assertThat(maven.waitFor()).as("construction du démarreur nu (mvn)").isZero();
    }

    private static void report(PrintWriter out, List<Start> bareStarts, List<Start> applicationStarts, int runs,
            List<String> flags) {
        out.printf(Locale.FRANCE, "Mémoire résidente et démarrage, médiane de %d essais, drapeaux JVM : %s%n", runs,
                String.join(" ", flags));
        out.printf("%-92s %8s %11s %8s %9s%n", "", "RSS (Mo)", "prêt en (s)", "CPU (s)", "tas (Mo)");
        for (Situation situation : List.of(Situation.PREMIER, Situation.REDEMARRAGE)) {
            line(out, "démarreur Camunda nu, " + situation.label, of(bareStarts, situation));
        }
        for (Situation situation : Situation.values()) {
            line(out, "Convention ENT, " + situation.label, of(applicationStarts, situation));
        }
        for (Situation situation : Situation.values()) {
            List<Start> measured = of(applicationStarts, situation);
            List<Start> yardstick = bareStarts.stream()
                    .filter(start -> start.situation().yardstick.equals(situation.yardstick)
                            && start.situation() != Situation.PREMIER_SANS_EXEMPLES)
                    .toList();
            out.printf(Locale.ROOT, "RSS ratio vs bare starter: %.2f (%s)%n",
                    median(measured, Start::rssMegabytes) / median(yardstick, Start::rssMegabytes), situation.label);
            out.printf(Locale.ROOT, "Start-up ratio vs bare starter: %.2f (%s)%n",
                    median(measured, Start::readySeconds) / median(yardstick, Start::readySeconds), situation.label);
            out.printf(Locale.ROOT, "Start-up CPU ratio vs bare starter: %.2f (%s)%n",
                    median(measured, Start::cpuSeconds) / median(yardstick, Start::cpuSeconds), situation.label);
        }
        out.flush();
    }

    private static void line(PrintWriter out, String label, List<Start> starts) {
        out.printf(Locale.FRANCE, "%-92s %8.0f %11.1f %8.1f %9.0f%n", label, median(starts, Start::rssMegabytes),
                median(starts, Start::readySeconds), median(starts, Start::cpuSeconds),
                median(starts, Start::heapUsedMegabytes));
    }

    private static List<Start> of(List<Start> starts, Situation situation) {
        return starts.stream().filter(start -> start.situation() == situation).toList();
    }

    private static double median(List<Start> starts, ToDoubleFunction<Start> figure) {
        return median(starts.stream().mapToDouble(figure).toArray());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private record Start(Situation situation, double rssMegabytes, double readySeconds, double cpuSeconds,
            double heapUsedMegabytes) {
    }

    private record Candidate(String name, String mainClass, String classpath, List<String> arguments) {

        Start start(List<String> flags, Path data, Situation situation, int run, int settleSeconds,
                String... extraArguments) throws Exception {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(flags);
            command.add("-Dserver.address=127.0.0.1");
            command.add("-Dserver.port=" + freePort());
            command.add("-cp");
            command.add(classpath);
            command.add(mainClass);
            command.addAll(arguments);
            command.addAll(List.of(extraArguments));
            Path log = OUTPUT.resolve("memoire-" + (mainClass.startsWith("demarreurnu") ? "nu" : "application") + "-"
                    + run + "-" + situation.name().toLowerCase(Locale.ROOT) + ".log");
            Process process = new ProcessBuilder(command).directory(data.toFile()).redirectErrorStream(true).start();
            try {
                double readySeconds = waitUntilReady(process, log);
                double cpuSeconds = cpuSeconds(process.pid());
                TimeUnit.SECONDS.sleep(settleSeconds);
                double rss = residentMegabytes(process.pid());
                double heap = heapUsedMegabytes(process.pid());
                System.out.printf(Locale.FRANCE, "%s, %s, essai %d : %.0f Mo résidents, prêt en %.1f s (%.1f s de CPU)%n",
                        name, situation.label, run, rss, readySeconds, cpuSeconds);
                return new Start(situation, rss, readySeconds, cpuSeconds, heap);
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

    /**
     * Processor time spent until ready (user + system, /proc/<pid>/stat), which a busy machine does not inflate as it
     * does the elapsed time.
     */
    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after the command name: state is field 3 of the file, utime 14 and stime 15 (clock ticks, 100 per second)
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static double residentMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("VmRSS absent pour " + pid);
    }

    /** Heap in use, from jcmd (GC.heap_info, all generations), to tell heap from the rest of the footprint. */
    private static double heapUsedMegabytes(long pid) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        long usedKilobytes = output.lines()
                .filter(line -> line.contains("generation") || line.contains("heap"))
                .map(HEAP_USED::matcher).filter(Matcher::find)
                .mapToLong(used -> Long.parseLong(used.group(1))).sum();
        return usedKilobytes / 1024.0;
    }

    private static String imageFlags() {
        try {
            Matcher options = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]+)\"").matcher(Files.readString(Path.of("Dockerfile")));
            return options.find() ? options.group(1) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
