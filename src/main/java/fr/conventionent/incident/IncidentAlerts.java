package fr.conventionent.incident;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import fr.conventionent.config.ConventionProperties;
import fr.conventionent.identity.UserDirectory;
import fr.conventionent.notification.Mail;
import fr.conventionent.notification.MailContent;
import fr.conventionent.notification.MailQueue;

/** An incident mail to groups and addresses, always copied to the académie's security alert mailbox (article 7). */
@Component
public class IncidentAlerts {

    private final MailQueue mailQueue;
    private final UserDirectory users;
    private final ConventionProperties properties;

    public IncidentAlerts(MailQueue mailQueue, UserDirectory users, ConventionProperties properties) {
        this.mailQueue = mailQueue;
        this.users = users;
        this.properties = properties;
    }

    public void send(IncidentFacts facts, Collection<String> groups, Collection<String> addresses, MailContent content) {
        Set<String> to = new LinkedHashSet<>(users.emailsOfGroups(List.copyOf(groups)));
        to.addAll(addresses);
        to.add(properties.academie().adresseAlerte());
        mailQueue.enqueue(facts.numero(), new Mail(List.copyOf(to), content));
    }
}
