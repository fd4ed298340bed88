package fr.conventionent.identity.proconnect;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.identity.User;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import fr.conventionent.config.ConventionProperties;
import fr.conventionent.identity.Commune;
import fr.conventionent.identity.UserDirectory;
import fr.conventionent.kernel.Groups;
import fr.conventionent.kernel.MailToSend;

/**
 * The mails about commune agents arriving through ProConnect (all their wording is here, for the templates), handed to
 * the mail queue as {@link MailToSend} events: identity sits below the notification package.
 */
@Component
@ConditionalOnProConnect
public class AgentMails {

    private static final String SUBJECT = "[Convention ENT] ";

    private final ApplicationEventPublisher events;
    private final UserDirectory users;
    private final String applicationUrl;

    public AgentMails(ApplicationEventPublisher events, UserDirectory users, ConventionProperties properties) {
        this.events = events;
        this.users = users;
        this.applicationUrl = properties.courriel().adresseApplication();
    }

    /** A new agent was granted at once: the commune's other agents and the DACES are told. */
    void agentGranted(ProConnectIdentity agent, Commune commune, String userId) {
        List<String> to = new ArrayList<>(users.emailsOfGroups(List.of(Groups.commune(commune.insee()), Groups.DACES)));
        to.remove(agent.email());
        events.publishEvent(new MailToSend(Groups.commune(commune.insee()), to,
                SUBJECT + "Nouvel agent de la mairie de " + commune.nom() + " : " + fullName(agent),
                "Bonjour,\n\n" + fullName(agent) + " (" + agent.email() + "), agent de la mairie de " + commune.nom()
                        + ", s'est connecté à Convention ENT par ProConnect (SIRET " + agent.siret() + ").\n"
                        + "Il voit désormais les conventions et les tâches de la commune (identifiant " + userId
                        + ").\n\nSi cette personne ne doit pas y avoir accès, retirez-la du groupe "
                        + Groups.commune(commune.insee()) + " dans Admin et prévenez la DACES.\n\n" + applicationUrl
                        + "\n"));
    }

    /** The DACES approves new agents: it is asked to. */
    void approvalRequested(ProConnectIdentity agent, Commune commune) {
        events.publishEvent(new MailToSend(Groups.commune(commune.insee()),
                List.copyOf(users.emailsOfGroups(List.of(Groups.DACES))),
                SUBJECT + "Agent à approuver pour la mairie de " + commune.nom() + " : " + fullName(agent),
                "Bonjour,\n\n" + fullName(agent) + " (" + agent.email() + ") s'est connecté à Convention ENT par"
                        + " ProConnect au nom de la mairie de " + commune.nom() + " (SIRET " + agent.siret() + ").\n"
                        + "Il n'aura accès aux conventions de la commune qu'après votre approbation :\n"
                        + applicationUrl + ApprovalPages.PATH + "\n"));
    }

    /** The DACES approved an agent: the agent and the commune's other agents are told. */
    void agentApproved(User agent, Commune commune) {
        List<String> to = new ArrayList<>(users.emailsOfGroups(List.of(Groups.commune(commune.insee()))));
        if (agent.getEmail() != null && !to.contains(agent.getEmail())) {
            to.add(agent.getEmail());
        }
        String name = (nullToEmpty(agent.getFirstName()) + " " + nullToEmpty(agent.getLastName())).trim();
        events.publishEvent(new MailToSend(Groups.commune(commune.insee()), to,
                SUBJECT + "Accès approuvé pour " + name + " (mairie de " + commune.nom() + ")",
                "Bonjour,\n\nLa DACES a approuvé l'accès de " + name + " (" + agent.getEmail()
                        + ") aux conventions de la mairie de " + commune.nom() + ".\n"
                        + "Connexion par ProConnect : " + applicationUrl + ProConnectPages.LOGIN + "\n"));
    }

    private static String fullName(ProConnectIdentity agent) {
        return (nullToEmpty(agent.givenName()) + " " + nullToEmpty(agent.usualName())).trim();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
