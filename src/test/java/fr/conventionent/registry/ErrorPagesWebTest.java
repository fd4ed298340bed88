package fr.conventionent.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

import fr.conventionent.support.EngineTest;

/**
 * A browser that asks for a page that does not exist gets the French DSFR error page (templates/error/), with the
 * right status; scripts asking the registry's API keep getting JSON.
 */
class ErrorPagesWebTest extends EngineTest {

    @LocalServerPort
    int port;
    @Autowired
    SpringTemplateEngine pages;

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

    @Test
    void everyErrorPageShowsItsOwnTextsInTheSameFrame() {
        Map<String, String> titles = Map.of("error/404", "Page non trouvée", "error/4xx", "Demande refusée",
                "error/5xx", "Erreur inattendue");
        titles.forEach((template, title) -> {
            Document page = Jsoup.parse(pages.process(template, new Context(Locale.FRENCH)));
            assertThat(page.title()).as(template).isEqualTo(title + " – Convention ENT – Académie de Versailles");
            assertThat(page.select("h1").text()).as(template).isEqualTo(title);
            assertThat(page.select("main p").eachText()).as(template).hasSize(3).allMatch(text -> !text.isBlank());
            assertThat(page.select("header.fr-header, footer.fr-footer")).as(template).hasSize(2);
        });
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
