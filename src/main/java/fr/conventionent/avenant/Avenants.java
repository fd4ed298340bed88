package fr.conventionent.avenant;

import static fr.conventionent.avenant.AvenantProcess.*;
import static fr.conventionent.kernel.ConventionVariables.*;
import static fr.conventionent.notification.MailTemplates.variables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import fr.conventionent.charter.UsersCharter;
import fr.conventionent.kernel.ConventionChanges;
import fr.conventionent.kernel.ConventionData;
import fr.conventionent.kernel.ConventionDataMapper;
import fr.conventionent.convention.ConventionDataValidator;
import fr.conventionent.kernel.ConventionDates;
import fr.conventionent.convention.ConventionProcedures;
import fr.conventionent.convention.ConventionRecipients;
import fr.conventionent.convention.ConventionRef;
import fr.conventionent.convention.ConventionRecords;
import fr.conventionent.convention.OperatorChanged;
import fr.conventionent.convention.ConventionRepresentatives;
import fr.conventionent.convention.ConventionRegistry;
import fr.conventionent.convention.ConventionVersions;
import fr.conventionent.kernel.Ecole;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.InvalidSubmissionException;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.kernel.SubmittedDates;
import fr.conventionent.document.AvenantDocument;
import fr.conventionent.document.ConventionDocument;
import fr.conventionent.identity.UserDirectory;
import fr.conventionent.notification.Mail;
import fr.conventionent.notification.MailQueue;
import fr.conventionent.notification.MailTemplates;

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
    private final UserDirectory users;
    private final ConventionRepresentatives representatives;
    private final ConventionRecords records;
    private final ApplicationEventPublisher events;

    public Avenants(ConventionProcedures procedures, ConventionRegistry registry, ConventionDataValidator validator,
                    ConventionDocument conventionDocument, AvenantDocument avenantDocument, UsersCharter charter,
                    MailQueue mailQueue, MailTemplates templates,
                    ConventionRecipients recipients, UserDirectory users,
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
        this.users = users;
        this.representatives = representatives;
        this.records = records;
        this.events = events;
    }

    /** What the avenant starts from: what the convention says today (its record); the parties then edit it. */
    public ConventionData current(String numero) {
        return records.current(numero).orElseThrow(() -> new IllegalStateException(
                "La convention " + numero + " n'a pas de données enregistrées"));
    }

    /** "Rédiger l'avenant", checked: object, clauses, and the annexes as proposed, with what changes. */
    public record Draft(String objet, String clauses, ConventionData proposal, ConventionChanges changes) {

        /** The changes in French, shown in the review forms and mails. */
        public String summary() {
            return Avenants.summary(objet, clauses, changes);
        }
    }

    /** "Rédiger l'avenant": object, clauses and/or Annexe 1 and 2 edited, all checked on the server. */
    public Draft checkDraft(Object objetTyped, Object clausesTyped, ConventionData proposed, ConventionData before) {
        List<String> errors = new ArrayList<>();
        String objet = text(objetTyped);
        String clauses = text(clausesTyped);
        if (objet.isEmpty()) {
            errors.add("Indiquez l'objet de l'avenant.");
        } else if (objet.length() > MAX_OBJET) {
            errors.add("L'objet de l'avenant est limité à " + MAX_OBJET + " caractères.");
        }
        if (clauses.length() > MAX_CLAUSES) {
            errors.add("Les clauses modifiées sont limitées à " + MAX_CLAUSES + " caractères.");
        }
        ConventionData proposal = ConventionDataMapper.normalize(proposed);
        if (proposal.ecoles().isEmpty()) {
            throw new InvalidSubmissionException("Un avenant ne peut pas retirer toutes les écoles de l'annexe 1 :"
                    + " la convention n'aurait plus d'objet. Pour y mettre fin, dénoncez-la (article 11).");
        }
        errors.addAll(validator.validate(proposal));
        ConventionChanges changes = ConventionChanges.between(before, proposal);
        if (errors.isEmpty() && changes.isEmpty() && clauses.isEmpty()) {
            errors.add("L'avenant ne modifie rien : décrivez les clauses modifiées, ou modifiez l'annexe 1 (écoles)"
                    + " ou l'annexe 2 (coordonnées).");
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        return new Draft(objet, clauses, proposal, changes);
    }

    /** The commune's approval or the DACES's review: {@code valider}, or {@code rejeter} with a reason. */
    public String checkReview(Object decision, Object motifTyped) {
        String motif = text(motifTyped);
        if (DECISION_REJETER.equals(decision)) {
            if (motif.isEmpty()) {
                throw new InvalidSubmissionException("Indiquez le motif du refus : il sera transmis aux deux parties.");
            }
            return motif;
        }
        if (!DECISION_VALIDER.equals(decision)) {
            throw new InvalidSubmissionException("Choisissez une décision : approuver ou refuser l'avenant.");
        }
        return motif;
    }

    /** The commune's approval as the avenant keeps it: how, when and by whom. */
    public TypedValue approval(String mode) {
        Map<String, Object> approval = new LinkedHashMap<>();
        approval.put("mode", mode);
        approval.put("date", SubmittedDates.today().toString());
        approval.put("par", users.currentUserId());
        return JsonVariables.write(approval);
    }

    /** The avenant as drafted and numbered, with the day the convention was signed, which it cites. */
    public record Numbered(String numero, int avenantNumero, LocalDate conventionSigned, Draft draft) {
    }

    /** The numbered avenant (DOCX), which the signature circuit has signed. */
    public FileValue generate(Numbered avenant, ConventionData before) {
        String numero = avenant.numero();
        // the maire and référent in office today, even if declared after the avenant was opened
        ConventionData signedBefore = representatives.applyTo(numero, before, SubmittedDates.today());
        Draft draft = avenant.draft();
        byte[] docx = avenantDocument.generate(new AvenantDocument.Avenant(numero, avenant.avenantNumero(),
                avenant.conventionSigned(), avenant.avenantNumero() + 1, signedBefore,
                draft.changes().applyTo(signedBefore, draft.proposal()), draft.objet(), draft.clauses(), draft.changes()));
        return Variables.fileValue(AvenantDocument.fileName(numero, avenant.avenantNumero()))
                .file(docx).mimeType(AvenantDocument.MIME_TYPE).create();
    }

    /** The avenant signed: the day, its DOCX and the signed scan if one was filed. */
    public record Signed(Numbered avenant, Date signed, FileValue docx, FileValue scan) {
    }

    /**
     * Signed: the convention takes the new data, its version goes up, its consolidated DOCX is
     * regenerated; the previous version stays in {@code versions} and {@code conventionDocxVn}.
     */
    public void apply(Signed signedAvenant) {
        Numbered avenant = signedAvenant.avenant();
        Draft draft = avenant.draft();
        String numero = avenant.numero();
        ConventionRef convention = registry.get(numero);
        int avenantNumero = avenant.avenantNumero();
        if (!convention.inForce()) {
            throw new IllegalStateException("La convention " + numero + " n'est plus en vigueur (" + convention.statut()
                    + ") : l'avenant n° " + avenantNumero + " ne peut pas s'appliquer.");
        }
        Map<String, Object> stored = registry.variables(convention, DATA);
        ConventionData current = records.current(numero).orElseGet(() -> representatives.applyTo(numero,
                ConventionDataMapper.read(stored), SubmittedDates.today()));
        ConventionData next = draft.changes().applyTo(current, draft.proposal());
        int version = ((Number) stored.get(VERSION)).intValue() + 1;
        Date signed = signedAvenant.signed();

        FileValue docx = Variables.fileValue(ConventionDocument.fileName(numero, version))
                .file(conventionDocument.generate(next, numero, version)).mimeType(ConventionDocument.MIME_TYPE).create();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("numero", avenantNumero);
        record.put("objet", draft.objet());
        record.put("dateSignature", ConventionDates.toLocalDate(signed).toString());
        record.put("versionAvant", version - 1);
        record.put("versionApres", version);
        record.put("clausesModifiees", draft.clauses());
        record.put("modifications", draft.changes().describe());
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
        update.put(docxVariable(avenantNumero), signedAvenant.docx());
        if (signedAvenant.scan() != null) {
            update.put(scanVariable(avenantNumero), signedAvenant.scan());
        }
        registry.set(convention, update);
        records.recordSigned(numero, version, ConventionDates.toLocalDate(signed), "Avenant n° " + avenantNumero, next);
        if (!Objects.equals(current.exploitantEnt(), next.exploitantEnt())
                || !Objects.equals(current.correspondantsTechniques(), next.correspondantsTechniques())) {
            events.publishEvent(new OperatorChanged(numero, current.exploitantEnt(), next.exploitantEnt()));
        }
        charter.schoolsChanged(convention, draft.changes().ecolesAjoutees(),
                draft.changes().ecolesRetirees().stream().map(Ecole::uai).toList());

        mailQueue.enqueue(numero, new Mail(recipients.bothParties(convention), templates.render("avenant-applique",
                variables("numero", numero, "avenantNumero", avenantNumero, "objet", draft.objet(),
                        "dateSignature", FrenchFormats.longDate(signed), "version", version,
                        "resume", draft.summary())),
                Mail.Attachment.of(signedAvenant.docx())));
    }

    /**
     * Abandoned by its author, refused by the commune or rejected by the DACES: both parties are told.
     *
     * @param issue abandonne, refuse or rejete
     */
    public void close(String numero, Object avenantNumero, String issue, Object objetTyped, Object motifTyped) {
        String objet = text(objetTyped);
        String motif = text(motifTyped);
        mailQueue.enqueue(numero, new Mail(recipients.bothParties(registry.get(numero)),
                templates.render("avenant-non-poursuivi", variables("numero", numero, "avenantNumero", avenantNumero,
                        "objet", objet.isEmpty() ? null : objet, "issue", issue,
                        // the motif is asked for a refusal or a rejection, not for an abandonment
                        "motif", motif.isEmpty() || !List.of("refuse", "rejete").contains(issue) ? null : motif))));
    }

    /** Whatever its outcome (including its cancellation), the avenant frees its convention. */
    public void release(String numero, String avenantInstanceId) {
        procedures.releaseAvenant(numero, avenantInstanceId);
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
