package fr.conventionent.identity.proconnect;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import fr.conventionent.identity.Commune;
import fr.conventionent.identity.CommuneDirectory;
import fr.conventionent.identity.EngineAuthorization;
import fr.conventionent.kernel.Groups;

/**
 * The accounts of commune agents who log in through ProConnect. The commune, and so the group, comes only from the
 * SIRET of the verified identity matched against the referential; name and e-mail are refreshed at each login.
 */
@Component
@ConditionalOnProConnect
public class CommuneAgents {

    private static final Logger LOG = LoggerFactory.getLogger(CommuneAgents.class);
    /** User info (ACT_ID_INFO) marking an agent the DACES has still to approve, with the commune asked for. */
    static final String AWAITING_COMMUNE = "proconnect.attente-commune";

    private final IdentityService identityService;
    private final CommuneDirectory communes;
    private final EngineAuthorization engineAuthorization;
    private final AgentMails mails;
    private final ProConnectProperties properties;

    public CommuneAgents(IdentityService identityService, CommuneDirectory communes,
                         EngineAuthorization engineAuthorization, AgentMails mails, ProConnectProperties properties) {
        this.identityService = identityService;
        this.communes = communes;
        this.engineAuthorization = engineAuthorization;
        this.mails = mails;
        this.properties = properties;
    }

    @Transactional
    public AgentAccess logIn(ProConnectIdentity agent) {
        Optional<Commune> found = communes.findBySiret(agent.siret());
        if (found.isEmpty()) {
            LOG.info("ProConnect : connexion refusée, SIRET {} d'aucune commune du référentiel", agent.siret());
            return new AgentAccess.UnknownOrganisation(agent.siret());
        }
        Commune commune = found.get();
        String group = Groups.commune(commune.insee());
        return engineAuthorization.withoutChecks(() -> {
            String userId = agent.userId();
            saveUser(userId, agent);
            if (isMember(userId, group)) {
                leaveOtherCommunes(userId, group);
                return new AgentAccess.Granted(userId, commune);
            }
            if (properties.approbationDaces()) {
                if (!commune.insee().equals(identityService.getUserInfo(userId, AWAITING_COMMUNE))) {
                    identityService.setUserInfo(userId, AWAITING_COMMUNE, commune.insee());
                    mails.approvalRequested(agent, commune);
                }
                return new AgentAccess.AwaitingApproval(userId, commune);
            }
            join(userId, group);
            mails.agentGranted(agent, commune, userId);
            return new AgentAccess.Granted(userId, commune);
        });
    }

    /** The agents waiting for the DACES, with the commune each asked for. */
    public List<Pending> awaitingApproval() {
        return engineAuthorization.withoutChecks(() -> identityService.createUserQuery().list().stream()
                .filter(user -> user.getId().startsWith("pc."))
                .map(user -> new Pending(user, identityService.getUserInfo(user.getId(), AWAITING_COMMUNE)))
                .filter(pending -> pending.insee() != null && communes.find(pending.insee()).isPresent())
                .toList());
    }

    /** The DACES approves: the agent joins the commune they asked for, and is told so with the commune's agents. */
    @Transactional
    public void approve(String userId) {
        engineAuthorization.withoutChecks(() -> {
            String insee = identityService.getUserInfo(userId, AWAITING_COMMUNE);
            Commune commune = insee == null ? null : communes.find(insee).orElse(null);
            User user = identityService.createUserQuery().userId(userId).singleResult();
            if (commune == null || user == null) {
                throw new IllegalArgumentException("Aucun agent en attente d'approbation sous l'identifiant " + userId
                        + ".");
            }
            String group = Groups.commune(commune.insee());
            join(userId, group);
            identityService.deleteUserInfo(userId, AWAITING_COMMUNE);
            mails.agentApproved(user, commune);
            return null;
        });
    }

    public record Pending(User user, String insee) {
    }

    private void saveUser(String userId, ProConnectIdentity agent) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            user = identityService.newUser(userId);
        }
        user.setFirstName(agent.givenName());
        user.setLastName(agent.usualName());
        user.setEmail(agent.email());
        identityService.saveUser(user);
    }

    private boolean isMember(String userId, String group) {
        return identityService.createUserQuery().userId(userId).memberOfGroup(group).count() > 0;
    }

    private void join(String userId, String group) {
        leaveOtherCommunes(userId, group);
        identityService.createMembership(userId, group);
    }

    /** ProConnect names one organisation: an agent who moved to another mairie leaves the former one's group. */
    private void leaveOtherCommunes(String userId, String keptGroup) {
        for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
            if (group.getId().startsWith(Groups.COMMUNE_PREFIX) && !group.getId().equals(keptGroup)) {
                identityService.deleteMembership(userId, group.getId());
            }
        }
    }
}
