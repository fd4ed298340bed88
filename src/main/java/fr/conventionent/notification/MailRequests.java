package fr.conventionent.notification;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import fr.conventionent.kernel.MailToSend;

/** Queues the mails that packages below this one ask for by event, as if they had called the queue. */
@Component
public class MailRequests {

    private final MailQueue mailQueue;

    public MailRequests(MailQueue mailQueue) {
        this.mailQueue = mailQueue;
    }

    @EventListener
    public void send(MailToSend mail) {
        mailQueue.enqueue(mail.reference(), new Mail(mail.to(), mail.subject(), mail.body()));
    }
}
