package fr.conventionent.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.conventionent.support.EngineTest;

/**
 * Each of our pages, at its usual address, arrives with the DSFR header, menu and footer already in its HTML (no
 * script needed to see or reach them), its own title, styles, quick-access links, current menu entry and script.
 */
class RegistryPagesWebTest extends EngineTest {

    @LocalServerPort
    int port;

    @Test
    void everyPageArrivesWithItsHeaderMenuAndFooter() throws Exception {
        Map<String, String> titles = Map.of(
                "/registre/", "Registre des conventions – Convention ENT",
                "/registre/campagnes.html", "Campagnes – Registre des conventions",
                "/registre/tableau-de-bord.html", "Tableau de bord – Convention ENT",
                "/registre/delegations.html", "Délégations et absences – Registre des conventions");
        for (Map.Entry<String, String> page : titles.entrySet()) {
            HttpResponse<String> answer = get(page.getKey());
            assertThat(answer.statusCode()).as(page.getKey()).isEqualTo(200);
            Document html = Jsoup.parse(answer.body());
            assertThat(html.title()).as(page.getKey()).startsWith(page.getValue());
            assertThat(html.select("header.fr-header")).as(page.getKey()).hasSize(1);
            assertThat(html.select("footer.fr-footer#pied-de-page")).as(page.getKey()).hasSize(1);
            assertThat(html.select(".fr-skiplinks a[href='#contenu']")).as(page.getKey()).hasSize(1);
            assertThat(html.select("#menu-principal .fr-nav__link[aria-current='page']")).as(page.getKey()).hasSize(1);
            assertThat(html.select("link[href='/dsfr/dsfr.min.css']")).as(page.getKey()).hasSize(1);
            assertThat(html.select("script[src='/dsfr/dsfr.module.min.js']")).as(page.getKey()).hasSize(1);
            assertThat(answer.body()).as(page.getKey()).doesNotContain("th:replace", "th:ref", "th:block", "Exception");
        }
    }

    @Test
    void eachPageKeepsWhatIsItsOwn() throws Exception {
        Document registry = Jsoup.parse(get("/registre/index.html").body());
        assertThat(registry.select(".fr-skiplinks a[href='#filtres']").text()).isEqualTo("Filtres du registre");
        assertThat(registry.select("#lien-campagnes[hidden], #lien-tableau-de-bord[hidden], #lien-delegations[hidden]"))
                .as("liens montrés selon le rôle par registre.js").hasSize(3);
        assertThat(registry.select("link[href='registre.css']")).hasSize(1);
        assertThat(registry.select("body > script").last().attr("src")).isEqualTo("registre.js");

        Document dashboard = Jsoup.parse(get("/registre/tableau-de-bord.html").body());
        assertThat(dashboard.select(".fr-skiplinks a[href='#filtres']").text()).isEqualTo("Filtres du tableau de bord");
        assertThat(dashboard.select("link[rel='stylesheet']").eachAttr("href")).containsExactly("/dsfr/dsfr.min.css",
                "/dsfr-chart/BarChart.css", "registre.css", "tableau-de-bord.css");
        assertThat(dashboard.select("body > script").eachAttr("src")).containsExactly("/dsfr/dsfr.module.min.js",
                "/dsfr/dsfr.nomodule.min.js", "/dsfr-chart/BarChart.js", "api.js", "tableau-de-bord.js");

        Document campaigns = Jsoup.parse(get("/registre/campagnes.html").body());
        assertThat(campaigns.select(".fr-skiplinks a[href='#filtres']")).isEmpty();
        assertThat(campaigns.select("#menu-principal [aria-current='page']").text()).isEqualTo("Campagnes");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
