package fr.conventionent.aaf.process;

import fr.conventionent.aaf.AafAnnexScope;
import fr.conventionent.aaf.AafDeliveryConfig;
import fr.conventionent.aaf.AafDeliveryPipeline;
import fr.conventionent.aaf.AafDeliveryReport;
import fr.conventionent.aaf.AafExtraction;
import fr.conventionent.aaf.AafFileType;
import fr.conventionent.aaf.AafInboxSelector;
import fr.conventionent.aaf.AafVerifier;
import fr.conventionent.aaf.AafZipPackager;
import fr.conventionent.aaf.sftp.AafSftpUploader;
import fr.conventionent.aaf.sftp.DeliveryKeyPair;
import fr.conventionent.aaf.sftp.SftpTarget;
import fr.conventionent.aaf.sftp.UploadedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One scheduled run for one target: the day's files of its prefix from the inbox, through {@link AafDeliveryPipeline}
 * (names and contents checked as streams, bordereau, zip, SFTP upload, local archive).
 *
 * <ul>
 *   <li>no file of the prefix for that date: nothing to do, "aucun fichier" — or "déjà livré" when that extraction
 *       is already in the archive (a run retried after the upload succeeded but before the engine committed: the
 *       files are not sent twice);</li>
 *   <li>a bad name or content: nothing sent, the report lists every reason;</li>
 *   <li>the server unreachable or the transfer cut: {@link AafDeliveryFailedException}, for the job to be retried.</li>
 * </ul>
 */
@Component
public class AafDeliveryRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AafDeliveryRunner.class);

    private final AafProperties properties;
    private final AafKeyStore keyStore;

    public AafDeliveryRunner(AafProperties properties, AafKeyStore keyStore) {
        this.properties = properties;
        this.keyStore = keyStore;
    }

    /**
     * @param annexScope the schools of the convention's Annexe 1 and the structures already delivered; null for
     *                   deliveries without a recorded convention (nothing to check the schools against)
     */
    public AafRunReport run(String conventionNumero, AafDeliverySettings settings, AafSchedule.Run run,
                            AafAnnexScope annexScope) {
        ZonedDateTime ranAt = ZonedDateTime.now(EngineClock.PARIS);
        AafExtraction extraction = new AafExtraction(settings.prefix(), run.type(), run.date());
        Path inbox = createDirectories(properties.depotPath());
        Path archives = createDirectories(properties.archivesPath().resolve(conventionNumero));

        AafInboxSelector selector = new AafInboxSelector();
        AafInboxSelector.Selection selection = selector.select(inbox, extraction);
        if (selection.files().isEmpty()) {
            boolean alreadySent = Files.isDirectory(archives.resolve(extraction.label()));
            return new AafRunReport(extraction.label(), run.type().label(), run.at(), ranAt,
                    alreadySent ? AafRunReport.Result.DEJA_LIVRE : AafRunReport.Result.AUCUN_FICHIER, 0, 0, 0,
                    elapsed(ranAt), List.of(), alreadySent ? archives.resolve(extraction.label()).toString() : null,
                    List.of(), selection.ignored());
        }

        DeliveryKeyPair key = keyStore.load(conventionNumero);
        AafProperties.Sftp timeouts = properties.sftp();
        SftpTarget target = new SftpTarget(settings.host(), settings.port(), settings.user(), settings.remoteDir(),
                settings.hostKeyFingerprint(), timeouts.delaiConnexion(), timeouts.delaiAuthentification(),
                timeouts.delaiInactivite());
        AafDeliveryConfig config = new AafDeliveryConfig(extraction, settings.zip(), settings.archiveName(extraction),
                settings.bordereau(), settings.recipientCode(), target, key, archives, annexScope);
        AafDeliveryPipeline pipeline = new AafDeliveryPipeline(selector, new AafVerifier(), new AafZipPackager(),
                new AafSftpUploader(), EngineClock.PARIS);

        AafDeliveryReport report = pipeline.deliver(inbox, config);
        LOG.info("Livraison AAF {} ({}) : {}", extraction.label(), conventionNumero, report.summary());
        if (report.status() == AafDeliveryReport.Status.FAILED) {
            String reasons = String.join(" ; ", report.problems());
            throw new AafDeliveryFailedException("Livraison AAF " + extraction.label() + " de la convention "
                    + conventionNumero + " : échec d'envoi SFTP – " + reasons + (reasons.endsWith(".") ? " " : ". ")
                    + "Le dossier de dépôt est intact ; le prochain essai renvoie tout.");
        }
        AafRunReport.Result result = report.sent() ? AafRunReport.Result.ENVOYE : AafRunReport.Result.REFUSE;
        return new AafRunReport(extraction.label(), run.type().label(), run.at(), ranAt, result, report.files().size(),
                report.totalLines(), report.totalBytes(), report.duration().toMillis(),
                report.uploaded().stream().map(UploadedFile::fileName).toList(),
                report.archivedTo() == null ? null : report.archivedTo().toString(), report.problems(), report.ignored(),
                report.sent() && annexScope != null ? structuresAfter(run, annexScope, report) : null,
                report.uaisOutsideAnnex());
    }

    /** A Complet declares every school the operator keeps; a Delta adds to what it knew. */
    private static Map<String, String> structuresAfter(AafSchedule.Run run, AafAnnexScope scope, AafDeliveryReport report) {
        Map<String, String> structures = new LinkedHashMap<>(run.type() == AafFileType.COMPLET ? Map.of() : scope.known());
        report.files().forEach(check -> structures.putAll(check.structures().declared()));
        return structures;
    }

    private static long elapsed(ZonedDateTime since) {
        return Math.max(0, java.time.Duration.between(since, ZonedDateTime.now(EngineClock.PARIS)).toMillis());
    }

    private static Path createDirectories(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("dossier des livraisons AAF inaccessible : " + folder, e);
        }
    }
}
