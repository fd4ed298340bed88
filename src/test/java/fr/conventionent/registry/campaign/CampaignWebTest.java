package fr.conventionent.registry.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.conventionent.support.EngineTest;

/** The campaigns' API through the real Tasklist login, as the page uses it. */
class CampaignWebTest extends EngineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = CampaignController.PATH;
    private static final String BOUNDARY = "----campagne-test";

    @LocalServerPort
    int port;

    @Test
    void dacesLaunchesACampaignAndFollowsItToTheEnd() throws Exception {
        Session daces = login("daces");

        HttpResponse<String> launched = daces.send(post("Code INSEE\r\n92025\r\n91174\r\n91174\r\n123\r\n", true));

        assertThat(launched.statusCode()).isEqualTo(202);
        long id = JSON.readTree(launched.body()).path("id").asLong();
        JsonNode report = awaitEnd(daces, id);
        assertThat(report.at("/campagne/libelle").asText()).isEqualTo("Rentrée 2026");
        assertThat(report.at("/campagne/total").asInt()).isEqualTo(4);
        assertThat(report.at("/campagne/demarrees").asInt()).isEqualTo(2);
        assertThat(report.at("/campagne/refusees").asInt()).isEqualTo(2);
        assertThat(report.at("/campagne/traitees").asInt()).isEqualTo(4);
        assertThat(report.at("/campagne/etatLibelle").asText()).isEqualTo("terminée");
        assertThat(report.at("/lignes/0/resultat").asText()).isEqualTo("demarree");
        assertThat(report.at("/lignes/0/resultatLibelle").asText()).isEqualTo("démarrée");
        assertThat(report.at("/lignes/2/motif").asText()).isEqualTo("doublon de la ligne 3");
        assertThat(report.at("/lignes/3/motif").asText()).isEqualTo("« 123 » n'est pas un code INSEE (5 caractères)");

        HttpResponse<String> csv = daces.send(get(API + "/" + id + "/rapport.csv"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFFLigne;Code INSEE;Commune;Résultat;Convention;Motif\r\n")
                .contains("2;92025;Colombes;démarrée;CONV-92025-").contains("4;91174;Corbeil-Essonnes;refusée;;doublon de la ligne 3");
        assertThat(JSON.readTree(daces.send(get(API)).body()).findValuesAsText("id")).contains(String.valueOf(id));
        HttpResponse<String> missing = daces.send(get(API + "/abc"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).path("message").asText()).isEqualTo("Campagne « abc » introuvable.");
    }

    @Test
    void departementCampaignThroughAPlainForm() throws Exception {
        Session daces = login("daces");

        HttpResponse<String> launched = daces.send(HttpRequest.newBuilder(uri(API))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Requested-With", "XMLHttpRequest")
                .POST(BodyPublishers.ofString("departement=91")).build());

        assertThat(launched.statusCode()).isEqualTo(202);
        JsonNode report = awaitEnd(daces, JSON.readTree(launched.body()).path("id").asLong());
        assertThat(report.at("/campagne/source").asText()).isEqualTo("département 91");
        assertThat(report.at("/campagne/demarrees").asInt()).isEqualTo(2);
        HttpResponse<String> unknown = daces.send(HttpRequest.newBuilder(uri(API))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Requested-With", "XMLHttpRequest")
                .POST(BodyPublishers.ofString("departement=77")).build());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).path("message").asText())
                .isEqualTo("Aucune commune du département 77 dans le référentiel de l'académie.");
    }

    @Test
    void launchWithoutTheAjaxHeaderIsRefused() throws Exception {
        Session daces = login("daces");

        HttpResponse<String> refused = daces.send(post("92025\r\n", false));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).path("message").asText()).startsWith("Requête refusée");
        assertThat(runtimeService.createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void communeUserMayNotRunCampaigns() throws Exception {
        Session mairie = login("mairie.versailles");

        HttpResponse<String> list = mairie.send(get(API));
        HttpResponse<String> launch = mairie.send(post("78646\r\n", true));

        assertThat(list.statusCode()).isEqualTo(403);
        assertThat(launch.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(launch.body()).path("message").asText())
                .isEqualTo("Les campagnes sont réservées à la DACES et aux administrateurs.");
        assertThat(runtimeService.createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void withoutLoginTheApiAsksToLogIn() throws Exception {
        Session anonymous = new Session();

        HttpResponse<String> list = anonymous.send(get(API));
        HttpResponse<String> launch = anonymous.send(post("78646\r\n", true));

        assertThat(list.statusCode()).isEqualTo(401);
        assertThat(launch.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(list.body()).path("message").asText()).startsWith("Connectez-vous d'abord à Tasklist");
        assertThat(anonymous.send(get("/registre/campagnes.html")).body()).contains("Campagnes");
    }

    /** Logs in like Tasklist: its page sets the XSRF-TOKEN cookie, the login form sends it back as a header. */
    private Session login(String user) throws Exception {
        Session session = new Session();
        session.send(get("/camunda/app/tasklist/"));
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(user, StandardCharsets.UTF_8);
        HttpResponse<String> login = session.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", session.cookie("XSRF-TOKEN"))
                .POST(BodyPublishers.ofString(form)).build());
        assertThat(login.statusCode()).as("connexion de %s", user).isEqualTo(200);
        return session;
    }

    private JsonNode awaitEnd(Session session, long id) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> progress = session.send(get(API + "/" + id));
            assertThat(progress.statusCode()).isEqualTo(200);
            JsonNode report = JSON.readTree(progress.body());
            if (Campaign.TERMINEE.equals(report.at("/campagne/etat").asText())) {
                return report;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Campagne " + id + " non terminée après 60 s");
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET().build();
    }

    private HttpRequest post(String csv, boolean ajax) {
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"libelle\"\r\n\r\nRentrée 2026\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"communes.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + BOUNDARY + "--\r\n";
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(API))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (ajax) {
            request.header("X-Requested-With", "XMLHttpRequest");
        }
        return request.build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A browser's cookie jar. */
    private static final class Session {

        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
            return client.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst()
                    .orElseThrow(() -> new AssertionError("pas de cookie " + name));
        }
    }
}
