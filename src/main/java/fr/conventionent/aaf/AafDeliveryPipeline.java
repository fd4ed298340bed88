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
 * <p>Quand une archive est demandée et que les noms sont bons, elle est préparée sur un second fil pendant la
 * lecture des contenus (deux lectures disque en parallèle plutôt qu'en série) ; si un contenu est refusé,
 * elle est abandonnée et supprimée. Les durées VERIFY et ZIP du compte rendu se chevauchent alors.
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
        ExecutorService zipper = null;
        try {
            long verifyStart = System.nanoTime();
            AafNameCheck names = verifier.checkNames(config.extraction(), selection.files());
            Future<Long> zipping = null;
            if (config.zip() && names.ok()) {
                // Les noms sont bons : l'archive (locale, rien ne part) se prépare pendant la lecture des contenus,
                // sur un autre cœur. Annulée si un contenu est refusé.
                resetDirectory(staging);
                run.archive = staging.resolve(config.archiveName());
                List<Path> ordered = names.acceptedNames().stream().map(n -> inbox.resolve(n.fileName())).toList();
                zipper = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "aaf-zip");
                    t.setDaemon(true);
                    return t;
                });
                zipping = zipper.submit(() -> run.time(AafDeliveryStage.ZIP, () -> zipPackager.zip(ordered, run.archive)));
            }
            AafVerification verification = verifier.verify(config.extraction(), selection.files(), names);
            run.timings.put(AafDeliveryStage.VERIFY, Duration.ofNanos(System.nanoTime() - verifyStart));
            if (!verification.ok()) {
                stop(zipper);
                deleteRecursively(staging);
                run.archive = null;
                return run.report(Status.REFUSED, verification, selection, verification.problems());
            }

            List<Path> toSend = new ArrayList<>();
            if (zipping != null) {
                run.archiveBytes = await(zipping);
                toSend.add(run.archive);
            } else {
                resetDirectory(staging);
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
                run.uploaded = uploader.upload(config.sftp(), config.key(), toSend);
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
            if (zipper != null) {
                zipper.shutdownNow();
            }
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

    /** Interrompt l'archive en cours et attend qu'elle ait fini, avant qu'on supprime son dossier. */
    private static void stop(ExecutorService zipper) {
        if (zipper == null) {
            return;
        }
        zipper.shutdownNow();
        try {
            if (!zipper.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("l'archive en cours ne s'arrête pas");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void resetDirectory(Path dir) throws IOException {
        deleteRecursively(dir);
        Files.createDirectories(dir);
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
                    problems, bordereau, archive, archiveBytes, uploaded, archivedTo,
                    Duration.ofNanos(System.nanoTime() - started), timings);
        }
    }
}
