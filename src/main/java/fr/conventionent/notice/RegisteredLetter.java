package fr.conventionent.notice;

import java.time.LocalDate;

import fr.conventionent.kernel.InvalidSubmissionException;
import fr.conventionent.kernel.SubmittedDates;

/**
 * A letter sent by registered mail with acknowledgement of receipt (lettre recommandée avec avis de réception), as a
 * dénonciation or a mise en demeure is: when it was sent, and what became of it. A pli not claimed, or returned,
 * counts as notified on its first presentation (French practice), so a notice runs from that day.
 */
public final class RegisteredLetter {

    /** What became of the letter: received, or not claimed / returned. */
    public static final String ISSUE_LRAR = "issueLrar";
    public static final String ISSUE_RECUE = "recue";
    public static final String ISSUE_NON_RECLAMEE = "non-reclamee";
    /** The day the letter was posted. */
    public static final String DATE_ENVOI_LRAR = "dateEnvoiLrar";

    static final String SENT = "La date d'envoi de la lettre recommandée";
    static final String PRESENTED = "La date de première présentation du pli";
    static final String SENDING = "l'envoi de la lettre recommandée";

    private RegisteredLetter() {
    }

    /**
     * The outcome chosen in the form; left untouched, it means the letter was received (as before the choice existed).
     *
     * @return true when the pli was not claimed or was returned
     */
    public static boolean unclaimed(Object outcome, String question) {
        if (outcome == null || outcome.toString().isBlank() || ISSUE_RECUE.equals(outcome)) {
            return false;
        }
        if (ISSUE_NON_RECLAMEE.equals(outcome)) {
            return true;
        }
        throw new InvalidSubmissionException(question);
    }

    /** The day the letter was posted: not in the future, not before the procedure was opened in the application. */
    public static LocalDate sent(Object value, boolean required, LocalDate opened, String opening) {
        LocalDate sent = required ? SubmittedDates.required(value, SENT) : SubmittedDates.optional(value, SENT);
        if (sent != null) {
            SubmittedDates.notInFuture(sent, SENT);
            SubmittedDates.notBefore(sent, SENT, opened, opening);
        }
        return sent;
    }

    /** The first presentation of a pli not claimed: not in the future, not before the posting. */
    public static LocalDate firstPresentation(Object value, LocalDate sent) {
        LocalDate presented = SubmittedDates.required(value, PRESENTED);
        SubmittedDates.notInFuture(presented, PRESENTED);
        SubmittedDates.notBefore(presented, PRESENTED, sent, SENDING);
        return presented;
    }
}
