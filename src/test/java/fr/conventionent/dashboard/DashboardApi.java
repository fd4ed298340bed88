package fr.conventionent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.conventionent.support.WebSession;

/** The dashboard's API as the tests read it: a chart in JSON or CSV for a logged-in user, its lines as text. */
final class DashboardApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DashboardApi() {
    }

    static JsonNode chart(int port, String user, String path) throws Exception {
        HttpResponse<String> response = WebSession.loggedIn(port, user).get("/registre/api/tableau-de-bord/" + path);
        assertThat(response.statusCode()).as(user + " " + path + " : " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static String csv(int port, String user, String path) {
        HttpResponse<byte[]> response = WebSession.loggedIn(port, user).getBytes("/registre/api/tableau-de-bord/" + path);
        assertThat(response.statusCode()).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** Each line of a chart as « value | value | … » for the given columns (those it has). */
    static List<String> lines(JsonNode chart, String... keys) {
        List<String> lines = new ArrayList<>();
        for (JsonNode line : chart.get("lignes")) {
            List<String> values = new ArrayList<>();
            for (String key : keys) {
                if (line.has(key)) {
                    values.add(line.get(key).asText());
                }
            }
            lines.add(String.join(" | ", values));
        }
        return lines;
    }
}
