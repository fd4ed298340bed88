package fr.conventionent.identity.proconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The userinfo answer as ProConnect gives it (a JWT signed with the key its JWKS publishes), or as plain JSON, served
 * over real HTTP; anything not signed by the provider's key for this client and this agent fails the login.
 */
class ProConnectUserInfoTest {

    private static final String CLIENT_ID = "convention-ent";
    private static final String CLIENT_SECRET = "secret-du-client-assez-long-pour-un-hmac-sha-256";
    private static final String SUBJECT = "a1b2c3";
    private static final String KEY_ID = "cle-proconnect";

    private final OidcUserService users = ProConnectUserInfo.oidcUserService(SignatureAlgorithm.RS256);
    private RSAKey providerKey;
    private RSAKey foreignKey;
    private HttpServer provider;
    private volatile String contentType;
    private volatile String answer;
    private volatile String authorization;

    @BeforeEach
    void startProvider() throws Exception {
        providerKey = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
        foreignKey = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/jwks", exchange -> send(exchange, "application/json",
                new JWKSet(providerKey.toPublicJWK()).toString()));
        provider.createContext("/userinfo", exchange -> {
            authorization = exchange.getRequestHeaders().getFirst("Authorization");
            send(exchange, contentType, answer);
        });
        provider.start();
    }

    @AfterEach
    void stopProvider() {
        provider.stop(0);
    }

    @Test
    void userInfoSignedByTheProvidersKeyGivesTheAgentsSiretAndName() throws Exception {
        answer("application/jwt", signed(providerKey, claims().build()));

        OidcUser agent = users.loadUser(request());

        ProConnectIdentity identity = ProConnectIdentity.of(agent);
        assertThat(identity.siret()).isEqualTo("21780646200016");
        assertThat(identity.givenName()).isEqualTo("Claire");
        assertThat(identity.usualName()).isEqualTo("Dupont");
        assertThat(identity.email()).isEqualTo("claire.dupont@versailles.example");
        assertThat(authorization).as("the access token goes to the provider").isEqualTo("Bearer jeton-d-acces");
    }

    @Test
    void plainJsonUserInfoOfAnotherProviderStillWorks() throws Exception {
        answer("application/json;charset=utf-8", claims().build().toString());

        assertThat(ProConnectIdentity.of(users.loadUser(request())).siret()).isEqualTo("21780646200016");
    }

    enum Forgery {
        SIGNED_WITH_ANOTHER_KEY, UNSIGNED, SIGNED_WITH_THE_CLIENT_SECRET, FOR_ANOTHER_CLIENT, FROM_ANOTHER_ISSUER,
        EXPIRED, ABOUT_ANOTHER_AGENT, NOT_A_JWT
    }

    @ParameterizedTest
    @EnumSource(Forgery.class)
    void userInfoNotSignedByTheProviderForThisClientAndAgentFailsTheLogin(Forgery forgery) throws Exception {
        answer("application/jwt", forged(forgery));

        assertThatThrownBy(() -> users.loadUser(request()))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class,
                        refused -> assertThat(refused.getError().getErrorCode()).isEqualTo("invalid_user_info_response"));
    }

    private String forged(Forgery forgery) throws JOSEException {
        return switch (forgery) {
            case SIGNED_WITH_ANOTHER_KEY -> signed(foreignKey, claims().build());
            case UNSIGNED -> new PlainJWT(claims().build()).serialize();
            case SIGNED_WITH_THE_CLIENT_SECRET -> {
                SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
                jwt.sign(new MACSigner(CLIENT_SECRET.getBytes(StandardCharsets.UTF_8)));
                yield jwt.serialize();
            }
            case FOR_ANOTHER_CLIENT -> signed(providerKey, claims().audience("un-autre-service").build());
            case FROM_ANOTHER_ISSUER -> signed(providerKey, claims().issuer("https://ailleurs.example").build());
            case EXPIRED -> signed(providerKey, claims().issueTime(Date.from(Instant.now().minusSeconds(3600)))
                    .expirationTime(Date.from(Instant.now().minusSeconds(600))).build());
            case ABOUT_ANOTHER_AGENT -> signed(providerKey, claims().subject("quelqu-un-d-autre").build());
            case NOT_A_JWT -> "ceci n'est pas un jeton";
        };
    }

    private JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().subject(SUBJECT).issuer(issuer()).audience(CLIENT_ID)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(60)))
                .jwtID(UUID.randomUUID().toString())
                .claim("given_name", "Claire").claim("usual_name", "Dupont")
                .claim("email", "claire.dupont@versailles.example").claim("siret", "21780646200016");
    }

    private static String signed(RSAKey key, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private OidcUserRequest request() {
        Instant now = Instant.now();
        ClientRegistration registration = ClientRegistration.withRegistrationId(ProConnectRegistration.ID)
                .clientId(CLIENT_ID).clientSecret(CLIENT_SECRET)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "email", "given_name", "usual_name", "siret")
                .authorizationUri(issuer() + "/authorize").tokenUri(issuer() + "/token")
                .jwkSetUri(issuer() + "/jwks").userInfoUri(issuer() + "/userinfo").issuerUri(issuer())
                .userNameAttributeName("sub").build();
        OidcIdToken idToken = OidcIdToken.withTokenValue("jeton-d-identite").subject(SUBJECT).issuer(issuer())
                .audience(java.util.List.of(CLIENT_ID)).issuedAt(now).expiresAt(now.plusSeconds(60)).build();
        OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "jeton-d-acces",
                now, now.plusSeconds(60));
        return new OidcUserRequest(registration, accessToken, idToken);
    }

    private String issuer() {
        return "http://127.0.0.1:" + provider.getAddress().getPort();
    }

    private void answer(String type, String body) {
        contentType = type;
        answer = body;
    }

    private static void send(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
