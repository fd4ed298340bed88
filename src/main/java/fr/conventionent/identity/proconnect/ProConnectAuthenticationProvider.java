package fr.conventionent.identity.proconnect;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Container-based authentication for the Camunda webapps: the user is the agent of the Spring Security session, as
 * long as their account exists in the engine (an agent removed in Admin is logged in no more).
 */
public class ProConnectAuthenticationProvider implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        ProConnectIdentity agent = ProConnectIdentity.current();
        if (agent == null) {
            return AuthenticationResult.unsuccessful();
        }
        String userId = agent.userId();
        if (engine.getIdentityService().createUserQuery().userId(userId).count() == 0) {
            return AuthenticationResult.unsuccessful(userId);
        }
        AuthenticationResult result = AuthenticationResult.successful(userId);
        result.setGroups(AuthenticationUtil.getGroupsOfUser(engine, userId));
        result.setTenants(AuthenticationUtil.getTenantsOfUser(engine, userId));
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // no challenge: the agent logs in again through /connexion
    }
}
