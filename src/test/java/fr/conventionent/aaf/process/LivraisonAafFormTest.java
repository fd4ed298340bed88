package fr.conventionent.aaf.process;

import static fr.conventionent.aaf.process.LivraisonAafProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The set-up form validates in the browser, {@link AafDeliverySettings} on the server: same variables, same days. */
class LivraisonAafFormTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String resource(String path) throws IOException {
        try (InputStream in = LivraisonAafFormTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode form() throws IOException {
        return JSON.readTree(resource("forms/parametrer-livraison-aaf.form"));
    }

    @Test
    void theFormSubmitsExactlyTheSetUpTheServerChecks() throws IOException {
        List<String> keys = new ArrayList<>();
        for (JsonNode component : form().get("components")) {
            if (component.has("key") && !component.path("disabled").asBoolean()) {
                keys.add(component.get("key").asText());
            }
        }
        assertThat(keys).containsExactly(PREFIXE_FICHIERS, JOURS_COMPLET, JOURS_DELTA, HEURE_LIVRAISON,
                COMPLET_HORS_JEUDI_CONFIRME, RAISON_COMPLET_HORS_JEUDI, CHARGEMENT_INITIAL, DATE_CHARGEMENT_INITIAL, LIVRER_ZIP,
                NOM_ARCHIVE_ZIP, JOINDRE_BORDEREAU, CODE_DESTINATAIRE, HOTE_SFTP, PORT_SFTP, UTILISATEUR_SFTP,
                REPERTOIRE_DISTANT, EMPREINTE_HOTE_SFTP);
    }

    @Test
    void onlyThePublicKeyIsShownAndItCannotBeEdited() throws IOException {
        String text = resource("forms/parametrer-livraison-aaf.form");
        for (JsonNode component : form().get("components")) {
            if (CLE_PUBLIQUE_SFTP.equals(component.path("key").asText())) {
                assertThat(component.path("disabled").asBoolean()).isTrue();
            }
        }
        assertThat(text).contains("{{" + EMPREINTE_CLE_SFTP + "}}", "{{" + CORRESPONDANTS_TECHNIQUES_TEXTE + "}}")
                .doesNotContain("\"key\": \"clePrivee");
    }

    @Test
    void theDaysOfferedAreTheScheduleWorkingDays() throws IOException {
        for (JsonNode component : form().get("components")) {
            if ("checklist".equals(component.path("type").asText())) {
                Map<String, String> values = new LinkedHashMap<>();
                component.get("values").forEach(v -> values.put(v.get("value").asText(), v.get("label").asText()));
                assertThat(values.keySet()).containsExactlyElementsOf(AafSchedule.JOURS.keySet());
            }
        }
    }

    @Test
    void theProcessUsesThisFormAndAsksTheScheduleForItsTimer() throws IOException {
        String bpmn = resource("bpmn/livraison-aaf.bpmn");
        List<String> referenced = Pattern.compile("camunda:formRef=\"([^\"]+)\"").matcher(bpmn).results()
                .map(m -> m.group(1)).toList();
        assertThat(referenced).containsExactly(form().get("id").asText());
        assertThat(bpmn).contains("camunda:formRefBinding=\"deployment\"",
                "${aafDeliverySchedule.nextRun(execution)}", "name=\"" + MESSAGE_CONVENTION_TERMINEE + "\"",
                "id=\"" + TASK_DELIVER + "\"", "id=\"" + SUBPROCESS_CONVENTION_ENDED + "\"", "bpmndi:BPMNDiagram");
    }
}
