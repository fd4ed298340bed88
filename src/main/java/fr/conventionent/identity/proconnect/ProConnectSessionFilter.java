package fr.conventionent.identity.proconnect;

import java.io.IOException;

import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * Camunda's container-based authentication, for ProConnect agents only: an agent's Spring Security session logs them
 * in to Tasklist (and the registry, which reads the same session). Everyone else goes on untouched to Camunda's own
 * login form (local and directory accounts), where the original filter would answer 401.
 */
public class ProConnectSessionFilter extends ContainerBasedAuthenticationFilter {

    public ProConnectSessionFilter() {
        this.authenticationProvider = new ProConnectAuthenticationProvider();
    }

    @Override
    public void init(FilterConfig filterConfig) {
        // the provider is set by the constructor, not by an init parameter
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (ProConnectIdentity.current() == null) {
            chain.doFilter(request, response);
            return;
        }
        super.doFilter(request, response, chain);
    }
}
