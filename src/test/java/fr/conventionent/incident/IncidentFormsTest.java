package fr.conventionent.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The forms validate in the browser, the server validates again with {@link IncidentLists} and
 * {@link IncidentProcess}: both must name the same variables and offer the same codes.
 */
class IncidentFormsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FORMS = List.of("qualifier-incident", "decider-mesures", "notifier-cnil",
            "clore-incident", "decider-mesures-commune", "commenter-incident", "designer-notifiant-cnil");

    private static String resource(String path) throws IOException {
        try (InputStream in = IncidentFormsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode form(String name) throws IOException {
        return JSON.readTree(resource("forms/" + name + ".form"));
    }

    /** value → label of the component with that key. */
    private static Map<String, String> choices(JsonNode form, String key) {
        Map<String, String> choices = new LinkedHashMap<>();
        for (JsonNode component : form.get("components")) {
            if (key.equals(component.path("key").asText())) {
                component.get("values").forEach(v -> choices.put(v.get("value").asText(), v.get("label").asText()));
            }
        }
        return choices;
    }

    @Test
    void severityAndScopeListsAreTheServersInEveryForm() throws IOException {
        for (String name : FORMS) {
            JsonNode form = form(name);
            if (!choices(form, IncidentProcess.GRAVITE).isEmpty()) {
                assertThat(choices(form, IncidentProcess.GRAVITE)).as(name).isEqualTo(IncidentLists.GRAVITES);
                assertThat(choices(form, IncidentProcess.PERIMETRE)).as(name).isEqualTo(IncidentLists.PERIMETRES);
            }
        }
        assertThat(choices(form("qualifier-incident"), IncidentProcess.VIOLATION_DONNEES).keySet())
                .containsExactly(IncidentProcess.OUI, IncidentProcess.NON);
        assertThat(choices(form("notifier-cnil"), IncidentProcess.NOTIFICATION_CNIL).keySet())
                .containsExactly(IncidentProcess.NOTIFIEE, IncidentProcess.NON_NOTIFIEE);
        assertThat(choices(form("designer-notifiant-cnil"), IncidentProcess.NOTIFIANT_CNIL))
                .isEqualTo(IncidentLists.NOTIFIANTS_CNIL);
    }

    @Test
    void startFormOffersTheServersIncidentTypesAndNamesItsVariables() throws IOException {
        String html = resource("forms/signaler-incident.html");
        assertThat(options(html, IncidentProcess.TYPE_INCIDENT)).isEqualTo(IncidentLists.TYPES);
        assertThat(options(html, IncidentProcess.COMPETENCE)).isEqualTo(IncidentLists.COMPETENCES);

        List<String> variables = Pattern.compile("cam-variable-name=\"([^\"]+)\"").matcher(html).results()
                .map(m -> m.group(1)).toList();
        assertThat(variables).containsExactly(IncidentProcess.TYPE_INCIDENT, IncidentProcess.COMPETENCE,
                IncidentProcess.DATE_DETECTION,
                IncidentProcess.COMMUNE_INSEE, IncidentProcess.ECOLES_UAI, IncidentProcess.DONNEES_PERSONNELLES,
                IncidentProcess.DESCRIPTION, IncidentProcess.PIECES_JOINTES[0], IncidentProcess.PIECES_JOINTES[1],
                IncidentProcess.PIECES_JOINTES[2]);
    }

    /** value → label of the options of one select of the start form. */
    private static Map<String, String> options(String html, String name) {
        Matcher select = Pattern.compile("<select[^>]*name=\"" + name + "\"[^>]*>(.*?)</select>", Pattern.DOTALL)
                .matcher(html);
        assertThat(select.find()).as(name).isTrue();
        Map<String, String> options = new LinkedHashMap<>();
        Matcher option = Pattern.compile("<option value=\"([^\"]+)\">([^<]+)</option>").matcher(select.group(1));
        while (option.find()) {
            options.put(option.group(1), option.group(2));
        }
        return options;
    }

    @Test
    void everyFormTheProcessNamesExists() throws IOException {
        String bpmn = resource("bpmn/incident-securite.bpmn");
        List<String> referenced = Pattern.compile("camunda:formRef=\"([^\"]+)\"").matcher(bpmn).results()
                .map(m -> m.group(1)).toList();
        List<String> deployed = new java.util.ArrayList<>();
        for (String name : FORMS) {
            deployed.add(form(name).get("id").asText());
        }
        assertThat(referenced).containsExactlyInAnyOrderElementsOf(deployed);
        assertThat(bpmn).contains("camunda:formKey=\"embedded:deployment:forms/signaler-incident.html\"");
    }
}
