package fr.conventionent.identity.proconnect;

import java.util.function.Supplier;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/**
 * The one client registration, {@code proconnect}, read from the provider's discovery document at the first login
 * rather than at start-up: the application starts (and its local accounts work) while ProConnect is unreachable, and
 * the next login tries again.
 */
public class ProConnectRegistration implements ClientRegistrationRepository {

    public static final String ID = "proconnect";

    private final Supplier<ClientRegistration> discovery;
    private volatile ClientRegistration registration;

    public ProConnectRegistration(ProConnectProperties properties) {
        this.discovery = () -> ClientRegistrations.fromIssuerLocation(properties.issuer())
                .registrationId(ID)
                .clientName("ProConnect")
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(properties.scopes())
                .userNameAttributeName("sub")
                .build();
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            synchronized (this) {
                if (registration == null) {
                    registration = discovery.get();
                }
                known = registration;
            }
        }
        return known;
    }
}
