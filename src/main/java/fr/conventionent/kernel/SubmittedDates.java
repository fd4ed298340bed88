package fr.conventionent.kernel;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Dates as forms send them: a Camunda Form date field sends "2027-03-01", an embedded form a
 * string, the REST API a Date. Each check names the field in French and refuses the submission
 * (nothing is stored).
 */
public final class SubmittedDates {

    private SubmittedDates() {
    }

    /**
     * @param label the field as a sentence subject, e.g. "La date de notification"
     * @throws InvalidSubmissionException if empty or not a date
     */
    public static LocalDate required(Object value, String label) {
        LocalDate date = optional(value, label);
        if (date == null) {
            throw new InvalidSubmissionException("Indiquez " + lowerFirst(label) + ".");
        }
        return date;
    }

    /** Null when nothing was entered. */
    public static LocalDate optional(Object value, String label) {
        if (value instanceof Date date) {
            return ConventionDates.toLocalDate(date);
        }
        String text = value == null ? "" : value.toString().trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return text.length() > 10 ? OffsetDateTime.parse(text).atZoneSameInstant(ConventionDates.ZONE).toLocalDate()
                    : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidSubmissionException(label + " « " + text
                    + " » n'est pas une date valide (format attendu : AAAA-MM-JJ).");
        }
    }

    /** A date the engine stored (java.util.Date), as its day in Paris; null when absent. */
    public static LocalDate storedDay(Object value) {
        return value instanceof Date date ? ConventionDates.toLocalDate(date) : null;
    }

    public static LocalDate today() {
        return ConventionDates.toLocalDate(ClockUtil.getCurrentTime());
    }

    /** Refuses a day after today: what is recorded has already happened. */
    public static LocalDate notInFuture(LocalDate date, String label) {
        if (date.isAfter(today())) {
            throw new InvalidSubmissionException(label + " (" + FrenchFormats.longDate(date)
                    + ") ne peut pas être dans le futur.");
        }
        return date;
    }

    /** Refuses a day before today: what is planned has not happened yet. */
    public static LocalDate notInPast(LocalDate date, String label) {
        if (date.isBefore(today())) {
            throw new InvalidSubmissionException(label + " (" + FrenchFormats.longDate(date)
                    + ") ne peut pas être dans le passé.");
        }
        return date;
    }

    /** Refuses a day before {@code earliest}, which is described by {@code earliestLabel}. */
    public static LocalDate notBefore(LocalDate date, String label, LocalDate earliest, String earliestLabel) {
        if (earliest != null && date.isBefore(earliest)) {
            throw new InvalidSubmissionException(label + " (" + FrenchFormats.longDate(date)
                    + ") ne peut pas précéder " + earliestLabel + " (" + FrenchFormats.longDate(earliest) + ").");
        }
        return date;
    }

    /** 00:00 Europe/Paris, as every date variable of the application. */
    public static Date toDate(LocalDate date) {
        return ConventionDates.toDate(date);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
