package fr.conventionent.aaf;

import fr.conventionent.aaf.generator.AafGenerationResult;
import fr.conventionent.aaf.generator.AafGenerator;
import fr.conventionent.aaf.generator.AafGeneratorOptions;
import fr.conventionent.aaf.sftp.DeliveryKeyPair;
import fr.conventionent.aaf.sftp.Ed25519Keys;
import fr.conventionent.aaf.sftp.EmbeddedSftpServer;
import fr.conventionent.aaf.sftp.SftpTarget;
import fr.conventionent.kernel.Uai;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Banc d'essai (imprimé, rien n'est vérifié) : génère un lot Complet synthétique de la taille voulue
 * ({@code -Daaf.bench.mb}, 1024 par défaut), mesure vérification + bordereau + zip + envoi SFTP vers un serveur MINA
 * local, puis l'équivalent en ligne de commande ({@code wc -l}, {@code zip}, {@code sftp} d'OpenSSH) sur les mêmes
 * fichiers, et imprime débits, tas maximal et rapport des débits. À lancer avec {@code -Xmx256m} (profil Maven
 * {@code benchmark}, voir BENCHMARK-POM-SNIPPET.xml).
 *
 * <p>Autres propriétés : {@code -Daaf.bench.dir} (dossier de travail, sinon un dossier temporaire),
 * {@code -Daaf.bench.keep=true} (ne pas effacer les fichiers à la fin).
 *
 * <p>L'envoi Java est fait à froid (JVM neuve : chargement des classes, JIT) puis, {@code -Daaf.bench.repeats} fois
 * (3 par défaut), à chaud (cas de l'application démarrée qui livre chaque jour) en alternance avec la ligne de
 * commande ; la machine étant partagée, on garde le meilleur temps de chaque côté. Le rapport est donné à froid et
 * à chaud ; l'objectif est jugé à chaud.
 */
public class AafDeliveryBenchmark {

    private static final double MB = 1024.0 * 1024.0;
    private static final LocalDate DATE = LocalDate.of(2024, 9, 19);
    private static final AafExtraction EXTRACTION = new AafExtraction("ENT2DVA-BENCH", AafFileType.COMPLET, DATE);

    /**
     * Entrée pour le profil Maven {@code benchmark} du projet (surefire, classes {@code *Benchmark}) :
     * {@code mvn -Pbenchmark verify -Dtest=AafDeliveryBenchmark -Daaf.bench.mb=200}. Ne tourne que si
     * {@code aaf.bench.mb} ou {@code aaf.bench=true} est donné, pour qu'un {@code -Dtest='fr.conventionent.aaf.**'}
     * ne lance pas 1 Go de banc d'essai. Le banc tourne dans une JVM séparée, pour que le tas mesuré soit celui
     * d'un {@code -Xmx256m} ({@code -Daaf.bench.xmx}) et non celui du profil.
     */
    @Test
    @EnabledIf("requested")
    @Timeout(value = 3, unit = TimeUnit.HOURS) // 1 Go sur une machine chargée : bien plus que les 5 min d'un test
    void measure() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + System.getProperty("aaf.bench.xmx", "256m")));
        for (String property : List.of("aaf.bench.mb", "aaf.bench.repeats", "aaf.bench.keep", "aaf.bench.dir")) {
            if (System.getProperty(property) != null) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), AafDeliveryBenchmark.class.getName()));
        // Sortie recopiée par System.out (et non inheritIO) : surefire ne tolère pas d'écriture directe sur sa sortie.
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (java.io.BufferedReader out = new java.io.BufferedReader(
                new java.io.InputStreamReader(process.getInputStream(), java.nio.charset.Charset.defaultCharset()))) {
            out.lines().forEach(System.out::println);
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("le banc d'essai AAF a échoué (code " + process.exitValue() + ")");
        }
    }

    static boolean requested() {
        return System.getProperty("aaf.bench.mb") != null || Boolean.getBoolean("aaf.bench");
    }

    public static void main(String[] args) throws Exception {
        long targetMb = Long.getLong("aaf.bench.mb", 1024);
        String dir = System.getProperty("aaf.bench.dir");
        Path work = dir == null ? Files.createTempDirectory("aaf-bench-") : Files.createDirectories(Path.of(dir));
        try {
            run(targetMb, work);
        } finally {
            if (!Boolean.getBoolean("aaf.bench.keep")) {
                deleteRecursively(work);
            }
        }
        System.exit(0); // fils MINA éventuellement encore en fermeture
    }

    private static void run(long targetMb, Path work) throws Exception {
        System.out.printf(Locale.ROOT, "=== Banc d'essai livraison AAF : lot Complet d'environ %d Mo, -Xmx=%d Mo, %d cœur(s) ===%n",
                targetMb, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        AafGenerator generator = new AafGenerator();

        // 1. Étalonnage puis génération (non comptée dans l'envoi)
        Path calibration = work.resolve("etalonnage");
        AafGenerationResult sample = generator.generate(new AafGeneratorOptions(EXTRACTION, 2_000, 1), calibration);
        deleteRecursively(calibration);
        int pupils = (int) Math.max(1, targetMb * MB * 2_000 / sample.bytes());
        // Les écoles sont celles de l'annexe 1 : la vérification confronte chacune, et chaque rattachement, à l'annexe.
        List<String> annex = new ArrayList<>();
        for (int school = 0; school < (pupils + 149) / 150; school++) {
            annex.add(Uai.withCheckLetter(String.format(Locale.ROOT, "078%04d", school)));
        }
        Path inbox = work.resolve("depot-academie");
        long g0 = System.nanoTime();
        AafGenerationResult generated = generator.generate(new AafGeneratorOptions(EXTRACTION, pupils, 2024)
                .withSchoolUais(annex), inbox);
        double genSeconds = seconds(System.nanoTime() - g0);
        double inputMb = generated.bytes() / MB;
        System.out.printf(Locale.ROOT, "Génération : %d élèves, %d écoles de l'annexe 1, %d fichiers, %.1f Mo en %.1f s (%.1f Mo/s)%n",
                pupils, annex.size(), generated.files().size(), inputMb, genSeconds, inputMb / genSeconds);

        // 2. Serveur SFTP local
        DeliveryKeyPair clientKey = Ed25519Keys.generate("banc-aaf");
        DeliveryKeyPair hostKey = Ed25519Keys.generate("banc-serveur");
        Path serverRoot = work.resolve("serveur");
        Files.createDirectories(serverRoot.resolve("depot"));
        Files.createDirectories(serverRoot.resolve("depot-cli"));
        try (EmbeddedSftpServer server = new EmbeddedSftpServer(serverRoot, clientKey.keyPair().getPublic(), hostKey.keyPair()).start(0)) {
            SftpTarget target = new SftpTarget("127.0.0.1", server.port(), "ent", "/depot", server.hostKeyFingerprint());
            AafDeliveryConfig config = new AafDeliveryConfig(EXTRACTION, true, "ENT2DVA-BENCH_20240919.zip", true, "0781234T",
                    target, clientKey, work.resolve("archives")).withAnnexScope(AafAnnexScope.of(annex));

            // 3. Envoi Java à froid (JVM neuve : chargement des classes, JIT), une fois.
            int repeats = Math.max(1, Integer.getInteger("aaf.bench.repeats", 3));
            Measure cold = measure(inbox, config);
            if (cold == null) {
                return;
            }
            print(cold, "à froid", inputMb);

            // 4. Puis, en alternance, envoi Java à chaud et équivalent en ligne de commande, plusieurs fois : la
            //    machine est partagée, on garde le meilleur temps de chaque côté.
            Path cli = Files.createDirectories(work.resolve("cli"));
            Path key = cli.resolve("id_ed25519");
            Ed25519Keys.write(clientKey, key, null);
            Path knownHosts = Files.writeString(cli.resolve("known_hosts"), "[127.0.0.1]:" + server.port() + " "
                    + Ed25519Keys.publicKeyLine(hostKey.keyPair().getPublic(), "") + "\n");
            Path cliZip = cli.resolve("archive.zip");
            Path batch = Files.writeString(cli.resolve("batch"), "put " + cliZip + " /depot-cli/archive.zip\n");
            System.out.println();
            System.out.println("--- Envois à chaud et ligne de commande, en alternance (" + repeats + " fois) ---");
            Measure best = null;
            Optional<Double> wc = Optional.empty();
            Optional<Double> zip = Optional.empty();
            Optional<Double> sftp = Optional.empty();
            AafDeliveryReport previous = cold.report();
            for (int i = 1; i <= repeats; i++) {
                undo(previous, inbox, serverRoot.resolve("depot"));
                Measure warm = measure(inbox, config);
                if (warm == null) {
                    return;
                }
                previous = warm.report();
                System.out.printf(Locale.ROOT, "n°%d Java à chaud : %.2f s%n", i, warm.seconds());
                best = best == null || warm.seconds() < best.seconds() ? warm : best;

                List<String> files;
                try (Stream<Path> st = Files.list(warm.report().archivedTo())) {
                    files = st.filter(p -> p.getFileName().toString().endsWith(".xml")).map(Path::toString).sorted().toList();
                }
                Files.deleteIfExists(cliZip);
                wc = min(wc, timeCommand("n°" + i + " wc -l", cli, prepend(List.of("wc", "-l"), files), warm.report().totalLines()));
                Optional<Double> z = timeCommand("n°" + i + " zip -6", cli, prepend(List.of("zip", "-q", "-j", "-6", cliZip.toString()), files), -1);
                zip = min(zip, z);
                if (z.isPresent()) {
                    sftp = min(sftp, timeCommand("n°" + i + " sftp (connexion comprise)", cli, List.of("sftp", "-q", "-b", batch.toString(),
                            "-i", key.toString(), "-P", Integer.toString(server.port()), "-o", "IdentitiesOnly=yes",
                            "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + knownHosts,
                            "ent@127.0.0.1"), -1));
                }
                if (i == 1) {
                    timeCommand("n°1 sha256sum (information, hors rapport)", cli, prepend(List.of("sha256sum"), files), -1);
                    if (Files.exists(serverRoot.resolve("depot-cli/archive.zip"))) {
                        System.out.printf(Locale.ROOT, "  (sftp a déposé %d octets ; zip en ligne de commande : %d octets)%n",
                                Files.size(serverRoot.resolve("depot-cli/archive.zip")), Files.size(cliZip));
                    }
                }
            }
            print(best, "à chaud, meilleur des " + repeats, inputMb);
            AafDeliveryReport report = best.report();
            double javaSeconds = best.seconds();
            System.out.printf(Locale.ROOT, "Lignes : %d, octets XML : %d, archive : %d octets%n",
                    report.totalLines(), report.totalBytes(), report.archiveBytes());

            // 5. Rapports de débit (débit Java / débit ligne de commande = durée CLI / durée Java), meilleurs temps
            System.out.println();
            System.out.println("--- Rapport débit Java / débit ligne de commande, meilleurs temps (≥ 1 : Java au moins aussi rapide) ---");
            double verify = report.timings().get(AafDeliveryStage.VERIFY).toNanos() / 1e9;
            double zipJava = report.timings().get(AafDeliveryStage.ZIP).toNanos() / 1e9;
            double upload = report.timings().get(AafDeliveryStage.UPLOAD).toNanos() / 1e9;
            wc.ifPresent(t -> System.out.printf(Locale.ROOT, "vérification Java / wc -l   : %.2f (la vérification fait aussi XML et SHA-256)%n", t / verify));
            zip.ifPresent(t -> System.out.printf(Locale.ROOT, "zip Java / zip              : %.2f%n", t / zipJava));
            sftp.ifPresent(t -> System.out.printf(Locale.ROOT, "dépôt Java / sftp           : %.2f (Java : session déjà ouverte pendant la vérification ; sftp : connexion comprise)%n", t / upload));
            if (wc.isPresent() && zip.isPresent() && sftp.isPresent()) {
                double cliTotal = wc.get() + zip.get() + sftp.get();
                double ratio = cliTotal / javaSeconds;
                System.out.printf(Locale.ROOT, "chaîne complète, à chaud    : %.2f (ligne de commande %.2f s soit %.1f Mo/s, Java %.2f s soit %.1f Mo/s)%n",
                        ratio, cliTotal, inputMb / cliTotal, javaSeconds, inputMb / javaSeconds);
                System.out.printf(Locale.ROOT, "chaîne complète, à froid    : %.2f (Java %.2f s soit %.1f Mo/s)%n",
                        cliTotal / cold.seconds(), cold.seconds(), inputMb / cold.seconds());
                System.out.printf(Locale.ROOT, "Objectif (rapport à chaud ≥ 1,0 et tas < 256 Mo) : %s%n",
                        ratio >= 1.0 && Math.max(cold.heapPeak(), best.heapPeak()) < 256 * MB ? "atteint" : "NON atteint");
            } else {
                System.out.println("chaîne complète             : non comparée (outil manquant, voir ci-dessus)");
            }
        }
    }

    private static Optional<Double> min(Optional<Double> a, Optional<Double> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : Optional.of(Math.min(a.get(), b.get()));
    }

    /** Un envoi mesuré : compte rendu, durée totale, tas maximal. */
    private record Measure(AafDeliveryReport report, double seconds, long sampledPeak, long poolPeaks) {
        long heapPeak() {
            return Math.max(sampledPeak, poolPeaks);
        }
    }

    private static Measure measure(Path inbox, AafDeliveryConfig config) throws Exception {
        System.gc();
        HeapSampler sampler = HeapSampler.start();
        long t0 = System.nanoTime();
        AafDeliveryReport report = AafDeliveryPipeline.withDefaults().deliver(inbox, config);
        double seconds = seconds(System.nanoTime() - t0);
        sampler.stop();
        if (!report.sent()) {
            System.out.println("ENVOI NON FAIT : " + report.problems());
            return null;
        }
        return new Measure(report, seconds, sampler.peak(), sampler.poolPeaks());
    }

    private static void print(Measure m, String label, double inputMb) {
        AafDeliveryReport report = m.report();
        double zipMb = report.archiveBytes() / MB;
        System.out.println();
        System.out.println("--- Envoi Java (AafDeliveryPipeline), " + label + " ---");
        System.out.printf(Locale.ROOT, "%-44s %9s %12s%n", "étape", "durée s", "Mo/s");
        printStage(report, AafDeliveryStage.SELECT, inputMb, "sélection");
        printStage(report, AafDeliveryStage.VERIFY, inputMb, "vérification XML + annexe 1 + lignes + SHA-256");
        printStage(report, AafDeliveryStage.ZIP, inputMb, "zip (un fil par cœur, pendant la vérification)");
        printStage(report, AafDeliveryStage.CONNECT, 0, "connexion SFTP (en parallèle, Mo/s sans objet)");
        printStage(report, AafDeliveryStage.BORDEREAU, inputMb, "bordereau");
        printStage(report, AafDeliveryStage.UPLOAD, zipMb, String.format(Locale.ROOT, "dépôt SFTP (archive %.1f Mo + bordereau)", zipMb));
        printStage(report, AafDeliveryStage.ARCHIVE, inputMb, "rangement local");
        System.out.printf(Locale.ROOT, "%-44s %9.2f %12.1f%n", "TOTAL (Mo XML / durée totale)", m.seconds(), inputMb / m.seconds());
        System.out.printf(Locale.ROOT, "Tas : pic échantillonné %.1f Mo, somme des pics des pools %.1f Mo (max autorisé %d Mo)%n",
                m.sampledPeak() / MB, m.poolPeaks() / MB, Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Remet les XML dans le dépôt et vide le serveur, pour refaire le même envoi. */
    private static void undo(AafDeliveryReport report, Path inbox, Path remoteDir) throws IOException {
        try (Stream<Path> s = Files.list(report.archivedTo())) {
            for (Path p : s.toList()) {
                if (p.getFileName().toString().endsWith(".xml")) {
                    Files.move(p, inbox.resolve(p.getFileName()));
                }
            }
        }
        deleteRecursively(report.archivedTo());
        deleteRecursively(remoteDir);
        Files.createDirectories(remoteDir);
    }

    private static void printStage(AafDeliveryReport report, AafDeliveryStage stage, double mb, String label) {
        Duration d = report.timings().get(stage);
        if (d == null) {
            return;
        }
        double s = d.toNanos() / 1e9;
        System.out.printf(Locale.ROOT, "%-44s %9.2f %12.1f%n", label, s, s > 0 ? mb / s : Double.NaN);
    }

    /** Durée d'une commande, ou vide (avec un message) si l'outil n'est pas installé. */
    private static Optional<Double> timeCommand(String label, Path dir, List<String> command, long expectedLines)
            throws IOException, InterruptedException {
        if (!onPath(command.get(0))) {
            System.out.println(label + " : non installé, étape ignorée");
            return Optional.empty();
        }
        Path output = dir.resolve(command.get(0) + ".out");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!p.waitFor(1, TimeUnit.HOURS) || p.exitValue() != 0) {
            System.out.println(label + " : échec (code " + p.exitValue() + ") : " + tail(output));
            return Optional.empty();
        }
        double s = seconds(System.nanoTime() - t0);
        String extra = "";
        if (expectedLines >= 0) {
            String last = tail(output);
            extra = last.strip().startsWith(expectedLines + " ") ? " ; total identique au bordereau (" + expectedLines + " lignes)"
                    : " ; total différent : " + last.strip();
        }
        System.out.printf(Locale.ROOT, "%-44s %9.2f s%s%n", label, s, extra);
        return Optional.of(s);
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private static List<String> prepend(List<String> head, List<String> tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(tail);
        return all;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Tas utilisé : échantillonné toutes les 10 ms, et pics des pools de tas (remis à zéro au départ). */
    private static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        private HeapSampler() {
            ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .forEach(MemoryPoolMXBean::resetPeakUsage);
            thread = new Thread(() -> {
                while (running) {
                    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    peak.accumulateAndGet(used, Math::max);
                    try {
                        Thread.sleep(10); // échantillonnage : attente voulue
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "echantillon-tas");
            thread.setDaemon(true);
        }

        static HeapSampler start() {
            HeapSampler s = new HeapSampler();
            s.thread.start();
            return s;
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long peak() {
            return peak.get();
        }

        long poolPeaks() {
            return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        }
    }
}
