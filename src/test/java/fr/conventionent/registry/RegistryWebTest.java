package fr.conventionent.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.conventionent.support.ConventionTables;
import fr.conventionent.support.ConventionLifeTest;
import fr.conventionent.support.WebSession;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * The registry through the same login as Tasklist: each role sees, exports and gets in its calendar only the
 * conventions it may see.
 */
class RegistryWebTest extends ConventionLifeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private String versailles;
    private String nanterre;
    private String evry;

    @BeforeEach
    void threeSignedConventions() {
        ConventionTables.empty(jdbc);
        jdbc.update("DELETE FROM registre_calendrier");
        versailles = numero(signedConvention("78646", "Versailles", "2026-03-02"));
        nanterre = numero(signedConvention("92050", "Nanterre", "2026-04-01"));
        ProcessInstance evryConvention = startConvention("91228");
        evry = numero(evryConvention);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private List<String> numbersSeenBy(String user) throws Exception {
        JsonNode page = json(WebSession.loggedIn(port, user).get("/registre/api/conventions?tri=numero"));
        List<String> numbers = new java.util.ArrayList<>();
        page.get("lignes").forEach(line -> numbers.add(line.get("numero").asText()));
        assertThat(page.get("total").asLong()).isEqualTo(numbers.size());
        return numbers;
    }

    @Test
    void eachRoleSeesOnlyTheConventionsOfItsScope() throws Exception {
        assertThat(numbersSeenBy("mairie.versailles")).containsExactly(versailles);
        assertThat(numbersSeenBy("mairie.nanterre")).containsExactly(nanterre);
        assertThat(numbersSeenBy("ien.versailles")).containsExactly(versailles);
        assertThat(numbersSeenBy("tice.92")).containsExactly(nanterre);
        assertThat(numbersSeenBy("dasen.91")).containsExactly(evry);
        assertThat(numbersSeenBy("dasen.95")).isEmpty();
        assertThat(numbersSeenBy("rssi")).isEmpty();
        for (String everything : List.of("daces", "recteur", "dsi", "dpo", "admin")) {
            assertThat(numbersSeenBy(everything)).as(everything).containsExactlyInAnyOrder(versailles, nanterre, evry);
        }
    }

    @Test
    void aConventionOfAnotherCommuneCannotBeOpenedNorItsDocumentsDownloaded() throws Exception {
        WebSession daces = WebSession.loggedIn(port, "daces");
        JsonNode detail = json(daces.get("/registre/api/conventions/" + nanterre));
        assertThat(detail.at("/convention/statutLibelle").asText()).isEqualTo("en vigueur");
        List<String> labels = new java.util.ArrayList<>();
        detail.get("documents").forEach(document -> labels.add(document.get("libelle").asText()));
        assertThat(labels).contains("Convention (DOCX)", "Convention signée (scan PDF)", "Bordereau de circuit (DOCX)");
        String scan = null;
        for (JsonNode document : detail.get("documents")) {
            if (document.get("libelle").asText().equals("Convention signée (scan PDF)")) {
                scan = document.get("id").asText();
            }
        }
        List<String> steps = new java.util.ArrayList<>();
        detail.get("chronologie").forEach(event -> steps.add(event.get("etape").asText() + " / "
                + event.path("decision").asText("")));
        assertThat(steps).anyMatch(step -> step.endsWith(" / validée"));
        assertThat(detail.get("cockpit")).as("liens Cockpit réservés aux administrateurs").isEmpty();
        assertThat(daces.getBytes("/registre/api/conventions/" + nanterre + "/documents/" + scan).statusCode())
                .isEqualTo(200);

        WebSession versaillesSession = WebSession.loggedIn(port, "mairie.versailles");
        HttpResponse<String> refused = versaillesSession.get("/registre/api/conventions/" + nanterre);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("Aucune convention n° « " + nanterre + " » dans votre registre");
        assertThat(versaillesSession.getBytes("/registre/api/conventions/" + nanterre + "/documents/" + scan)
                .statusCode()).isEqualTo(404);
        assertThat(versaillesSession.getBytes("/registre/api/conventions/" + versailles + "/documents/" + scan)
                .statusCode()).as("un document d'une autre convention, demandé sous la sienne").isEqualTo(404);

        JsonNode admin = json(WebSession.loggedIn(port, "admin").get("/registre/api/conventions/" + nanterre));
        assertThat(admin.get("cockpit").get(0).get("url").asText()).startsWith("/camunda/app/cockpit/default/#/process-instance/");
    }

    @Test
    void withoutLoginTheRegistryAnswers401AndABadFilterGetsAFrenchMessage() throws Exception {
        HttpResponse<String> anonymous = new WebSession(port).get("/registre/api/conventions");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("Connectez-vous d'abord à la liste des tâches");
        HttpResponse<String> bad = WebSession.loggedIn(port, "daces").get("/registre/api/conventions?statut=signee");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("message").asText()).startsWith("Statut inconnu : « signee »");
    }

    @Test
    void theCsvExportOpensInAFrenchSpreadsheetAndHoldsOnlyWhatTheUserSees() throws Exception {
        HttpResponse<byte[]> csv = WebSession.loggedIn(port, "daces").getBytes("/registre/api/conventions.csv?tri=numero");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        byte[] bytes = csv.body();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String[] lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).startsWith("Numéro;Commune;Code INSEE;Département;Circonscription;Statut;Date de signature");
        assertThat(lines).hasSize(4);
        String versaillesLine = java.util.Arrays.stream(lines).filter(l -> l.startsWith(versailles)).findFirst()
                .orElseThrow();
        assertThat(versaillesLine).startsWith(versailles + ";Versailles;78646;78;versailles;en vigueur;02/03/2026;"
                + "01/03/2030;02/03/2030;02/12/2029;");

        byte[] communeCsv = WebSession.loggedIn(port, "mairie.nanterre").getBytes("/registre/api/conventions.csv").body();
        String communeText = new String(communeCsv, StandardCharsets.UTF_8);
        assertThat(communeText).contains(nanterre).doesNotContain(versailles).doesNotContain(evry);
    }

    @Test
    void theCalendarFeedIsPersonalRevocableAndValidICalendar() throws Exception {
        WebSession commune = WebSession.loggedIn(port, "mairie.versailles");
        HttpResponse<String> created = commune.send("POST", "/registre/api/calendrier", true);
        String address = json(created).get("adresse").asText();
        String path = address.substring(address.indexOf("/registre/calendrier/"));
        assertThat(commune.send("POST", "/registre/api/calendrier", false).statusCode())
                .as("sans l'en-tête de la page, refusé").isEqualTo(403);

        HttpResponse<String> feed = new WebSession(port).get(path);
        assertThat(feed.statusCode()).isEqualTo(200);
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        calendar.validate();
        List<String> summaries = calendar.<VEvent>getComponents().stream()
                .map(event -> event.getSummary().getValue()).toList();
        assertThat(summaries).contains(
                "Reconduction tacite de la convention " + versailles + " (commune de Versailles)",
                "Dernier jour pour dénoncer la convention " + versailles + " (commune de Versailles)",
                "Comité de pilotage de la convention " + versailles + " (commune de Versailles)");
        assertThat(String.join("\n", summaries)).doesNotContain(nanterre).doesNotContain(evry);
        VEvent lastDay = calendar.<VEvent>getComponents().stream()
                .filter(event -> event.getSummary().getValue().startsWith("Dernier jour")).findFirst().orElseThrow();
        assertThat(lastDay.getDateTimeStart().getValue()).isEqualTo("20291202");

        Calendar dacesCalendar = new CalendarBuilder().build(new StringReader(new WebSession(port).get(
                pathOf(json(WebSession.loggedIn(port, "daces").send("POST", "/registre/api/calendrier", true))))
                .body()));
        assertThat(dacesCalendar.<VEvent>getComponents().stream().map(e -> e.getSummary().getValue()).toList())
                .anyMatch(s -> s.contains(nanterre)).anyMatch(s -> s.contains(versailles));

        assertThat(commune.send("DELETE", "/registre/api/calendrier", true).statusCode()).isEqualTo(204);
        HttpResponse<String> revoked = new WebSession(port).get(path);
        assertThat(revoked.statusCode()).isEqualTo(404);
        assertThat(revoked.body()).contains("Calendrier inconnu ou révoqué");
    }

    private static String pathOf(JsonNode created) {
        String address = created.get("adresse").asText();
        return address.substring(address.indexOf("/registre/calendrier/"));
    }
}
