package fr.conventionent.identity.proconnect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who ProConnect says the agent is, read from the principal Spring Security built after checking the signed ID
 * token (and the userinfo answer for the same subject). Nothing here comes from a request parameter.
 */
public record ProConnectIdentity(String issuer, String subject, String givenName, String usualName, String email,
                                 String siret) {

    private static final Pattern READABLE_SUBJECT = Pattern.compile("[a-zA-Z0-9._-]{1,60}");

    public static ProConnectIdentity of(OidcUser user) {
        return new ProConnectIdentity(user.getIssuer() == null ? "" : user.getIssuer().toString(), user.getSubject(),
                user.getClaimAsString("given_name"), user.getClaimAsString("usual_name"), user.getEmail(),
                user.getClaimAsString("siret"));
    }

    /** The agent logged in through ProConnect in this request's Spring Security session, or null. */
    public static ProConnectIdentity current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof OidcUser user) {
            return of(user);
        }
        return null;
    }

    /**
     * The agent's Camunda user id: {@code pc.} and ProConnect's subject when it fits Camunda's id rules, else a
     * digest of issuer and subject (a subject is unique only for its issuer).
     */
    public String userId() {
        if (subject != null && READABLE_SUBJECT.matcher(subject).matches()) {
            return "pc." + subject;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((issuer + "|" + subject).getBytes(StandardCharsets.UTF_8));
            return "pc." + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
