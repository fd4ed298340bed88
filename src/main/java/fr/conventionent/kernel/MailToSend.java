package fr.conventionent.kernel;

import java.util.List;

/**
 * A plain-text mail asked for by a part of the application that sits below the mail service (the identity's
 * ProConnect arrivals): published as a Spring application event, queued by the notification package in the same
 * transaction. {@code reference} is what the mail is about (a convention number, a commune's group).
 */
public record MailToSend(String reference, List<String> to, String subject, String body) {
}
