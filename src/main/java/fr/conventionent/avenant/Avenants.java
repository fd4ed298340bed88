package fr.conventionent.avenant;

import static fr.conventionent.avenant.AvenantProcess.*;
import static fr.conventionent.kernel.ConventionVariables.*;
import static fr.conventionent.notification.MailTemplates.variables;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import fr.conventionent.charter.UsersCharter;
import fr.conventionent.convention.ConventionDataValidator;
import fr.conventionent.convention.ConventionProcedures;
import fr.conventionent.convention.ConventionRecipients;
import fr.conventionent.convention.ConventionRecords;
import fr.conventionent.convention.ConventionRef;
import fr.conventionent.convention.ConventionRegistry;
import fr.conventionent.convention.ConventionRepresentatives;
import fr.conventionent.convention.ConventionVersions;
import fr.conventionent.convention.OperatorChanged;
import fr.conventionent.document.AvenantDocument;
import fr.conventionent.document.ConventionDocument;
import fr.conventionent.identity.UserDirectory;
import fr.conventionent.kernel.ConventionChanges;
import fr.conventionent.kernel.ConventionData;
import fr.conventionent.kernel.ConventionDataMapper;
import fr.conventionent.kernel.ConventionDates;
import fr.conventionent.kernel.Ecole;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.InvalidSubmissionException;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.kernel.Party;
import fr.conventionent.kernel.SubmittedDates;
import fr.conventionent.notification.Mail;
import fr.conventionent.notification.MailQueue;
import fr.conventionent.notification.MailTemplates;
import fr.conventionent.signature.CircuitJournal;

/**
 * Article 10: « toute modification des conditions ou modalités d'exécution de la présente
 * convention, définie d'un commun accord entre les parties, fera l'objet d'un avenant,
 * préalablement approuvé par la commune. Celui-ci précisera les éléments modifiés de la
 * convention, sans que ceux-ci puissent conduire à remettre en cause les objectifs généraux fixés
 * dans la convention. »
 *
 * <p>Either party drafts the avenant (object, clauses in words, Annexe 1 and 2 edited in place);
 * the commune approves it (its own proposal counts as approval); the DACES checks the general
 * objectives; the same signature circuit as the convention runs; once signed, the avenant is
 * applied: the convention's data change, its version goes up, and every earlier version stays
 * readable ({@code versions}, {@code conventionDocxVn}).
 */
@Component
public class Avenants {

    static final int MAX_OBJET = 500;
    static final int MAX_CLAUSES = 10000;
    private static final List<String> DATA = List.of(COMMUNE_INSEE, COMMUNE_NOM, COMMUNE_ADRESSE, MAIRE_NOM, ECOLES,
            REFERENT_ENT, CORRESPONDANTS_TECHNIQUES, EDITEUR_ENT, EXPLOITANT_ENT, DPO_COMMUNE, VERSION, VERSIONS, AVENANTS,
            DATE_SIGNATURE);

    private final ConventionProcedures procedures;
    private final ConventionRegistry registry;
    private final ConventionDataValidator validator;
    private final ConventionDocument conventionDocument;
    private final AvenantDocument avenantDocument;
    private final UsersCharter charter;
    private final MailQueue mailQueue;
    private final MailTemplates templates;
    private final ConventionRecipients recipients;
    private final CircuitJournal journal;
    private final UserDirectory users;
    private final ConventionRepresentatives representatives;
    private final ConventionRecords records;
    private final ApplicationEventPublisher events;

    public Avenants(ConventionProcedures procedures, ConventionRegistry registry, ConventionDataValidator validator,
                    ConventionDocument conventionDocument, AvenantDocument avenantDocument, UsersCharter charter,
                    MailQueue mailQueue, MailTemplates templates,
                    ConventionRecipients recipients, CircuitJournal journal, UserDirectory users,
                    ConventionRepresentatives representatives, ConventionRecords records,
                    ApplicationEventPublisher events) {
        this.procedures = procedures;
        this.registry = registry;
        this.validator = validator;
        this.conventionDocument = conventionDocument;
        this.avenantDocument = avenantDocument;
        this.charter = charter;
        this.mailQueue = mailQueue;
        this.templates = templates;
        this.recipients = recipients;
        this.journal = journal;
        this.users = users;
        this.representatives = representatives;
        this.records = records;
        this.events = events;
    }

    /** Start: checks the convention and who proposes; the avenant is numbered after the current version. */
    public void open(DelegateExecution execution) {
        ConventionRef convention = procedures.open(execution, ConventionProcedures.Kind.AVENANT);
        execution.setVariable(AVENANT_NUMERO, execution.getVariable(VERSION));
        // the avenant's draft starts from what the convention says today (its record), then the parties edit it
        ConventionData current = records.current(convention.numero()).orElseThrow(() -> new IllegalStateException(
                "La convention " + convention.numero() + " n'a pas de données enregistrées"));
        execution.setVariable(CONVENTION_AVANT, JsonVariables.write(current));
        ConventionDataMapper.write(current, execution);
    }

    /** "Rédiger l'avenant": object, clauses and/or Annexe 1 and 2 edited, all checked on the server. */
    public void checkDraft(DelegateTask task) {
        if (Boolean.TRUE.equals(task.getVariable(ABANDONNER))) {
            return;
        }
        task.setVariable(ABANDONNER, false);
        List<String> errors = new ArrayList<>();
        String objet = text(task.getVariable(OBJET));
        String clauses = text(task.getVariable(CLAUSES));
        if (objet.isEmpty()) {
            errors.add("Indiquez l'objet de l'avenant.");
        } else if (objet.length() > MAX_OBJET) {
            errors.add("L'objet de l'avenant est limité à " + MAX_OBJET + " caractères.");
        }
        if (clauses.length() > MAX_CLAUSES) {
            errors.add("Les clauses modifiées sont limitées à " + MAX_CLAUSES + " caractères.");
        }
        ConventionData proposal = ConventionDataMapper.normalize(ConventionDataMapper.read(task.getExecution()));
        if (proposal.ecoles().isEmpty()) {
            throw new InvalidSubmissionException("Un avenant ne peut pas retirer toutes les écoles de l'annexe 1 :"
                    + " la convention n'aurait plus d'objet. Pour y mettre fin, dénoncez-la (article 11).");
        }
        errors.addAll(validator.validate(proposal));
        ConventionChanges changes = ConventionChanges.between(before(task.getExecution()), proposal);
        if (errors.isEmpty() && changes.isEmpty() && clauses.isEmpty()) {
            errors.add("L'avenant ne modifie rien : décrivez les clauses modifiées, ou modifiez l'annexe 1 (écoles)"
                    + " ou l'annexe 2 (coordonnées).");
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        ConventionDataMapper.write(proposal, task.getExecution());
        task.setVariable(OBJET, objet);
        task.setVariable(CLAUSES, clauses);
        task.setVariable(MODIFICATIONS, JsonVariables.write(changes));
        task.setVariable(RESUME, summary(objet, clauses, changes));
        task.getExecution().removeVariable(MOTIF_REJET);
        task.getExecution().removeVariable(ETAPE_REJET);
        if (Party.COMMUNE.code().equals(task.getVariable(PARTIE_INITIATRICE))) {
            task.setVariable(APPROBATION_COMMUNE, approval("proposé par la commune"));
        } else {
            task.getExecution().removeVariable(APPROBATION_COMMUNE);
        }
        journal.record(task, "soumis", null);
    }

    /** The commune's approval and the DACES's review: {@code valider} or {@code rejeter} with a reason. */
    public void review(DelegateTask task) {
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            task.getExecution().removeVariable(DECISION);
            task.getExecution().removeVariable(MOTIF);
            return;
        }
        Object decision = task.getVariable(DECISION);
        String motif = text(task.getVariable(MOTIF));
        if (DECISION_REJETER.equals(decision)) {
            if (motif.isEmpty()) {
                throw new InvalidSubmissionException("Indiquez le motif du refus : il sera transmis aux deux parties.");
            }
            task.setVariable(MOTIF, motif);
        } else if (!DECISION_VALIDER.equals(decision)) {
            throw new InvalidSubmissionException("Choisissez une décision : approuver ou refuser l'avenant.");
        } else if (TASK_APPROVE_BY_COMMUNE.equals(task.getTaskDefinitionKey())) {
            task.setVariable(APPROBATION_COMMUNE, approval("approuvé par la commune"));
        }
        journal.record(task, (String) decision, motif.isEmpty() ? null : motif);
    }

    /** The numbered avenant (DOCX), which the signature circuit has signed. */
    public void generate(DelegateExecution execution) {
        String numero = execution.getProcessBusinessKey();
        int avenantNumero = (Integer) execution.getVariable(AVENANT_NUMERO);
        // the maire and référent in office today, even if declared after the avenant was opened
        ConventionData before = representatives.applyTo(numero, before(execution), SubmittedDates.today());
        ConventionData proposal = ConventionDataMapper.read(execution);
        ConventionChanges changes = changes(execution);
        byte[] docx = avenantDocument.generate(new AvenantDocument.Avenant(numero, avenantNumero,
                SubmittedDates.storedDay(execution.getVariable(DATE_SIGNATURE_CONVENTION)), avenantNumero + 1, before,
                changes.applyTo(before, proposal), (String) execution.getVariable(OBJET),
                (String) execution.getVariable(CLAUSES), changes));
        execution.setVariable(AVENANT_DOCX, Variables.fileValue(AvenantDocument.fileName(numero, avenantNumero))
                .file(docx).mimeType(AvenantDocument.MIME_TYPE).create());
    }

    /**
     * Signed: the convention takes the new data, its version goes up, its consolidated DOCX is
     * regenerated; the previous version stays in {@code versions} and {@code conventionDocxVn}.
     */
    public void apply(DelegateExecution execution) {
        String numero = execution.getProcessBusinessKey();
        ConventionRef convention = registry.get(numero);
        int avenantNumero = (Integer) execution.getVariable(AVENANT_NUMERO);
        if (!convention.inForce()) {
            throw new IllegalStateException("La convention " + numero + " n'est plus en vigueur (" + convention.statut()
                    + ") : l'avenant n° " + avenantNumero + " ne peut pas s'appliquer.");
        }
        Map<String, Object> stored = registry.variables(convention, DATA);
        ConventionData current = records.current(numero).orElseGet(() -> representatives.applyTo(numero,
                ConventionDataMapper.read(stored), SubmittedDates.today()));
        ConventionChanges changes = changes(execution);
        ConventionData next = changes.applyTo(current, ConventionDataMapper.read(execution));
        int version = ((Number) stored.get(VERSION)).intValue() + 1;
        Date signed = (Date) execution.getVariable(DATE_SIGNATURE_AVENANT);

        FileValue docx = Variables.fileValue(ConventionDocument.fileName(numero, version))
                .file(conventionDocument.generate(next, numero, version)).mimeType(ConventionDocument.MIME_TYPE).create();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("numero", avenantNumero);
        record.put("objet", execution.getVariable(OBJET));
        record.put("dateSignature", ConventionDates.toLocalDate(signed).toString());
        record.put("versionAvant", version - 1);
        record.put("versionApres", version);
        record.put("clausesModifiees", execution.getVariable(CLAUSES));
        record.put("modifications", changes.describe());
        record.put("document", docxVariable(avenantNumero));
        List<Object> avenants = new ArrayList<>(JsonVariables.readList(stored.get(AVENANTS), Object.class));
        avenants.add(record);

        // what the convention says now is its new version in its record (below); the process keeps its version
        // number (routing of later avenants), the list of its avenants and the documents
        Map<String, Object> update = new LinkedHashMap<>();
        update.put(VERSION, version);
        update.put(AVENANTS, JsonVariables.write(avenants));
        update.put(CONVENTION_DOCX, docx);
        update.put(ConventionVersions.docxVariable(version), docx);
        update.put(docxVariable(avenantNumero), execution.getVariableTyped(AVENANT_DOCX));
        if (execution.getVariableTyped(AVENANT_SIGNE_SCAN) != null) {
            update.put(scanVariable(avenantNumero), execution.getVariableTyped(AVENANT_SIGNE_SCAN));
        }
        registry.set(convention, update);
        records.recordSigned(numero, version, ConventionDates.toLocalDate(signed), "Avenant n° " + avenantNumero, next);
        if (!Objects.equals(current.exploitantEnt(), next.exploitantEnt())
                || !Objects.equals(current.correspondantsTechniques(), next.correspondantsTechniques())) {
            events.publishEvent(new OperatorChanged(numero, current.exploitantEnt(), next.exploitantEnt()));
        }
        charter.schoolsChanged(convention, changes.ecolesAjoutees(),
                changes.ecolesRetirees().stream().map(Ecole::uai).toList());

        FileValue avenantDocx = execution.getVariableTyped(AVENANT_DOCX);
        mailQueue.enqueue(numero, new Mail(recipients.bothParties(execution), templates.render("avenant-applique",
                variables("numero", numero, "avenantNumero", avenantNumero, "objet", execution.getVariable(OBJET),
                        "dateSignature", FrenchFormats.longDate(signed), "version", version,
                        "resume", execution.getVariable(RESUME))),
                Mail.Attachment.of(avenantDocx)));
    }

    /** Abandoned by its author, refused by the commune or rejected by the DACES: both parties are told. */
    public void close(DelegateExecution execution) {
        String numero = execution.getProcessBusinessKey();
        String issue = String.valueOf(execution.getVariable(ISSUE));
        String objet = text(execution.getVariable(OBJET));
        String motif = text(execution.getVariable(MOTIF));
        mailQueue.enqueue(numero, new Mail(recipients.bothParties(execution), templates.render("avenant-non-poursuivi",
                variables("numero", numero, "avenantNumero", execution.getVariable(AVENANT_NUMERO),
                        "objet", objet.isEmpty() ? null : objet, "issue", issue,
                        // the motif is asked for a refusal or a rejection, not for an abandonment
                        "motif", motif.isEmpty() || !List.of("refuse", "rejete").contains(issue) ? null : motif))));
    }

    /** Whatever its outcome (including its cancellation), the avenant frees its convention. */
    public void release(DelegateExecution execution) {
        procedures.releaseAvenant(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }

    private Object approval(String mode) {
        Map<String, Object> approval = new LinkedHashMap<>();
        approval.put("mode", mode);
        approval.put("date", SubmittedDates.today().toString());
        approval.put("par", users.currentUserId());
        return JsonVariables.write(approval);
    }

    private static ConventionData before(DelegateExecution execution) {
        return JsonVariables.readObject(execution.getVariable(CONVENTION_AVANT), ConventionData.class);
    }

    private static ConventionChanges changes(DelegateExecution execution) {
        return JsonVariables.readObject(execution.getVariable(MODIFICATIONS), ConventionChanges.class);
    }

    static String summary(String objet, String clauses, ConventionChanges changes) {
        StringBuilder text = new StringBuilder("Objet : ").append(objet);
        if (!clauses.isEmpty()) {
            text.append("\n\nClauses modifiées :\n").append(clauses);
        }
        if (!changes.isEmpty()) {
            text.append("\n\nModifications des annexes :");
            changes.describe().forEach(line -> text.append("\n- ").append(line));
        }
        return text.toString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }
}
