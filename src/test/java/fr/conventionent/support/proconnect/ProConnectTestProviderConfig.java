package fr.conventionent.support.proconnect;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The test provider's beans: only what an authorization server needs, none of the application's. Not a
 * {@code @Configuration}: the application's component scan (which covers the test classes) must not find it.
 */
@EnableWebSecurity
@ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class})
class ProConnectTestProviderConfig {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, as -> as.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain agentLogin(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    UserDetailsService agents() {
        return new InMemoryUserDetailsManager(ProConnectTestProvider.users().stream()
                .map(user -> User.withUsername(user).password("{noop}" + ProConnectTestProvider.PASSWORD)
                        .roles("AGENT").build())
                .toList());
    }

    /** The application's client, registered for wherever the test started the application. */
    @Bean
    RegisteredClientRepository clients() {
        return new RegisteredClientRepository() {
            @Override
            public void save(RegisteredClient registeredClient) {
                // the provider re-encodes the secret after a login: the client stays as built from the test's state
            }

            @Override
            public RegisteredClient findById(String id) {
                return client();
            }

            @Override
            public RegisteredClient findByClientId(String clientId) {
                return ProConnectTestProvider.CLIENT_ID.equals(clientId) ? client() : null;
            }
        };
    }

    private static RegisteredClient client() {
        String application = ProConnectTestProvider.applicationBaseUrl;
        RegisteredClient.Builder builder = RegisteredClient.withId("convention-ent")
                .clientId(ProConnectTestProvider.CLIENT_ID)
                .clientSecret("{noop}" + ProConnectTestProvider.CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(application + "/login/oauth2/code/proconnect")
                .postLogoutRedirectUri(application + "/connexion?deconnecte")
                // PKCE required: a login without code_challenge is refused by the provider
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(5)).build());
        ProConnectTestProvider.scopes().forEach(builder::scope);
        return builder.build();
    }

    /** The ProConnect claims in the ID token. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> proConnectClaims() {
        return context -> {
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                ProConnectTestProvider.AGENTS.getOrDefault(context.getPrincipal().getName(), java.util.Map.of())
                        .forEach((claim, value) -> context.getClaims().claim(claim, value));
            }
        };
    }

    /**
     * The JWKS publishes the official key; tokens are signed with it, or, when the test forges tokens, with a rogue key
     * under the same key id. The encoder asks for a key type, the JWKS endpoint for every key.
     */
    @Bean
    JWKSource<SecurityContext> keys() {
        JWK official = new RSAKey.Builder(ProConnectTestProvider.publicKey(ProConnectTestProvider.OFFICIAL_KEY))
                .privateKey(ProConnectTestProvider.privateKey(ProConnectTestProvider.OFFICIAL_KEY))
                .keyID(ProConnectTestProvider.KEY_ID).build();
        JWK rogue = new RSAKey.Builder(ProConnectTestProvider.publicKey(ProConnectTestProvider.ROGUE_KEY))
                .privateKey(ProConnectTestProvider.privateKey(ProConnectTestProvider.ROGUE_KEY))
                .keyID(ProConnectTestProvider.KEY_ID).build();
        return (selector, context) -> {
            boolean signing = selector.getMatcher().getKeyTypes() != null && !selector.getMatcher().getKeyTypes().isEmpty();
            return List.of(signing && ProConnectTestProvider.forgeIdTokens ? rogue : official);
        };
    }

    /** The userinfo endpoint checks the access tokens it receives. */
    @Bean
    JwtDecoder accessTokens(JWKSource<SecurityContext> keys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().build();
    }
}
