package fr.conventionent.registry;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The personal calendar feeds: no login (calendar applications cannot log in), the secret address is the key. */
@RestController
public class CalendarController {

    private final CalendarTokens tokens;
    private final CalendarFeed feed;

    public CalendarController(CalendarTokens tokens, CalendarFeed feed) {
        this.tokens = tokens;
        this.feed = feed;
    }

    @GetMapping("/registre/calendrier/{token}.ics")
    public ResponseEntity<StreamingResponseBody> calendar(@PathVariable String token) {
        String userId = tokens.userOf(token).orElseThrow(() -> new RegistryNotFoundException(
                "Calendrier inconnu ou révoqué : créez une nouvelle adresse depuis le registre des conventions."));
        Viewer viewer = feed.viewer(userId);
        StreamingResponseBody body = out -> {
            OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            feed.write(viewer, writer);
            writer.flush();
        };
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8)).body(body);
    }
}
