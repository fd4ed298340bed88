package fr.conventionent.identity.proconnect;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ProConnect, the State's OpenID Connect federation for public agents ({@code convention.proconnect.*}, README
 * « Agents des communes : ProConnect »). Off unless an issuer is given, directly or through the environment's name.
 *
 * @param environnement {@code integration} or {@code production}: picks ProConnect's issuer on the Internet network
 *                      when {@code emetteur} is empty
 * @param emetteur the issuer URL (its {@code /.well-known/openid-configuration} describes the provider)
 * @param scopes what is asked of the provider; {@code openid} is required
 * @param algorithmeSignature the JWS algorithm the provider signs ID tokens and userinfo answers with (RS256 or ES256)
 * @param approbationDaces when true, the DACES approves each new agent before they get their commune's group
 * @param contactDaces whom an organisation that is not a party to any convention should write to
 */
@ConfigurationProperties(prefix = "convention.proconnect")
public record ProConnectProperties(
        String environnement,
        String emetteur,
        String clientId,
        String clientSecret,
        List<String> scopes,
        String algorithmeSignature,
        boolean approbationDaces,
        String contactDaces) {

    /** ProConnect's Internet domains, as its partner documentation lists them (the RIE ones go in emetteur). */
    public static final String INTEGRATION_ISSUER = "https://fca.integ01.dev-agentconnect.fr/api/v2";
    public static final String PRODUCTION_ISSUER = "https://auth.agentconnect.gouv.fr/api/v2";

    public ProConnectProperties {
        scopes = scopes == null || scopes.isEmpty()
                ? List.of("openid", "email", "given_name", "usual_name", "siret") : List.copyOf(scopes);
        algorithmeSignature = blank(algorithmeSignature) ? "RS256" : algorithmeSignature.trim();
        contactDaces = blank(contactDaces) ? "la DACES du rectorat" : contactDaces.trim();
        if (!blank(environnement) && blank(emetteur)
                && !List.of("integration", "production").contains(environnement.trim())) {
            throw new IllegalStateException("PROCONNECT_ENV vaut « " + environnement
                    + " » : choisissez integration ou production (ou donnez PROCONNECT_ISSUER).");
        }
    }

    /** The issuer: the one configured, else the one of the named environment, else none (ProConnect off). */
    public String issuer() {
        if (!blank(emetteur)) {
            return emetteur.trim();
        }
        if (blank(environnement)) {
            return null;
        }
        return "production".equals(environnement.trim()) ? PRODUCTION_ISSUER : INTEGRATION_ISSUER;
    }

    public boolean enabled() {
        return issuer() != null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
