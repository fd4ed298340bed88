package fr.conventionent.support.proconnect;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real OpenID Connect provider for the tests, shaped like ProConnect: Spring Authorization Server in its own
 * application context on a free port, signed ID tokens, JWKS, discovery, userinfo answered as a signed JWT
 * ({@code application/jwt}, as ProConnect does) and RP-initiated logout. Its users (password {@link #PASSWORD}) carry
 * the claims ProConnect gives: {@code given_name}, {@code usual_name}, {@code email}, {@code siret}.
 */
public final class ProConnectTestProvider implements AutoCloseable {

    public static final String CLIENT_ID = "convention-ent";
    public static final String CLIENT_SECRET = "secret-du-client-de-test";
    public static final String PASSWORD = "ProConnect-2026";

    /** Agent of the mairie of Versailles (SIRET of communes.csv). */
    public static final String AGENT_VERSAILLES = "claire.dupont";
    /** Agent of the mairie of Pontoise. */
    public static final String AGENT_PONTOISE = "paul.martin";
    /** Agent of an organisation that is no commune of the referential. */
    public static final String AGENT_INCONNU = "jean.autre";

    static final Map<String, Map<String, Object>> AGENTS = Map.of(
            AGENT_VERSAILLES, Map.of("given_name", "Claire", "usual_name", "Dupont",
                    "email", "claire.dupont@versailles.example", "siret", "21780646200016"),
            AGENT_PONTOISE, Map.of("given_name", "Paul", "usual_name", "Martin",
                    "email", "paul.martin@pontoise.example", "siret", "21950500500013"),
            AGENT_INCONNU, Map.of("given_name", "Jean", "usual_name", "Autre",
                    "email", "jean.autre@ailleurs.example", "siret", "11002001300097"));

    /** How the provider signs an ID token or a userinfo answer. */
    public enum Signature {
        /** With the key its JWKS publishes, as ProConnect does. */
        PROVIDER_KEY,
        /** With another key under the same key id: a forgery. */
        FOREIGN_KEY,
        /** Not at all ({@code alg=none}). */
        NONE
    }

    /** State shared with the provider's beans (one provider per test JVM at a time). */
    static volatile String applicationBaseUrl = "http://127.0.0.1:8080";
    static volatile Signature idTokens = Signature.PROVIDER_KEY;
    static volatile Signature userInfo = Signature.PROVIDER_KEY;
    static final KeyPair OFFICIAL_KEY = rsa();
    static final KeyPair ROGUE_KEY = rsa();
    static final String KEY_ID = UUID.randomUUID().toString();

    private final ConfigurableApplicationContext context;
    private final int port;

    private ProConnectTestProvider(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public static ProConnectTestProvider start() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ProConnectTestProviderConfig.class)
                .web(WebApplicationType.SERVLET)
                .properties("spring.config.name=proconnect-fournisseur-de-test", "server.port=0",
                        "server.address=127.0.0.1",
                        // its own session cookie: cookies ignore ports, and the application uses JSESSIONID
                        "server.servlet.session.cookie.name=PROCONNECT_SESSION",
                        "spring.main.banner-mode=off")
                .run();
        return new ProConnectTestProvider(context);
    }

    public String issuer() {
        return "http://127.0.0.1:" + port;
    }

    /** Where the application under test runs: its redirect and post-logout addresses are registered from it. */
    public void clientOf(String baseUrl) {
        applicationBaseUrl = baseUrl;
    }

    /** How ID tokens are signed from now on. */
    public void signIdTokens(Signature signature) {
        idTokens = signature;
    }

    /** How userinfo answers are signed from now on. */
    public void signUserInfo(Signature signature) {
        userInfo = signature;
    }

    static List<String> scopes() {
        return List.of("openid", "email", "given_name", "usual_name", "siret");
    }

    static Set<String> users() {
        return AGENTS.keySet();
    }

    static RSAPublicKey publicKey(KeyPair pair) {
        return (RSAPublicKey) pair.getPublic();
    }

    static RSAPrivateKey privateKey(KeyPair pair) {
        return (RSAPrivateKey) pair.getPrivate();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
