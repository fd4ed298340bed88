package fr.conventionent.support.proconnect;

import java.io.IOException;
import java.net.URL;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

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
import org.springframework.security.core.Authentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationToken;
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

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The test provider's beans: only what an authorization server needs, none of the application's. Not a
 * {@code @Configuration}: the application's component scan (which covers the test classes) must not find it.
 */
@EnableWebSecurity
@ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class})
class ProConnectTestProviderConfig {

    /** Header set on ID tokens by the claims customizer, taken off before signing. */
    private static final String ID_TOKEN_MARK = "jeton-d-identite";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, as -> as.oidc(oidc -> oidc.userInfoEndpoint(userInfo -> userInfo
                        .userInfoMapper(ProConnectTestProviderConfig::userInfo)
                        .userInfoResponseHandler(this::sendSignedUserInfo))))
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

    /**
     * The ID token is marked for {@link #tokens}. Like ProConnect's, it carries no claim about the agent but
     * {@code sub}: name, e-mail and SIRET come from userinfo only.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> markIdTokens() {
        return context -> {
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                context.getJwsHeader().header(ID_TOKEN_MARK, true);
            }
        };
    }

    /** The JWKS publishes the provider's key only. */
    @Bean
    JWKSource<SecurityContext> keys() {
        return new ImmutableJWKSet<>(new JWKSet(rsaKey(ProConnectTestProvider.OFFICIAL_KEY)));
    }

    /** Access tokens are signed with the provider's key; ID tokens as the test asks. */
    @Bean
    JwtEncoder tokens(JWKSource<SecurityContext> keys) {
        return parameters -> {
            JwsHeader header = parameters.getJwsHeader();
            if (header == null || !header.getHeaders().containsKey(ID_TOKEN_MARK)) {
                return new NimbusJwtEncoder(keys).encode(parameters);
            }
            JwsHeader unmarked = JwsHeader.from(header).headers(headers -> headers.remove(ID_TOKEN_MARK)).build();
            return encode(ProConnectTestProvider.idTokens, unmarked, parameters.getClaims(), keys);
        };
    }

    /** ProConnect's userinfo answer: a JWT for this client, signed as the test asks. */
    private void sendSignedUserInfo(HttpServletRequest request, HttpServletResponse response,
                                    Authentication authentication) throws IOException {
        OidcUserInfo agent = ((OidcUserInfoAuthenticationToken) authentication).getUserInfo();
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().claims(all -> all.putAll(agent.getClaims()))
                .issuer(AuthorizationServerContextHolder.getContext().getIssuer())
                .audience(List.of(ProConnectTestProvider.CLIENT_ID)).issuedAt(now).expiresAt(now.plusSeconds(60))
                .build();
        Jwt jwt = encode(ProConnectTestProvider.userInfo, JwsHeader.with(SignatureAlgorithm.RS256).build(), claims,
                keys());
        response.setContentType("application/jwt");
        response.getWriter().write(jwt.getTokenValue());
    }

    private static OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
        String agent = context.getAuthorization().getPrincipalName();
        return OidcUserInfo.builder().subject(agent)
                .claims(claims -> claims.putAll(ProConnectTestProvider.AGENTS.getOrDefault(agent, Map.of()))).build();
    }

    private static Jwt encode(ProConnectTestProvider.Signature signature, JwsHeader header, JwtClaimsSet claims,
                              JWKSource<SecurityContext> providerKeys) {
        return switch (signature) {
            case PROVIDER_KEY -> new NimbusJwtEncoder(providerKeys).encode(JwtEncoderParameters.from(header, claims));
            case FOREIGN_KEY -> new NimbusJwtEncoder(new ImmutableJWKSet<>(
                    new JWKSet(rsaKey(ProConnectTestProvider.ROGUE_KEY)))).encode(JwtEncoderParameters.from(header, claims));
            case NONE -> unsigned(claims);
        };
    }

    private static Jwt unsigned(JwtClaimsSet claims) {
        JWTClaimsSet.Builder plain = new JWTClaimsSet.Builder();
        claims.getClaims().forEach((name, value) -> plain.claim(name, value instanceof Instant instant
                ? Date.from(instant) : value instanceof URL url ? url.toString() : value));
        return Jwt.withTokenValue(new PlainJWT(plain.build()).serialize()).header("alg", "none")
                .claims(all -> all.putAll(claims.getClaims())).build();
    }

    private static RSAKey rsaKey(KeyPair pair) {
        return new RSAKey.Builder(ProConnectTestProvider.publicKey(pair))
                .privateKey(ProConnectTestProvider.privateKey(pair)).keyID(ProConnectTestProvider.KEY_ID).build();
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
