package fr.conventionent.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.conventionent.support.EngineTest;

/**
 * A browser that asks for a page that does not exist gets the French DSFR error page (static/error/), with the
 * right status; scripts asking the registry's API keep getting JSON.
 */
class ErrorPagesWebTest extends EngineTest {

    @LocalServerPort
    int port;

    @Test
    void aBrowserGetsTheFrenchErrorPageAndTheApiKeepsAnsweringJson() throws Exception {
        HttpResponse<String> page = get("/registre/page-qui-n-existe-pas", "text/html,application/xhtml+xml");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("<title>Page non trouvée", "fr-header", "/dsfr/dsfr.min.css")
                .doesNotContain("Whitelabel", "Exception");

        HttpResponse<String> api = get("/registre/api/conventions", "application/json");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(api.body()).contains("\"message\"");
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
