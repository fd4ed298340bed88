package fr.conventionent.registry;

import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The user logged in to Tasklist in this browser session: the registry uses the same login (Camunda's webapp keeps
 * it in the HTTP session), so there is no second password.
 */
@Component
public class CurrentViewer {

    private final ProcessEngine engine;

    public CurrentViewer(ProcessEngine engine) {
        this.engine = engine;
    }

    public Optional<Viewer> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        Authentication authentication = authentications == null ? null
                : authentications.getAuthenticationForProcessEngine(engine.getName());
        if (authentication instanceof UserAuthentication user) {
            return Optional.of(new Viewer(user.getIdentityId(),
                    user.getGroupIds() == null ? java.util.List.of() : user.getGroupIds()));
        }
        return Optional.empty();
    }
}
