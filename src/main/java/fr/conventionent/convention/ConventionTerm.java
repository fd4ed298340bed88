package fr.conventionent.convention;

import static fr.conventionent.kernel.ConventionVariables.*;
import static fr.conventionent.notification.MailTemplates.variables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import fr.conventionent.config.ConventionProperties;
import fr.conventionent.kernel.ConventionDates;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.notification.Mail;
import fr.conventionent.notification.MailQueue;
import fr.conventionent.notification.MailTemplates;

/**
 * Article 11: 4 years from the signature, then tacit renewal every year. The convention's timers
 * wait for the dates of {@link ConventionDates}, computed from {@code dateSignature} and the start
 * of the current period ({@code dateDebutPeriode}); this service acts when they fire: the reminder
 * of the last day to denounce, then the renewal, which starts the next period.
 *
 * <p>A dénoncée (en préavis) or résiliée convention is not renewed and gets no reminder: its end is
 * already set. The period still moves on so that the timers stay in step.
 */
@Component
public class ConventionTerm {

    private static final Logger LOG = LoggerFactory.getLogger(ConventionTerm.class);

    private final ConventionDates dates;
    private final MailQueue mailQueue;
    private final MailTemplates templates;
    private final ConventionRecipients recipients;
    private final ConventionProperties properties;
    private final ConventionLife life;
    private final ConventionRecords records;

    public ConventionTerm(ConventionDates dates, MailQueue mailQueue, MailTemplates templates,
                          ConventionRecipients recipients,
                          ConventionProperties properties, ConventionLife life, ConventionRecords records) {
        this.life = life;
        this.records = records;
        this.dates = dates;
        this.mailQueue = mailQueue;
        this.templates = templates;
        this.recipients = recipients;
        this.properties = properties;
    }

    /** One month before the last day to denounce: both parties are told the date. */
    public void remindDenunciationDeadline(DelegateExecution execution) {
        LocalDate signature = ConventionDates.toLocalDate((Date) execution.getVariable(DATE_SIGNATURE));
        LocalDate periodStart = ConventionDates.toLocalDate((Date) execution.getVariable(DATE_DEBUT_PERIODE));
        LocalDate lastDay = dates.lastDayToDenounce(signature, periodStart);
        LocalDate renewal = dates.nextAnniversary(signature, periodStart);
        LocalDate renewedUntil = dates.renewedUntil(signature, renewal);
        execution.setVariable(DATE_LIMITE_DENONCIATION, ConventionDates.toDate(lastDay));
        String numero = (String) execution.getVariable(CONVENTION_NUMERO);
        if (!inForce(execution)) {
            LOG.info("Convention {} : pas de rappel de dénonciation (statut {})", numero, execution.getVariable(STATUT));
            return;
        }
        mailQueue.enqueue(numero, new Mail(recipients.bothParties(execution), templates.render(
                "denonciation-possible", variables("numero", numero, "commune", records.communeName(numero),
                        "reconduction", FrenchFormats.longDate(renewal),
                        "dernierJour", FrenchFormats.longDate(renewedUntil), "dateLimite", FrenchFormats.longDate(lastDay),
                        "lienTaches", properties.courriel().adresseApplication() + "/camunda/app/tasklist/"))));
    }

    /** The anniversary is reached: the convention is renewed for a year, recorded and announced. */
    public void renew(DelegateExecution execution) {
        LocalDate signature = ConventionDates.toLocalDate((Date) execution.getVariable(DATE_SIGNATURE));
        LocalDate periodStart = ConventionDates.toLocalDate((Date) execution.getVariable(DATE_DEBUT_PERIODE));
        LocalDate anniversary = dates.nextAnniversary(signature, periodStart);
        execution.setVariable(DATE_DEBUT_PERIODE, ConventionDates.toDate(anniversary));
        String numero = (String) execution.getVariable(CONVENTION_NUMERO);
        life.renewed(execution.getProcessBusinessKey(), anniversary);
        if (!inForce(execution)) {
            LOG.info("Convention {} : pas de reconduction le {} (statut {})", numero, anniversary,
                    execution.getVariable(STATUT));
            return;
        }
        LocalDate until = dates.renewedUntil(signature, anniversary);
        List<Object> renewals = new ArrayList<>(JsonVariables.readList(execution.getVariable(RECONDUCTIONS), Object.class));
        Map<String, Object> renewal = new LinkedHashMap<>();
        renewal.put("numero", renewals.size() + 1);
        renewal.put("dateEffet", anniversary.toString());
        renewal.put("jusquAu", until.toString());
        renewals.add(renewal);
        execution.setVariable(RECONDUCTIONS, JsonVariables.write(renewals));
        execution.setVariable(DERNIER_JOUR_PERIODE, ConventionDates.toDate(until));

        List<String> to = new ArrayList<>(recipients.referent(execution));
        to.addAll(recipients.groups(fr.conventionent.kernel.Groups.DACES));
        mailQueue.enqueue(numero, new Mail(to, templates.render("convention-reconduite", variables(
                "numero", numero, "commune", records.communeName(numero),
                "dateEffet", FrenchFormats.longDate(anniversary), "dernierJour", FrenchFormats.longDate(until),
                "rang", renewals.size()))));
    }

    private static boolean inForce(DelegateExecution execution) {
        return ConventionProcess.STATUT_EN_VIGUEUR.equals(execution.getVariable(STATUT));
    }
}
