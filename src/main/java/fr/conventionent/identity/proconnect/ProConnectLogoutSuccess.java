package fr.conventionent.identity.proconnect;

import java.io.IOException;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Logout ends the ProConnect session too (RP-initiated logout). Tasklist's own logout button calls its API in the
 * background, which cannot follow a redirect to the provider: it gets the provider's address in a header, and the
 * page goes there (scripts/proconnect-deconnexion.js).
 */
public class ProConnectLogoutSuccess extends OidcClientInitiatedLogoutSuccessHandler {

    public static final String PROVIDER_LOGOUT_HEADER = "X-Deconnexion-ProConnect";

    public ProConnectLogoutSuccess(ClientRegistrationRepository registrations) {
        super(registrations);
        setPostLogoutRedirectUri("{baseUrl}" + ProConnectPages.LOGIN + "?deconnecte");
        setDefaultTargetUrl(ProConnectPages.LOGIN + "?deconnecte");
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        if (ProConnectSecurityConfig.isCamundaLogout(request)) {
            response.setHeader(PROVIDER_LOGOUT_HEADER, determineTargetUrl(request, response, authentication));
            response.setStatus(HttpServletResponse.SC_OK);
            return;
        }
        super.onLogoutSuccess(request, response, authentication);
    }
}
