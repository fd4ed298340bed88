package fr.conventionent.identity.proconnect;

import java.io.IOException;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * After Spring Security has checked the provider's signed ID token: the agent's account is created or refreshed, the
 * Camunda webapps' session is opened for them, and they land in Tasklist. An unknown organisation or an agent awaiting
 * approval gets its French page and no session.
 */
public class ProConnectLoginSuccess implements AuthenticationSuccessHandler {

    public static final String TASKLIST = "/camunda/app/tasklist/default/";

    private final CommuneAgents agents;
    private final ProcessEngine engine;

    public ProConnectLoginSuccess(CommuneAgents agents, ProcessEngine engine) {
        this.agents = agents;
        this.engine = engine;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        AgentAccess access = agents.logIn(ProConnectIdentity.of((OidcUser) authentication.getPrincipal()));
        String target;
        if (access instanceof AgentAccess.Granted granted) {
            openCamundaSession(request.getSession(), granted.userId());
            target = TASKLIST;
        } else {
            new SecurityContextLogoutHandler().logout(request, response, authentication);
            target = access instanceof AgentAccess.UnknownOrganisation unknown
                    ? UriComponentsBuilder.fromPath(ProConnectPages.UNKNOWN_ORGANISATION)
                            .queryParam("siret", unknown.siret()).encode().toUriString()
                    : ProConnectPages.AWAITING_APPROVAL;
        }
        response.sendRedirect(request.getContextPath() + target);
    }

    /** As Camunda's own login does: the webapps and the registry read this from the session. */
    private void openCamundaSession(HttpSession session, String userId) {
        UserAuthentication camunda = AuthenticationUtil.createAuthentication(engine, userId,
                AuthenticationUtil.getGroupsOfUser(engine, userId), AuthenticationUtil.getTenantsOfUser(engine, userId));
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        authentications.addOrReplace(camunda);
        AuthenticationUtil.updateSession(session, authentications);
    }
}
