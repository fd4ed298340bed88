package fr.conventionent.identity.proconnect;

import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;

/**
 * ProConnect mode. Spring Security only adds the OpenID Connect login (authorization code with PKCE, state and nonce
 * checked, ID token and signed userinfo answer checked against the provider's JWKS with the one configured algorithm)
 * and the logout; it protects no page by itself: Camunda keeps its authorizations, its login form for local and directory accounts,
 * its CSRF protection and its headers.
 */
@Configuration
@EnableWebSecurity
@ConditionalOnProConnect
public class ProConnectSecurityConfig {

    private static final Logger LOG = LoggerFactory.getLogger(ProConnectSecurityConfig.class);
    private static final Pattern CAMUNDA_LOGOUT = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/logout");
    public static final String AUTHORIZATION_BASE = "/oauth2/authorization";

    @Bean
    public ClientRegistrationRepository proConnectRegistration(ProConnectProperties properties) {
        return new ProConnectRegistration(properties);
    }

    /** Only the configured algorithm (never "none", never a MAC keyed by the client secret). */
    @Bean
    public OidcIdTokenDecoderFactory idTokenDecoderFactory(ProConnectProperties properties) {
        OidcIdTokenDecoderFactory factory = new OidcIdTokenDecoderFactory();
        SignatureAlgorithm algorithm = signatureAlgorithm(properties);
        factory.setJwsAlgorithmResolver(registration -> algorithm);
        return factory;
    }

    /** ProConnect's userinfo answer is a JWT signed like the ID token, and checked the same way. */
    @Bean
    public OidcUserService proConnectUserService(ProConnectProperties properties) {
        return ProConnectUserInfo.oidcUserService(signatureAlgorithm(properties));
    }

    private static SignatureAlgorithm signatureAlgorithm(ProConnectProperties properties) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.from(properties.algorithmeSignature());
        if (algorithm == null) {
            throw new IllegalStateException("PROCONNECT_ALGORITHME_SIGNATURE vaut « " + properties.algorithmeSignature()
                    + " » : choisissez un algorithme à clé publique (RS256, ES256…).");
        }
        return algorithm;
    }

    @Bean
    public SecurityFilterChain proConnectChain(HttpSecurity http, ClientRegistrationRepository registrations,
                                               OidcUserService users, CommuneAgents agents, ProcessEngine engine)
            throws Exception {
        DefaultOAuth2AuthorizationRequestResolver authorizationRequests =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, AUTHORIZATION_BASE);
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .oauth2Login(login -> login
                        .loginPage(ProConnectPages.LOGIN)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests))
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(users))
                        .successHandler(new ProConnectLoginSuccess(agents, engine))
                        .failureHandler((request, response, exception) -> {
                            LOG.warn("ProConnect : connexion refusée ({})", exception.getMessage());
                            response.sendRedirect(request.getContextPath() + ProConnectPages.LOGIN + "?echec");
                        }))
                .logout(logout -> logout
                        .logoutRequestMatcher(logoutRequests())
                        .logoutSuccessHandler(new ProConnectLogoutSuccess(registrations)))
                // Camunda has its own CSRF protection (X-XSRF-TOKEN) and headers: ours only guards our own form
                .csrf(csrf -> csrf.csrfTokenRepository(new HttpSessionCsrfTokenRepository())
                        .requireCsrfProtectionMatcher(request -> "POST".equals(request.getMethod())
                                && path(request).startsWith(ApprovalPages.PATH)))
                .headers(headers -> headers.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /** Placed after Spring Security (order -100) and before Camunda's own webapp filters. */
    @Bean
    public FilterRegistrationBean<ProConnectSessionFilter> proConnectSessionFilter() {
        FilterRegistrationBean<ProConnectSessionFilter> registration =
                new FilterRegistrationBean<>(new ProConnectSessionFilter());
        registration.setName("proconnect-container-authentication");
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(-50);
        return registration;
    }

    /**
     * {@code /deconnexion}, and Tasklist's logout of a ProConnect agent (its own CSRF header present: a page of
     * another site cannot send it, so cannot log the agent out).
     */
    private static RequestMatcher logoutRequests() {
        return request -> path(request).equals(ProConnectPages.LOGOUT)
                || (isCamundaLogout(request) && request.getHeader("X-XSRF-TOKEN") != null
                        && ProConnectIdentity.current() != null);
    }

    static boolean isCamundaLogout(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && CAMUNDA_LOGOUT.matcher(path(request)).matches();
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
