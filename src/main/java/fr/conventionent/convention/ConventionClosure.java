package fr.conventionent.convention;

import static fr.conventionent.kernel.ConventionVariables.*;
import static fr.conventionent.notification.MailTemplates.variables;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import fr.conventionent.document.ConventionDocument;
import fr.conventionent.document.RecordDocument;
import fr.conventionent.identity.EngineAuthorization;
import fr.conventionent.kernel.ConventionDates;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.kernel.SubmittedDates;
import fr.conventionent.notification.Mail;
import fr.conventionent.notification.MailQueue;
import fr.conventionent.notification.MailTemplates;

/**
 * The end of a convention, after a dénonciation (end of notice) or a résiliation (end of access):
 * its file is archived (every document and a closure sheet), what still runs about it is
 * cancelled (by the other features on {@link ConventionClosed}), the AAF deliveries are told to stop
 * (message {@code ConventionTerminee}), it becomes {@code terminee} and every party is told. Runs in an
 * asynchronous, retried step: the archive is written first and is idempotent, the rest happens only if the whole
 * step commits.
 */
@Component
public class ConventionClosure {

    private static final Logger LOG = LoggerFactory.getLogger(ConventionClosure.class);

    private final ConventionArchive archive;
    private final ConventionRegistry registry;
    private final RunningAvenants avenants;
    private final MailQueue mailQueue;
    private final MailTemplates templates;
    private final ConventionRecipients recipients;
    private final RuntimeService runtimeService;
    private final EngineAuthorization engineAuthorization;
    private final ConventionLife life;
    private final ConventionRecords records;
    private final ApplicationEventPublisher events;

    public ConventionClosure(ConventionArchive archive, ConventionRegistry registry, RunningAvenants avenants,
                             MailQueue mailQueue, MailTemplates templates,
                             ConventionRecipients recipients, RuntimeService runtimeService,
                             EngineAuthorization engineAuthorization, ConventionLife life,
                             ConventionRecords records, ApplicationEventPublisher events) {
        this.life = life;
        this.records = records;
        this.events = events;
        this.archive = archive;
        this.registry = registry;
        this.avenants = avenants;
        this.mailQueue = mailQueue;
        this.templates = templates;
        this.recipients = recipients;
        this.runtimeService = runtimeService;
        this.engineAuthorization = engineAuthorization;
    }

    public void close(DelegateExecution execution) throws IOException {
        String numero = execution.getProcessBusinessKey();
        LocalDate end = execution.getVariable(DATE_FIN_EXCLUSIVE) == null ? SubmittedDates.today()
                : ConventionDates.toLocalDate((Date) execution.getVariable(DATE_FIN_EXCLUSIVE));
        // what people read: the last day in force, inclusive
        LocalDate lastDay = end.minusDays(1);
        String how = howItEnded(execution, lastDay);

        List<String> archived = archiveDocuments(execution, numero);
        byte[] sheet = closureSheet(execution, numero, how, archived);
        String sheetName = "Cloture-" + numero + ".docx";
        archive.write(numero, sheetName, sheet);

        for (String charter : registry.running(ConventionProcess.USERS_CHARTER_KEY, numero)) {
            registry.cancel(charter, "Convention terminée");
        }
        events.publishEvent(new ConventionClosed(numero));
        avenants.cancel(numero, "la convention a pris fin (en vigueur jusqu'au " + FrenchFormats.longDate(lastDay)
                + " inclus)", execution);
        int deliveries = stopAafDeliveries(numero);

        execution.setVariable(STATUT, ConventionProcess.STATUT_TERMINEE);
        execution.setVariable(DATE_FIN_EXCLUSIVE, ConventionDates.toDate(end));
        life.ending(numero, ConventionProcess.STATUT_TERMINEE, end);
        execution.setVariable(DATE_CLOTURE, ConventionProcedures.today());
        LOG.info("Convention {} terminée ({}), {} livraison(s) AAF arrêtée(s), dossier archivé dans {}", numero,
                execution.getVariable(MOTIF_FIN), deliveries, archive.folder(numero));

        mailQueue.enqueue(numero, new Mail(recipients.everyone(execution), templates.render("convention-terminee",
                variables("numero", numero, "dernierJour", FrenchFormats.longDate(lastDay), "circonstances", how)),
                new Mail.Attachment(sheetName, ConventionDocument.MIME_TYPE, sheet)));
    }

    /**
     * Correlates {@code ConventionTerminee} to every {@code livraison-aaf} instance of this convention that
     * waits for it; none is fine (no delivery set up yet, or already stopped).
     */
    private int stopAafDeliveries(String numero) {
        return engineAuthorization.withoutChecks(() -> {
            List<Execution> waiting = runtimeService.createExecutionQuery()
                    .processDefinitionKey(ConventionProcess.AAF_DELIVERY_KEY).processInstanceBusinessKey(numero)
                    .messageEventSubscriptionName(ConventionProcess.MESSAGE_TERMINATED).list();
            for (Execution delivery : waiting) {
                runtimeService.createMessageCorrelation(ConventionProcess.MESSAGE_TERMINATED)
                        .processInstanceId(delivery.getProcessInstanceId())
                        .setVariable(STATUT, ConventionProcess.STATUT_TERMINEE).correlateAll();
            }
            return waiting.size();
        });
    }

    private String howItEnded(DelegateExecution execution, LocalDate lastDay) {
        String numero = execution.getProcessBusinessKey();
        String convention = "La convention ENT n° " + numero + " entre l'académie et la commune de "
                + records.communeName(numero);
        Object motif = execution.getVariable(MOTIF_FIN);
        if (MOTIF_FIN_DENONCIATION.equals(motif) && execution.getVariable(DATE_NOTIFICATION_DENONCIATION) != null) {
            return convention + ", dénoncée le " + FrenchFormats.longDate((Date) execution.getVariable(
                    DATE_NOTIFICATION_DENONCIATION)) + ", est restée en vigueur jusqu'au " + FrenchFormats.longDate(lastDay)
                    + " inclus, terme du préavis de 3 mois (article 11).";
        }
        if (MOTIF_FIN_RESILIATION.equals(motif) && execution.getVariable(DATE_RESILIATION) != null) {
            return convention + ", résiliée de plein droit le " + FrenchFormats.longDate((Date) execution.getVariable(
                    DATE_RESILIATION)) + " (article 12), a pris fin : l'accès à l'ENT était maintenu jusqu'au "
                    + FrenchFormats.longDate(lastDay) + " inclus, fin de l'année scolaire.";
        }
        return convention + " est restée en vigueur jusqu'au " + FrenchFormats.longDate(lastDay) + " inclus.";
    }

    /** Every document of the convention (each version, avenants, signed scans, letters) into the archive. */
    private List<String> archiveDocuments(DelegateExecution execution, String numero) throws IOException {
        List<String> archived = new ArrayList<>();
        VariableMap variables = execution.getVariablesTyped();
        for (String name : variables.keySet()) {
            TypedValue value = variables.getValueTyped(name);
            if (value instanceof FileValue file && file.getValue() != null && !archived.contains(file.getFilename())) {
                try (InputStream in = file.getValue()) {
                    archive.write(numero, file.getFilename(), in.readAllBytes());
                }
                archived.add(file.getFilename());
            }
        }
        return archived;
    }

    private byte[] closureSheet(DelegateExecution execution, String numero, String how, List<String> archived) {
        RecordDocument sheet = new RecordDocument("FICHE DE CLÔTURE DE LA CONVENTION ENT",
                "Convention n° " + numero + " – commune de " + records.communeName(numero) + " ("
                        + execution.getVariable(COMMUNE_INSEE) + ") – fiche établie le "
                        + FrenchFormats.longDate(SubmittedDates.today()));
        List<String> dates = new ArrayList<>();
        dates.add(how);
        dates.add("Signée le " + longDate(execution.getVariable(DATE_SIGNATURE)) + " ; période initiale de 4 ans"
                + " jusqu'au " + longDate(execution.getVariable(DERNIER_JOUR_PERIODE_INITIALE)) + " inclus ; dernière"
                + " période en cours jusqu'au " + longDate(execution.getVariable(DERNIER_JOUR_PERIODE)) + " inclus.");
        if (execution.getVariable(DATE_ENVOI_MISE_EN_DEMEURE) != null) {
            dates.add("Mise en demeure envoyée le " + longDate(execution.getVariable(DATE_ENVOI_MISE_EN_DEMEURE)) + ".");
        }
        if (execution.getVariable(DATE_FIN_ACCES_EXCLUSIVE) != null) {
            dates.add("Accès à l'ENT maintenu jusqu'à la fin de l'année scolaire, soit jusqu'au "
                    + FrenchFormats.longDate(ConventionDates.toLocalDate((Date) execution.getVariable(
                    DATE_FIN_ACCES_EXCLUSIVE)).minusDays(1)) + " inclus.");
        }
        sheet.lines("Fin de la convention", dates);
        sheet.table("Reconductions tacites", List.of("N°", "À compter du", "Jusqu'au (inclus)"),
                rows(execution.getVariable(RECONDUCTIONS), "numero", "dateEffet", "jusquAu"),
                "Aucune reconduction : la convention a pris fin pendant sa période initiale.");
        sheet.table("Versions", List.of("Version", "Depuis le", "Origine"), records.versions(numero).stream()
                .filter(version -> version.depuis() != null)
                .map(version -> List.of(String.valueOf(version.version()), FrenchFormats.longDate(version.depuis()),
                        version.origine() == null ? "" : version.origine())).toList(), "Version 1 seulement.");
        sheet.table("Avenants", List.of("N°", "Objet", "Signé le"),
                rows(execution.getVariable(AVENANTS), "numero", "objet", "dateSignature"), "Aucun avenant.");
        sheet.table("Comités de pilotage", List.of("N°", "Date", "Lieu", "Compte rendu"),
                rows(execution.getVariable(COMITES), "numero", "date", "lieu", "compteRendu"), "Aucun comité tenu.");
        sheet.table("Charte des utilisateurs de l'ENT", List.of("UAI", "École", "Adoptée en conseil d'école le"),
                rows(execution.getVariable(CHARTES), "uai", "nom", "dateAdoption"), "Aucune école suivie.");
        sheet.table("Documents archivés", List.of("Fichier"),
                archived.stream().map(List::of).toList(), "Aucun document.");
        return sheet.toBytes();
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> rows(Object json, String... keys) {
        List<List<String>> rows = new ArrayList<>();
        for (Object item : JsonVariables.readList(json, Map.class)) {
            Map<String, Object> entry = new LinkedHashMap<>((Map<String, Object>) item);
            List<String> row = new ArrayList<>();
            for (String key : keys) {
                Object value = entry.get(key);
                row.add(value == null ? "" : value.toString());
            }
            rows.add(row);
        }
        return rows;
    }

    private static String longDate(Object date) {
        return date instanceof Date value ? FrenchFormats.longDate(value) : "—";
    }
}
