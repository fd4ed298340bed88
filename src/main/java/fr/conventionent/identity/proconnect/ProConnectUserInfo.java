package fr.conventionent.identity.proconnect;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The userinfo answer. ProConnect sends it as a JWT signed like the ID token ({@code application/jwt}): it is checked
 * against the same JWKS, with the one configured algorithm, and must name the provider as issuer and this client as
 * audience, or the login fails. A provider answering plain JSON, as OpenID Connect allows, is read as such.
 * Spring Security then checks that the answer is about the ID token's subject.
 */
public class ProConnectUserInfo implements OAuth2UserService<OAuth2UserRequest, OAuth2User> {

    static final MediaType APPLICATION_JWT = new MediaType("application", "jwt");
    private static final String INVALID_USER_INFO = "invalid_user_info_response";
    private static final TypeReference<Map<String, Object>> CLAIMS = new TypeReference<>() {
    };

    private final SignatureAlgorithm algorithm;
    private final RestClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

    public ProConnectUserInfo(SignatureAlgorithm algorithm) {
        this.algorithm = algorithm;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        // a provider that does not answer fails this login only; the agent tries again
        requests.setConnectTimeout(Duration.ofSeconds(5));
        requests.setReadTimeout(Duration.ofSeconds(10));
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    /**
     * Spring's OpenID Connect user service reading userinfo through this one, at every login: ProConnect gives the
     * SIRET only there.
     */
    public static OidcUserService oidcUserService(SignatureAlgorithm algorithm) {
        OidcUserService service = new OidcUserService();
        service.setOauth2UserService(new ProConnectUserInfo(algorithm));
        service.setRetrieveUserInfo(request -> StringUtils.hasText(
                request.getClientRegistration().getProviderDetails().getUserInfoEndpoint().getUri()));
        return service;
    }

    @Override
    public OAuth2User loadUser(OAuth2UserRequest request) {
        ClientRegistration registration = request.getClientRegistration();
        ResponseEntity<String> answer;
        try {
            answer = http.get().uri(registration.getProviderDetails().getUserInfoEndpoint().getUri())
                    .headers(headers -> headers.setBearerAuth(request.getAccessToken().getTokenValue()))
                    .accept(APPLICATION_JWT, MediaType.APPLICATION_JSON)
                    .retrieve().toEntity(String.class);
        } catch (RestClientException e) {
            throw invalid("le fournisseur n'a pas donné les informations de l'agent (" + e.getMessage() + ")");
        }
        MediaType type = answer.getHeaders().getContentType();
        String body = answer.getBody() == null ? "" : answer.getBody().trim();
        Map<String, Object> claims = type != null && APPLICATION_JWT.isCompatibleWith(type)
                ? verified(registration, body) : parsed(body);
        if (!(claims.get(JwtClaimNames.SUB) instanceof String subject) || subject.isBlank()) {
            throw invalid("les informations de l'agent ne disent pas de qui il s'agit (sub absent)");
        }
        return new DefaultOAuth2User(Set.of(new OAuth2UserAuthority(claims)), claims, JwtClaimNames.SUB);
    }

    private Map<String, Object> verified(ClientRegistration registration, String token) {
        try {
            return decoders.computeIfAbsent(registration.getRegistrationId(), id -> decoder(registration))
                    .decode(token).getClaims();
        } catch (JwtException e) {
            throw invalid("réponse userinfo refusée, signature ou contenu invalide (" + e.getMessage() + ")");
        }
    }

    private JwtDecoder decoder(ClientRegistration registration) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
                .jwsAlgorithm(algorithm).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(registration.getProviderDetails().getIssuerUri()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(registration.getClientId()))));
        return decoder;
    }

    private Map<String, Object> parsed(String body) {
        try {
            Map<String, Object> claims = json.readValue(body, CLAIMS);
            if (claims == null) {
                throw invalid("réponse userinfo vide");
            }
            return claims;
        } catch (JsonProcessingException e) {
            throw invalid("réponse userinfo illisible, ni JWT signé ni JSON");
        }
    }

    private static OAuth2AuthenticationException invalid(String reason) {
        OAuth2Error error = new OAuth2Error(INVALID_USER_INFO, "ProConnect : " + reason, null);
        return new OAuth2AuthenticationException(error, error.getDescription());
    }
}
