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
 * With PROCONNECT_APPROBATION_DACES: a new agent gets no group until the DACES approves; the DACES is asked by mail,
 * then the agent and the commune's agents are told. (The provider is never called here: the identity is the one
 * Spring Security hands over after checking the ID token, see ProConnectLoginBrowserTest.)
 */
class CommuneAgentsApprovalTest extends EngineTest {

    private static final ProConnectIdentity NEW_AGENT = new ProConnectIdentity("https://fournisseur.example", "a1b2",
            "Claire", "Dupont", "claire.dupont@versailles.example", "21780646200016");

    @DynamicPropertySource
    static void approvalByTheDaces(DynamicPropertyRegistry registry) {
        registry.add("convention.proconnect.emetteur", () -> "https://fournisseur.example");
        registry.add("convention.proconnect.approbation-daces", () -> "true");
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:convention-approbation;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE");
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
    void newAgentWaitsForTheDacesWithoutAnyGroupThenJoinsTheCommune() throws Exception {
        AgentAccess first = agents.logIn(NEW_AGENT);

        assertThat(first).isInstanceOf(AgentAccess.AwaitingApproval.class);
        assertThat(groupsOfAgent()).isEmpty();
        assertThat(agents.logIn(NEW_AGENT)).as("still waiting, asked once").isInstanceOf(AgentAccess.AwaitingApproval.class);
        assertThat(recipientsOf("Agent à approuver")).containsExactly(DemoUsers.emailOf("daces"));

        agents.approve(NEW_AGENT.userId());

        assertThat(groupsOfAgent()).containsExactly("commune-78646");
        assertThat(recipientsOf("Accès approuvé")).containsExactlyInAnyOrder(DemoUsers.emailOf("mairie.versailles"),
                "claire.dupont@versailles.example");
        assertThat(agents.logIn(NEW_AGENT)).isInstanceOf(AgentAccess.Granted.class);
        assertThat(agents.awaitingApproval()).isEmpty();
    }

    @Test
    void unknownSiretCreatesNothing() {
        ProConnectIdentity stranger = new ProConnectIdentity("https://fournisseur.example", "zz", "Jean", "Autre",
                "jean.autre@ailleurs.example", "11002001300097");

        assertThat(agents.logIn(stranger)).isInstanceOf(AgentAccess.UnknownOrganisation.class);
        assertThat(identities.createUserQuery().userId(stranger.userId()).count()).isZero();
    }

    private List<String> groupsOfAgent() {
        return identities.createGroupQuery().groupMember(NEW_AGENT.userId()).list().stream().map(g -> g.getId()).toList();
    }

    /** Sends the queued mails and returns the recipients of the one whose subject contains {@code subject}. */
    private List<String> recipientsOf(String subject) throws Exception {
        executeDueJobs();
        for (MimeMessage message : GREEN_MAIL.getReceivedMessages()) {
            if (message.getSubject().contains(subject)) {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
            }
        }
        throw new AssertionError("Aucun courriel « " + subject + " »");
    }
}
