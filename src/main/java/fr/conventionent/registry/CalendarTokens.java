package fr.conventionent.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secret of each user's calendar feed. Only its SHA-256 is stored: the feed's address is shown once, when it
 * is created; creating a new one or revoking it makes the old address answer 404.
 */
@Component
public class CalendarTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    public CalendarTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new secret for the user, replacing (revoking) any earlier one. */
    @Transactional
    public String renew(String userId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        revoke(userId);
        jdbc.update("INSERT INTO registre_calendrier (utilisateur, jeton, cree_le) VALUES (?, ?, ?)", userId,
                hash(token), Timestamp.from(Instant.now()));
        return token;
    }

    public void revoke(String userId) {
        jdbc.update("DELETE FROM registre_calendrier WHERE utilisateur = ?", userId);
    }

    /** When the user's current feed was created, if there is one. */
    public Optional<Instant> createdAt(String userId) {
        List<Timestamp> created = jdbc.queryForList("SELECT cree_le FROM registre_calendrier WHERE utilisateur = ?",
                Timestamp.class, userId);
        return created.stream().findFirst().map(Timestamp::toInstant);
    }

    /** The user a secret belongs to, if it is current. */
    public Optional<String> userOf(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,100}")) {
            return Optional.empty();
        }
        return jdbc.queryForList("SELECT utilisateur FROM registre_calendrier WHERE jeton = ?", String.class,
                hash(token)).stream().findFirst();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
