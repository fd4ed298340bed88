package fr.conventionent.identity.proconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.conventionent.identity.DemoUsers;
import fr.conventionent.support.EngineTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * Without PROCONNECT_APPROBATION_DACES: a new agent gets their commune's group at once, and the commune's agents and
 * the DACES are told by mail, once. (The identity is the one Spring Security hands over after checking the signed ID
 * token and userinfo answer, see ProConnectLoginBrowserTest.)
 */
class CommuneAgentsGrantTest extends EngineTest {

    private static final ProConnectIdentity NEW_AGENT = new ProConnectIdentity("https://fournisseur.example", "b2c3",
            "Lucie", "Bernard", "lucie.bernard@versailles.example", "21780646200016");

    @DynamicPropertySource
    static void grantedAtOnce(DynamicPropertyRegistry registry) {
        registry.add("convention.proconnect.emetteur", () -> "https://fournisseur.example");
        registry.add("convention.proconnect.approbation-daces", () -> "false");
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:convention-agents;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Autowired
    CommuneAgents agents;
    @Autowired
    IdentityService identities;

    @AfterEach
    void removeAgent() {
        identities.deleteUser(NEW_AGENT.userId());
    }

    @Test
    void newAgentJoinsTheCommuneAtOnceAndTheCommunesAgentsAndTheDacesAreTold() throws Exception {
        assertThat(agents.logIn(NEW_AGENT)).isInstanceOf(AgentAccess.Granted.class);

        assertThat(identities.createGroupQuery().groupMember(NEW_AGENT.userId()).list())
                .extracting(group -> group.getId()).containsExactly("commune-78646");
        List<MimeMessage> told = mailsAbout("Nouvel agent");
        assertThat(told).extracting(MimeMessage::getSubject)
                .containsOnly("[Convention ENT] Nouvel agent de la mairie de Versailles : Lucie Bernard");
        assertThat(recipients(told.get(0))).containsExactlyInAnyOrder(DemoUsers.emailOf("mairie.versailles"),
                DemoUsers.emailOf("daces"));
        assertThat(told.get(0).getContent().toString()).contains("lucie.bernard@versailles.example",
                "retirez-la du groupe commune-78646");

        GREEN_MAIL.reset();
        assertThat(agents.logIn(NEW_AGENT)).isInstanceOf(AgentAccess.Granted.class);
        assertThat(mailsAbout("Nouvel agent")).as("told once, not at each login").isEmpty();
    }

    /** Sends the queued mails; GreenMail keeps one copy per recipient. */
    private List<MimeMessage> mailsAbout(String subject) throws Exception {
        executeDueJobs();
        return Arrays.stream(GREEN_MAIL.getReceivedMessages()).filter(message -> subjectOf(message).contains(subject))
                .toList();
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(MimeMessage message) throws Exception {
        return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
    }
}
