package fr.conventionent.incident;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

import org.springframework.stereotype.Component;

import fr.conventionent.kernel.FrenchFormats;

/**
 * The RGPD clock of a personal-data breach (article 33): the CNIL is notified within 72 hours
 * after the breach became known, i.e. after its DETECTION, not after the DPO's task was created.
 * Escalation mails go out 48 and 72 hours after detection. Hours are elapsed hours (instants),
 * so a change to or from summer time does not move the deadline. BPMN:
 * {@code camunda:dueDate="${breachDeadlines.notificationDeadline(dateDetection)}"}.
 */
@Component("breachDeadlines")
public class BreachDeadlines {

    public static final Duration NOTIFICATION_DELAY = Duration.ofHours(72);
    public static final Duration FIRST_ESCALATION = Duration.ofHours(48);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H' h 'mm", Locale.FRENCH);

    /** Detection + 72 h: due date of "Notifier la CNIL" and second escalation. */
    public Date notificationDeadline(Date detection) {
        return after(detection, NOTIFICATION_DELAY);
    }

    /** Detection + 48 h: first escalation if the CNIL has not been notified yet. */
    public Date firstEscalation(Date detection) {
        return after(detection, FIRST_ESCALATION);
    }

    /** A notification made at {@code at} is late when it comes after the 72 hours. */
    public boolean isLate(Date detection, Date at) {
        return at.after(notificationDeadline(detection));
    }

    /** "5 mars 2026 à 9 h 15" (Paris time): the deadline as the DPO reads it. */
    public String deadlineText(Date detection) {
        return longDateTime(notificationDeadline(detection));
    }

    public static String longDateTime(Date date) {
        return FrenchFormats.longDate(date) + " à " + TIME.format(date.toInstant().atZone(FrenchFormats.PARIS));
    }

    private static Date after(Date detection, Duration delay) {
        if (detection == null) {
            throw new IllegalArgumentException("La date de détection de l'incident est inconnue.");
        }
        return Date.from(detection.toInstant().plus(delay));
    }
}
