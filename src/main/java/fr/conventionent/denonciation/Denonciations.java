package fr.conventionent.denonciation;

import static fr.conventionent.kernel.ConventionVariables.*;
import static fr.conventionent.notification.MailTemplates.variables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

import fr.conventionent.kernel.ConventionDates;
import fr.conventionent.convention.ConventionLife;
import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.convention.ConventionRef;
import fr.conventionent.convention.ConventionRegistry;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.InvalidSubmissionException;
import fr.conventionent.kernel.Party;
import fr.conventionent.convention.RunningAvenants;
import fr.conventionent.kernel.SubmittedDates;
import fr.conventionent.notice.NoticeProcedures;
import fr.conventionent.notice.RegisteredLetter;

/**
 * Article 11: « elle peut être dénoncée par l'un des signataires avec un préavis de 3 mois ».
 * A party opens the dénonciation, gets its letter, records the day it was notified; the
 * convention is then en préavis until notification + 3 months, when it ends. An avenant still
 * running is cancelled at the notification (docs/cycle-de-vie.md). The process reaches these rules through
 * {@link DenonciationSteps}.
 */
@Component
public class Denonciations {

    static final int MAX_MOTIF = 2000;

    /** "Notifier la dénonciation", as submitted. */
    public record NotificationForm(Object decision, Object outcome, Object sent, Object notified) {
    }

    /** Notified (on the day of receipt or of first presentation), or abandoned when {@code notified} is null. */
    public record Notification(LocalDate notified, boolean unclaimed, LocalDate sent) {

        static Notification abandoned() {
            return new Notification(null, false, null);
        }

        public boolean isAbandoned() {
            return notified == null;
        }
    }

    private final NoticeProcedures notice;
    private final ConventionRegistry registry;
    private final ConventionDates dates;
    private final RunningAvenants avenants;
    private final ConventionLife life;

    public Denonciations(NoticeProcedures notice, ConventionRegistry registry, ConventionDates dates,
                         RunningAvenants avenants, ConventionLife life) {
        this.notice = notice;
        this.registry = registry;
        this.dates = dates;
        this.avenants = avenants;
        this.life = life;
    }

    /** The optional reason typed in the start form, quoted in the letter. */
    public String motif(Object typed) {
        String motif = typed == null ? "" : typed.toString().trim();
        if (motif.length() > MAX_MOTIF) {
            throw new InvalidSubmissionException("Le motif de la dénonciation est limité à " + MAX_MOTIF + " caractères.");
        }
        return motif;
    }

    /** The letter of dénonciation, from the initiating party to the other. */
    public List<String> letterBody(ConventionRef convention, Party from, String motif) {
        List<String> body = new ArrayList<>();
        body.add("Par la présente, et conformément à l'article 11 de la convention citée en référence, "
                + notice.partyName(convention, from) + " vous notifie sa décision de dénoncer cette convention.");
        if (motif != null && !motif.isBlank()) {
            body.add("Cette décision est motivée comme suit : " + motif);
        }
        body.add("Conformément à ce même article, la dénonciation prend effet à l'issue d'un préavis de trois mois à"
                + " compter de sa notification. Jusqu'à cette date, chacune des parties continue d'exécuter ses"
                + " obligations, et l'ENT reste accessible aux écoles de la commune.");
        body.add("Les données de l'annuaire fédérateur cesseront d'être mises à disposition de l'ENT au terme du"
                + " préavis, et le dossier de la convention sera archivé.");
        return body;
    }

    public static String letterSubject() {
        return "Dénonciation de la convention relative à l'utilisation de l'ENT dans les écoles";
    }

    /** "Notifier la dénonciation": notified on a day between the opening and today, or abandoned. */
    public Notification checkNotification(NotificationForm form, LocalDate opened) {
        if (DenonciationProcess.DECISION_ABANDONNER.equals(form.decision())) {
            return Notification.abandoned();
        }
        if (!DenonciationProcess.DECISION_NOTIFIER.equals(form.decision())) {
            throw new InvalidSubmissionException("Indiquez si la dénonciation a été notifiée ou si vous l'abandonnez.");
        }
        boolean unclaimed = RegisteredLetter.unclaimed(form.outcome(), "Indiquez ce qu'est devenue la lettre : remise"
                + " au destinataire, ou pli non réclamé / retourné.");
        LocalDate sent = RegisteredLetter.sent(form.sent(), unclaimed, opened,
                "l'ouverture de la dénonciation dans l'application");
        if (unclaimed) {
            // a pli non réclamé is notified on its first presentation (French practice): the notice runs from there
            return new Notification(RegisteredLetter.firstPresentation(form.notified(), sent), true, sent);
        }
        String label = "La date de notification de la dénonciation";
        LocalDate notified = SubmittedDates.required(form.notified(), label);
        SubmittedDates.notInFuture(notified, label);
        if (sent != null) {
            SubmittedDates.notBefore(notified, label, sent, "l'envoi de la lettre recommandée");
        }
        SubmittedDates.notBefore(notified, label, opened, "l'ouverture de la dénonciation dans l'application");
        return new Notification(notified, false, sent);
    }

    /**
     * Notified: the convention is en préavis until notification + 3 months; both parties are told, the recipient of a
     * pli not claimed gets the letter by mail.
     *
     * @return the first day the convention is no longer in force
     */
    public Date record(ConventionRef convention, Party from, Date notified, boolean unclaimed, FileValue letter,
                       FileValue sentLetter) {
        String numero = convention.numero();
        Date end = dates.denunciationEnd(notified);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put(STATUT, ConventionProcess.STATUT_EN_PREAVIS);
        changes.put(MOTIF_FIN, MOTIF_FIN_DENONCIATION);
        changes.put(DATE_NOTIFICATION_DENONCIATION, notified);
        changes.put(DATE_FIN_EXCLUSIVE, end);
        changes.put(DenonciationProcess.LETTRE, letter);
        registry.set(convention, changes);
        life.ending(numero, ConventionProcess.STATUT_EN_PREAVIS, ConventionDates.toLocalDate(end));

        avenants.cancel(convention, "la convention a été dénoncée le " + FrenchFormats.longDate(notified));

        notice.mailBothParties(convention, "convention-denoncee", variables("numero", numero,
                "partie", notice.partyNameCapitalized(convention, from), "notification", FrenchFormats.longDate(notified),
                "dernierJour", FrenchFormats.longDate(ConventionDates.toLocalDate(end).minusDays(1))), sentLetter);
        if (unclaimed) {
            notice.mailUnclaimedLetter(convention, from, "une lettre de dénonciation", notified,
                    "la convention prend fin le " + FrenchFormats.longDate(end), sentLetter);
        }
        return end;
    }

    /** Abandoned before being notified: the convention goes on, free for another procedure. */
    public void abandon(ConventionRef convention, Party from) {
        notice.abandon(convention, from, "denonciation-abandonnee");
    }
}
