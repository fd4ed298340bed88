package fr.conventionent.aaf;

import fr.conventionent.aaf.AafDeliveryReport.Status;
import fr.conventionent.aaf.sftp.AafSftpUploader;
import fr.conventionent.aaf.sftp.SftpDeliveryException;
import fr.conventionent.aaf.sftp.UploadedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Un envoi AAF de bout en bout, pour une cible : sélection des fichiers du jour → vérification des noms →
 * vérification en flux de chaque fichier → s'il y a le moindre problème, <b>rien n'est envoyé</b> et le compte
 * rendu donne toutes les raisons ; sinon bordereau, archive zip si convenue, dépôt SFTP, puis rangement local
 * de ce qui a été envoyé.
 *
 * <p>Dès que les noms sont bons, deux tâches avancent pendant la lecture des contenus : l'archive zip (locale) et
 * l'ouverture de la session SFTP (connexion, clé d'hôte, authentification ; aucun dépôt). Si un contenu est
 * refusé, l'archive est supprimée et la session fermée sans rien avoir déposé. Les durées VERIFY, ZIP et CONNECT
 * du compte rendu se chevauchent donc ; UPLOAD ne compte que l'attente de la session et le transfert.
 *
 * <p>Ordre de dépôt : l'archive (ou les fichiers XML) d'abord, le bordereau en dernier : sa présence chez
 * l'exploitant signale un envoi complet.
 *
 * <p>Rangement : bordereau et archive sont préparés dans {@code <archives>/<préfixe>_<type>_<date>.en-cours/} ;
 * après dépôt réussi, les XML y sont déplacés et le dossier prend son nom définitif
 * {@code <archives>/<préfixe>_<type>_<date>/} (suffixé {@code -2}, {@code -3}… si l'envoi est refait). En cas de
 * refus ou d'échec, le dossier de préparation est supprimé et le dossier de dépôt n'est pas touché : relancer
 * refait tout.
 *
 * <p>Java pur, sans Spring ni Camunda : utilisable en ligne de commande comme depuis une tâche de processus.
 */
public class AafDeliveryPipeline {

    private final AafInboxSelector selector;
    private final AafVerifier verifier;
    private final AafZipPackager zipPackager;
    private final AafSftpUploader uploader;
    private final Clock clock;

    public AafDeliveryPipeline(AafInboxSelector selector, AafVerifier verifier, AafZipPackager zipPackager,
                               AafSftpUploader uploader, Clock clock) {
        this.selector = selector;
        this.verifier = verifier;
        this.zipPackager = zipPackager;
        this.uploader = uploader;
        this.clock = clock;
    }

    public static AafDeliveryPipeline withDefaults() {
        return new AafDeliveryPipeline(new AafInboxSelector(), new AafVerifier(), new AafZipPackager(),
                new AafSftpUploader(), Clock.systemDefaultZone());
    }

    public AafDeliveryReport deliver(Path inbox, AafDeliveryConfig config) {
        Run run = new Run(config);
        AafInboxSelector.Selection selection = run.time(AafDeliveryStage.SELECT,
                () -> selector.select(inbox, config.extraction()));
        Path staging = config.archiveFolder().resolve(config.extraction().label() + ".en-cours");
        ExecutorService background = null;
        Future<Long> zipping = null;
        Future<AafSftpUploader.Connection> connecting = null;
        boolean connectionHandedOver = false;
        try {
            long verifyStart = System.nanoTime();
            AafNameCheck names = verifier.checkNames(config.extraction(), selection.files());
            if (names.ok()) {
                // Les noms sont bons : pendant la lecture des contenus, l'archive (locale) se prépare et la session
                // SFTP s'ouvre (authentification seulement, rien n'est déposé). Tout est abandonné si un contenu
                // est refusé.
                resetDirectory(staging);
                background = Executors.newFixedThreadPool(2, r -> {
                    Thread t = new Thread(r, "aaf-preparation");
                    t.setDaemon(true);
                    return t;
                });
                if (config.zip()) {
                    run.archive = staging.resolve(config.archiveName());
                    List<Path> ordered = names.acceptedNames().stream().map(n -> inbox.resolve(n.fileName())).toList();
                    zipping = background.submit(() -> run.time(AafDeliveryStage.ZIP, () -> zipPackager.zip(ordered, run.archive)));
                }
                connecting = background.submit(() -> {
                    long t0 = System.nanoTime();
                    try {
                        return uploader.open(config.sftp(), config.key());
                    } finally {
                        run.timings.put(AafDeliveryStage.CONNECT, Duration.ofNanos(System.nanoTime() - t0));
                    }
                });
            }
            AafVerification verification = verifier.verify(config.extraction(), selection.files(), names,
                    config.annexScope());
            run.timings.put(AafDeliveryStage.VERIFY, Duration.ofNanos(System.nanoTime() - verifyStart));
            if (!verification.ok()) {
                stop(background);
                deleteRecursively(staging);
                run.archive = null;
                return run.report(Status.REFUSED, verification, selection, verification.problems());
            }

            List<Path> toSend = new ArrayList<>();
            if (zipping != null) {
                run.archiveBytes = await(zipping);
                toSend.add(run.archive);
            } else {
                verification.checks().forEach(c -> toSend.add(inbox.resolve(c.fileName())));
            }
            if (config.bordereau()) {
                run.bordereau = run.time(AafDeliveryStage.BORDEREAU, () -> AafBordereau
                        .of(config.recipientCode(), LocalDate.now(clock), config.zip() ? config.archiveName() : null,
                                verification.checks())
                        .writeTo(staging.resolve(config.bordereauName())));
                toSend.add(run.bordereau);
            }

            long uploadStart = System.nanoTime();
            try {
                connectionHandedOver = true; // upload() ferme la session quoi qu'il arrive
                run.uploaded = upload(connecting, config, toSend);
            } catch (SftpDeliveryException e) {
                run.timings.put(AafDeliveryStage.UPLOAD, Duration.ofNanos(System.nanoTime() - uploadStart));
                deleteRecursively(staging);
                run.bordereau = null;
                run.archive = null;
                return run.report(Status.FAILED, verification, selection, List.of(e.getMessage()));
            }
            run.timings.put(AafDeliveryStage.UPLOAD, Duration.ofNanos(System.nanoTime() - uploadStart));

            run.archivedTo = run.time(AafDeliveryStage.ARCHIVE, () -> archive(inbox, staging, config, verification));
            if (run.bordereau != null) {
                run.bordereau = run.archivedTo.resolve(run.bordereau.getFileName());
            }
            if (run.archive != null) {
                run.archive = run.archivedTo.resolve(run.archive.getFileName());
            }
            return run.report(Status.SENT, verification, selection, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("préparation de l'envoi impossible : " + e.getMessage(), e);
        } finally {
            if (!connectionHandedOver) {
                closeQuietly(connecting); // refus ou erreur locale : la session ouverte pour rien est refermée
            }
            if (background != null) {
                background.shutdownNow();
            }
        }
    }

    /**
     * Dépose avec la session ouverte pendant la vérification ; en ouvre une nouvelle si elle a échoué ou a été
     * coupée entre-temps (serveur redémarré pendant une longue vérification) : c'est alors cette seconde tentative
     * dont l'erreur est rapportée.
     */
    private List<UploadedFile> upload(Future<AafSftpUploader.Connection> connecting, AafDeliveryConfig config,
                                      List<Path> files) throws SftpDeliveryException {
        AafSftpUploader.Connection connection = null;
        if (connecting != null) {
            try {
                connection = awaitConnection(connecting);
            } catch (SftpDeliveryException firstAttempt) {
                connection = null;
            }
        }
        try {
            if (connection == null || !connection.isOpen()) {
                if (connection != null) {
                    connection.close();
                }
                connection = uploader.open(config.sftp(), config.key());
            }
            return connection.upload(files);
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
    }

    private static AafSftpUploader.Connection awaitConnection(Future<AafSftpUploader.Connection> connecting)
            throws SftpDeliveryException {
        try {
            return connecting.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SftpDeliveryException("envoi interrompu pendant l'ouverture de la session SFTP", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SftpDeliveryException sde) {
                throw sde;
            }
            throw new SftpDeliveryException("ouverture de la session SFTP impossible : " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Ferme une session ouverte pour rien (lot refusé) ; son éventuel échec n'a plus d'importance. */
    private static void closeQuietly(Future<AafSftpUploader.Connection> connecting) {
        if (connecting == null) {
            return;
        }
        try {
            connecting.get().close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.CancellationException ignored) {
            // pas de session à fermer
        }
    }

    private static long await(Future<Long> zipping) {
        try {
            return zipping.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("envoi interrompu pendant la création de l'archive", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("création de l'archive impossible : " + cause.getMessage(), cause);
        }
    }

    private static void resetDirectory(Path dir) throws IOException {
        deleteRecursively(dir);
        Files.createDirectories(dir);
    }

    /** Interrompt l'archive en cours et attend la fin des tâches, avant qu'on supprime leur dossier. */
    private static void stop(ExecutorService background) {
        if (background == null) {
            return;
        }
        background.shutdownNow();
        try {
            if (!background.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("l'archive en cours ne s'arrête pas");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Déplace les XML envoyés avec le bordereau et l'archive, puis donne au dossier son nom définitif. */
    private static Path archive(Path inbox, Path staging, AafDeliveryConfig config, AafVerification verification) {
        try {
            for (AafXmlCheck check : verification.checks()) {
                Files.move(inbox.resolve(check.fileName()), staging.resolve(check.fileName()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            Path target = config.archiveFolder().resolve(config.extraction().label());
            for (int n = 2; Files.exists(target); n++) {
                target = config.archiveFolder().resolve(config.extraction().label() + "-" + n);
            }
            return Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("envoi fait, mais rangement local impossible : " + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** État d'un envoi en cours : durées et produits des étapes. */
    private static final class Run {
        private final AafDeliveryConfig config;
        private final long started = System.nanoTime();
        // Écrit aussi par le fil de l'archive.
        private final Map<AafDeliveryStage, Duration> timings =
                java.util.Collections.synchronizedMap(new EnumMap<>(AafDeliveryStage.class));
        private Path bordereau;
        private Path archive;
        private long archiveBytes;
        private List<UploadedFile> uploaded = List.of();
        private Path archivedTo;

        Run(AafDeliveryConfig config) {
            this.config = config;
        }

        interface Step<T> {
            T run() throws IOException;
        }

        <T> T time(AafDeliveryStage stage, Step<T> step) throws UncheckedIOException {
            long t0 = System.nanoTime();
            try {
                return step.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                timings.put(stage, Duration.ofNanos(System.nanoTime() - t0));
            }
        }

        AafDeliveryReport report(Status status, AafVerification verification, AafInboxSelector.Selection selection,
                                 List<String> problems) {
            return new AafDeliveryReport(status, config.extraction(), verification.checks(), selection.ignored(),
                    problems, verification.uaisOutsideAnnex(), bordereau, archive, archiveBytes, uploaded, archivedTo,
                    Duration.ofNanos(System.nanoTime() - started), timings);
        }
    }
}
