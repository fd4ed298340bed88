package fr.conventionent.resiliation;

import static fr.conventionent.kernel.ConventionVariables.*;
import static fr.conventionent.notification.MailTemplates.variables;
import static fr.conventionent.resiliation.ResiliationProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

import fr.conventionent.kernel.ConventionDates;
import fr.conventionent.convention.ConventionLife;
import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.convention.ConventionRecords;
import fr.conventionent.convention.ConventionRef;
import fr.conventionent.convention.ConventionRegistry;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.InvalidSubmissionException;
import fr.conventionent.kernel.Party;
import fr.conventionent.convention.RunningAvenants;
import fr.conventionent.kernel.SubmittedDates;
import fr.conventionent.identity.EngineAuthorization;
import fr.conventionent.notice.NoticeProcedures;
import fr.conventionent.notice.RegisteredLetter;

/**
 * Article 12: « en cas de faute grave ou de non-respect de ses engagements contractuels par l'une
 * des parties ne résultant pas d'un cas de force majeure, l'autre partie pourra résilier de plein
 * droit la présente convention à l'expiration d'un délai de trois mois suivant l'envoi d'une lettre
 * recommandée avec avis de réception, valant mise en demeure, restée sans effet. Jusqu'à
 * l'expiration du délai de préavis, les parties […] seront tenues d'exécuter leurs obligations
 * contractuelles. Dans ces conditions, l'ENT reste accessible jusqu'à la fin de l'année scolaire
 * en cours. » The process reaches these rules through {@link ResiliationSteps}.
 */
@Component
public class Resiliations {

    static final int MAX_TEXT = 4000;

    /** "Qualifier le manquement", as submitted. */
    public record BreachForm(Object nature, Object commitment, Object description, Object noForceMajeure) {
    }

    /** The breach, checked: its nature, the commitment broken (null for a faute grave that names none). */
    public record Breach(String nature, Commitment commitment, String description) {

        /** "une faute grave" or "le non-respect de l'engagement suivant : …". */
        public String text() {
            if (NATURE_FAUTE_GRAVE.equals(nature)) {
                return "une faute grave" + (commitment == null ? "" : " relative à l'engagement suivant\u00a0: "
                        + commitment.label());
            }
            return "le non-respect de l'engagement contractuel suivant\u00a0: "
                    + (commitment == null ? "" : commitment.label());
        }
    }

    /** "Envoyer la mise en demeure", as submitted; checked, {@code sent} is null when the résiliation is renounced. */
    public record Sending(LocalDate sent, String lrarNumber) {
    }

    /** "Enregistrer l'avis de réception": one of the two dates, after the sending. */
    public record Acknowledgement(LocalDate received, LocalDate firstPresentation) {
    }

    /** "Constater la régularisation", checked. */
    public record Remedy(LocalDate remedied, String comment) {
    }

    private final NoticeProcedures notice;
    private final ConventionRegistry registry;
    private final ConventionDates dates;
    private final RunningAvenants avenants;
    private final RuntimeService runtimeService;
    private final EngineAuthorization engineAuthorization;
    private final ConventionLife life;
    private final ConventionRecords records;

    public Resiliations(NoticeProcedures notice, ConventionRegistry registry, ConventionDates dates,
                        RunningAvenants avenants, RuntimeService runtimeService,
                        EngineAuthorization engineAuthorization, ConventionLife life, ConventionRecords records) {
        this.notice = notice;
        this.registry = registry;
        this.dates = dates;
        this.avenants = avenants;
        this.runtimeService = runtimeService;
        this.engineAuthorization = engineAuthorization;
        this.life = life;
        this.records = records;
    }

    /** "Qualifier le manquement": the breach, a commitment of the other party, and no force majeure. */
    public Breach checkBreach(Party initiator, BreachForm form) {
        List<String> errors = new ArrayList<>();
        Object nature = form.nature();
        Object code = form.commitment();
        boolean hasCommitment = code != null && !code.toString().isBlank();
        if (!NATURE_FAUTE_GRAVE.equals(nature) && !NATURE_NON_RESPECT.equals(nature)) {
            errors.add("Indiquez la nature du manquement : faute grave ou non-respect d'un engagement.");
        } else if (NATURE_NON_RESPECT.equals(nature) && !hasCommitment) {
            errors.add("Indiquez l'engagement contractuel qui n'a pas été respecté.");
        }
        Commitment commitment = hasCommitment ? Commitment.of(code).orElse(null) : null;
        if (hasCommitment && commitment == null) {
            errors.add("Engagement inconnu : « " + code + " ».");
        } else if (commitment != null && commitment.party() == initiator) {
            errors.add("L'engagement « " + commitment.label() + " » est un engagement de "
                    + (initiator == Party.COMMUNE ? "la commune" : "l'académie") + " : la résiliation sanctionne un"
                    + " manquement de l'autre partie.");
        }
        String description = text(form.description());
        if (description.isEmpty()) {
            errors.add("Décrivez le manquement : il sera exposé dans la mise en demeure.");
        } else if (description.length() > MAX_TEXT) {
            errors.add("La description du manquement est limitée à " + MAX_TEXT + " caractères.");
        }
        if (!Boolean.TRUE.equals(form.noForceMajeure())) {
            errors.add("La résiliation n'est possible que si le manquement ne résulte pas d'un cas de force majeure"
                    + " (article 12) : confirmez-le, ou renoncez à la résiliation.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        return new Breach((String) nature, commitment, description);
    }

    public static String formalNoticeSubject() {
        return "Mise en demeure – convention relative à l'utilisation de l'ENT dans les écoles";
    }

    /** The mise en demeure, to be sent by registered letter with acknowledgement of receipt. */
    public List<String> formalNoticeBody(ConventionRef convention, Party from, Breach breach) {
        List<String> body = new ArrayList<>();
        body.add("Par la présente lettre recommandée avec avis de réception, valant mise en demeure au sens de"
                + " l'article 12 de la convention citée en référence, " + notice.partyName(convention, from)
                + " constate " + breach.text() + ".");
        body.add("Exposé du manquement : " + breach.description());
        body.add("Ce manquement ne résulte pas d'un cas de force majeure.");
        body.add("En conséquence, vous êtes mis en demeure d'y remédier. À défaut, à l'expiration d'un délai de trois"
                + " mois suivant l'envoi de la présente lettre restée sans effet, la convention sera résiliée de plein"
                + " droit.");
        body.add("Jusqu'à l'expiration de ce délai, les parties restent tenues d'exécuter leurs obligations"
                + " contractuelles. En cas de résiliation, l'ENT restera accessible aux écoles jusqu'à la fin de"
                + " l'année scolaire en cours.");
        return body;
    }

    /** "Envoyer la mise en demeure": sent on a day between the opening and today, or abandoned. */
    public Sending checkSending(Object decision, Object sentValue, Object lrarNumber, LocalDate opened) {
        if (DECISION_ABANDONNER.equals(decision)) {
            return new Sending(null, null);
        }
        if (!DECISION_ENVOYEE.equals(decision)) {
            throw new InvalidSubmissionException("Indiquez si la mise en demeure a été envoyée ou si vous renoncez à"
                    + " la résiliation.");
        }
        LocalDate sent = RegisteredLetter.sent(sentValue, true, opened,
                "l'ouverture de la procédure de résiliation dans l'application");
        String number = text(lrarNumber);
        if (number.length() > 50) {
            throw new InvalidSubmissionException("Le numéro de la lettre recommandée est limité à 50 caractères.");
        }
        return new Sending(sent, number);
    }

    /** Sent: the 3 months run from the sending; both parties get the letter. */
    public void recordFormalNotice(ConventionRef convention, Party from, Date sent, Breach breach, FileValue letter,
                                   FileValue sentLetter) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put(DATE_ENVOI_MISE_EN_DEMEURE, sent);
        changes.put(LETTRE, letter);
        registry.set(convention, changes);
        notice.mailBothParties(convention, "mise-en-demeure", variables("numero", convention.numero(),
                "partie", notice.partyNameCapitalized(convention, from), "dateEnvoi", FrenchFormats.longDate(sent),
                "manquement", breach.text(), "dateResiliation", FrenchFormats.longDate(dates.resiliationDate(sent))),
                sentLetter);
    }

    /**
     * "Enregistrer l'avis de réception": received after the sending, not in the future; or the pli was not claimed
     * (or returned), and the letter counts as notified on its first presentation.
     */
    public Acknowledgement checkAcknowledgement(Object outcome, Object received, Object presented, LocalDate sent) {
        if (RegisteredLetter.unclaimed(outcome, "Indiquez ce qu'est devenue la lettre recommandée : avis de réception"
                + " signé, ou pli non réclamé / retourné.")) {
            return new Acknowledgement(null, RegisteredLetter.firstPresentation(presented, sent));
        }
        String label = "La date de l'avis de réception";
        LocalDate day = SubmittedDates.required(received, label);
        SubmittedDates.notInFuture(day, label);
        SubmittedDates.notBefore(day, label, sent, "l'envoi de la lettre recommandée");
        return new Acknowledgement(day, null);
    }

    /**
     * Pli non réclamé or returned: the three months run from its first presentation (French practice); the
     * recipient gets the letter by mail as well.
     *
     * @return the new day of the résiliation
     */
    public Date unclaimed(ConventionRef convention, Party from, Date presented, FileValue sentLetter) {
        Date resiliation = dates.resiliationDate(presented);
        notice.mailUnclaimedLetter(convention, from, "une mise en demeure", presented,
                "sans régularisation, la convention sera résiliée de plein droit le "
                        + FrenchFormats.longDate(resiliation), sentLetter);
        return resiliation;
    }

    /** "Constater la régularisation": the breach was remedied, on a day between the sending and today. */
    public Remedy checkRemedy(Object repaired, Object remediedValue, Object commentValue, LocalDate sent) {
        if (!Boolean.TRUE.equals(repaired)) {
            throw new InvalidSubmissionException("Cochez la case qui confirme que le manquement a été réparé : la"
                    + " procédure sera alors close et la convention se poursuivra.");
        }
        String label = "La date de la régularisation";
        LocalDate remedied = SubmittedDates.required(remediedValue, label);
        SubmittedDates.notInFuture(remedied, label);
        SubmittedDates.notBefore(remedied, label, sent, "l'envoi de la mise en demeure");
        String comment = text(commentValue);
        if (comment.length() > MAX_TEXT) {
            throw new InvalidSubmissionException("Le commentaire est limité à " + MAX_TEXT + " caractères.");
        }
        return new Remedy(remedied, comment);
    }

    /** Remedied: the procedure is closed, the convention goes on. */
    public void closeRemedied(ConventionRef convention, Date sent, Date remedied, String comment) {
        engineAuthorization.withoutChecks(() -> {
            runtimeService.removeVariables(convention.processInstanceId(), List.of(DATE_ENVOI_MISE_EN_DEMEURE, LETTRE));
            return null;
        });
        notice.releaseEnd(convention);
        notice.mailBothParties(convention, "mise-en-demeure-levee", variables("numero", convention.numero(),
                "dateEnvoi", FrenchFormats.longDate(sent), "dateRegularisation", FrenchFormats.longDate(remedied),
                "commentaire", comment == null || comment.isEmpty() ? null : comment), null);
    }

    /**
     * Three months without effect: résiliée de plein droit. The convention leaves its life in force
     * (message {@code ConventionResiliee}); the ENT stays accessible to the end of the school year.
     *
     * @param noticeStart the sending, or the first presentation of a pli that was not claimed
     * @return what the résiliation changed on the convention, for the procedure to keep as well
     */
    public Map<String, Object> pronounce(ConventionRef convention, Date noticeStart, Date sent, Breach breach) {
        String numero = convention.numero();
        Date resiliation = dates.resiliationDate(noticeStart);
        Date accessEnd = dates.accessEnd(resiliation);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put(STATUT, ConventionProcess.STATUT_RESILIEE);
        changes.put(MOTIF_FIN, MOTIF_FIN_RESILIATION);
        changes.put(DATE_RESILIATION, resiliation);
        changes.put(DATE_FIN_ACCES_EXCLUSIVE, accessEnd);
        changes.put(DATE_FIN_EXCLUSIVE, accessEnd);
        registry.set(convention, changes);
        life.ending(numero, ConventionProcess.STATUT_RESILIEE, ConventionDates.toLocalDate(accessEnd));
        changes.remove(STATUT);

        avenants.cancel(convention, "la convention a été résiliée de plein droit le " + FrenchFormats.longDate(resiliation));
        engineAuthorization.withoutChecks(() -> runtimeService.createMessageCorrelation(ConventionProcess.MESSAGE_RESILIATED)
                .processInstanceBusinessKey(numero).correlateWithResult());

        LocalDate resiliationDay = ConventionDates.toLocalDate(resiliation);
        boolean accessGoesOn = !accessEnd.equals(resiliation);
        notice.mailEveryone(convention, "convention-resiliee", variables("numero", numero,
                "commune", records.communeName(numero), "dateEnvoi", FrenchFormats.longDate(sent),
                "manquement", breach.text(), "dateResiliation", FrenchFormats.longDate(resiliation),
                // the ENT stays open to the end of the school year in progress, unless it is already over
                "anneeScolaire", accessGoesOn ? dates.schoolYearOf(resiliationDay) : null,
                "dernierJour", accessGoesOn ? FrenchFormats.longDate(dates.lastDayOfAccess(resiliation)) : null));
        return changes;
    }

    /** Renounced before the letter was sent: the convention goes on. */
    public void abandon(ConventionRef convention, Party from) {
        notice.abandon(convention, from, "resiliation-abandonnee");
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }
}
