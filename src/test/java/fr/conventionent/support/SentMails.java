package fr.conventionent.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * What an SMTP server received, counted by send: GreenMail keeps one copy per recipient, and each SMTP send of the
 * application carries its own Message-ID (a job sent again makes a new one). Two sends of one subject are a duplicate.
 */
public final class SentMails {

    private final Map<String, Set<String>> sendsBySubject = new LinkedHashMap<>();

    private SentMails() {
    }

    public static SentMails of(GreenMail smtp, Predicate<String> subjectFilter) {
        SentMails mails = new SentMails();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                String subject = message.getSubject();
                if (subjectFilter.test(subject)) {
                    mails.sendsBySubject.computeIfAbsent(subject, s -> new TreeSet<>()).add(message.getMessageID());
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return mails;
    }

    /** The plain text of a mail, wherever it sits (alone, in multipart/alternative, beside attachments). */
    public static String text(Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return String.valueOf(part.getContent());
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String text = text(multipart.getBodyPart(i));
                    if (text != null) {
                        return text;
                    }
                }
            }
            return null;
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SentMails of(GreenMail smtp) {
        return of(smtp, subject -> true);
    }

    /** Distinct subjects received. */
    public Set<String> subjects() {
        return sendsBySubject.keySet();
    }

    public int sends(String subject) {
        return sendsBySubject.getOrDefault(subject, Set.of()).size();
    }

    /** Subjects sent more than once. */
    public List<String> duplicated() {
        List<String> subjects = new ArrayList<>();
        sendsBySubject.forEach((subject, sends) -> {
            if (sends.size() > 1) {
                subjects.add(subject);
            }
        });
        return subjects;
    }

    public boolean anyStartsWith(String prefix) {
        return sendsBySubject.keySet().stream().anyMatch(s -> s.startsWith(prefix));
    }

    public long countStartingWith(String prefix) {
        return sendsBySubject.keySet().stream().filter(s -> s.startsWith(prefix)).count();
    }
}
