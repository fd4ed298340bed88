package fr.conventionent.notification;

/** A rendered mail: its subject, its plain text and its HTML alternative (same words, same footer). */
public record MailContent(String subject, String text, String html) {
}
