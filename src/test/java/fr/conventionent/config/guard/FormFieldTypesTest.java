package fr.conventionent.config.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.conventionent.support.EngineApiDoor;
import fr.conventionent.support.EngineTest;

/**
 * Every field of every form, sent with a value of the wrong type (an object for a text, a word for a number or a
 * date, text for a file…), is refused with 400 and a French message naming the field as the form labels it; never a
 * 500, never a Java class name. Task forms are each shown by a user task of a small process deployed with the form;
 * start forms are those of the application's own processes.
 */
class FormFieldTypesTest extends EngineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    RepositoryService repositoryService;
    @LocalServerPort
    int port;

    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void removeDeployments() {
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    @Test
    void everyTaskFormsFieldRefusesAWrongTypeNamingTheField() throws IOException {
        EngineApiDoor daces = EngineApiDoor.rest(port, "daces");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.*")) {
            String name = "forms/" + form.getFilename();
            byte[] content;
            try (InputStream in = form.getInputStream()) {
                content = in.readAllBytes();
            }
            String taskId = taskShowing(name, content);
            for (Map.Entry<String, Field> field : fields(name, content).entrySet()) {
                checked++;
                HttpResponse<String> answer = daces.send("POST", "/task/" + taskId + "/submit-form",
                        "{\"variables\": {\"" + field.getKey() + "\": " + field.getValue().wrongValue() + "}}");
                check(name + " / " + field.getKey(), answer, field.getValue().label(), problems);
            }
        }
        assertThat(checked).as("champs essayés").isGreaterThan(60);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyStartFormsFieldRefusesAWrongTypeNamingTheField() throws IOException {
        EngineApiDoor daces = EngineApiDoor.rest(port, "daces");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                String resource = startFormResource(start);
                if (!(start.getParentElement() instanceof Process) || resource == null) {
                    continue;
                }
                byte[] content;
                try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
                    content = in.readAllBytes();
                }
                for (Map.Entry<String, Field> field : fields(resource, content).entrySet()) {
                    checked++;
                    HttpResponse<String> answer = daces.send("POST", "/process-definition/key/"
                            + definition.getKey() + "/submit-form", "{\"variables\": {\"" + field.getKey() + "\": "
                            + field.getValue().wrongValue() + "}}");
                    check(definition.getKey() + " / " + field.getKey(), answer, field.getValue().label(), problems);
                }
            }
        }
        assertThat(checked).as("champs de formulaires de démarrage essayés").isGreaterThan(8);
        assertThat(problems).isEmpty();
    }

    private static void check(String what, HttpResponse<String> answer, String label, List<String> problems)
            throws IOException {
        String message = JSON.readTree(answer.body()).path("message").asText();
        if (answer.statusCode() != 400 || !message.startsWith("Saisie refusée : « " + label + " »")
                || answer.body().contains("Exception") || answer.body().contains("java.")) {
            problems.add(what + " → " + answer.statusCode() + " " + answer.body());
        }
    }

    /** A task offered to the DACES that shows {@code form}, deployed with it. */
    private String taskShowing(String resource, byte[] content) throws IOException {
        String key = "essai-" + resource.replaceAll("[^a-z]", "");
        UserTaskBuilder task = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
                .userTask("UserTask_Essai").name("Essai de " + resource).camundaAssignee("daces");
        if (resource.endsWith(".form")) {
            task.camundaFormRef(JSON.readTree(content).get("id").asText()).camundaFormRefBinding("deployment");
        } else {
            task.camundaFormKey("embedded:deployment:" + resource);
        }
        Deployment deployment = repositoryService.createDeployment().name(key)
                .addModelInstance(key + ".bpmn", task.endEvent().done())
                .addString(resource, new String(content, StandardCharsets.UTF_8)).deploy();
        deployments.add(deployment.getId());
        String instance = runtimeService.startProcessInstanceByKey(key).getId();
        return taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
    }

    private static String startFormResource(StartEvent start) {
        if (start.getCamundaFormKey() != null) {
            return start.getCamundaFormKey().replace("embedded:deployment:", "");
        }
        return start.getCamundaFormRef() == null ? null : formFileOf(start.getCamundaFormRef());
    }

    private static String formFileOf(String formId) {
        try {
            for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
                try (InputStream in = form.getInputStream()) {
                    if (formId.equals(JSON.readTree(in).path("id").asText())) {
                        return "forms/" + form.getFilename();
                    }
                }
            }
            return null;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Field(String label, String wrongValue) {
    }

    /** The fields as a user sees them: the label the form shows, and a value of the wrong type for each. */
    private static Map<String, Field> fields(String resource, byte[] content) throws IOException {
        Map<String, Field> fields = new LinkedHashMap<>();
        if (resource.endsWith(".form")) {
            collect(JSON.readTree(content), fields);
            return fields;
        }
        Document html = Jsoup.parse(new String(content, StandardCharsets.UTF_8));
        for (Element input : html.select("[cam-variable-name]")) {
            String name = input.attr("cam-variable-name");
            fields.put(name, new Field(label(html, input, null), wrong(input.attr("cam-variable-type"))));
        }
        for (Element declaration : html.select("script.variables-du-formulaire")) {
            JSON.readTree(declaration.data()).fields().forEachRemaining(entry -> fields.put(entry.getKey(),
                    new Field(label(html, html.getElementById(entry.getKey()),
                            entry.getValue().path("label").asText(null)),
                            wrong(entry.getValue().path("type").asText()))));
        }
        return fields;
    }

    /** The label a user reads next to the input: declared, or by {@code for}, or around it. */
    private static String label(Document html, Element input, String declared) {
        if (declared != null) {
            return declared;
        }
        Element label = input == null || input.id().isEmpty() ? null : html.selectFirst("label[for=" + input.id() + "]");
        if (label == null && input != null) {
            label = input.closest("label");
        }
        return label == null ? (input == null ? "" : input.attr("cam-variable-name"))
                : label.ownText().strip().replaceAll("\\s*[:*]+$", "");
    }

    private static void collect(JsonNode container, Map<String, Field> fields) {
        for (JsonNode component : container.path("components")) {
            if (component.hasNonNull("key")) {
                String wrong = switch (component.path("type").asText()) {
                    case "number" -> "{\"value\": \"douze\"}";
                    case "checkbox" -> "{\"value\": \"peut-être\"}";
                    case "datetime" -> "{\"value\": \"31/02/2026\"}";
                    case "checklist", "taglist" -> "{\"value\": \"texte libre\"}";
                    default -> "{\"value\": {\"objet\": \"au lieu d'un texte\"}}";
                };
                fields.put(component.get("key").asText(), new Field(component.path("label")
                        .asText(component.path("dateLabel").asText()), wrong));
            }
            collect(component, fields);
        }
    }

    private static String wrong(String camVariableType) {
        return switch (camVariableType) {
            case "Boolean" -> "{\"value\": \"peut-être\"}";
            case "File" -> "{\"value\": \"ceci n'est pas un fichier\"}";
            case "Json" -> "{\"value\": 12}";
            case "Day" -> "{\"value\": \"31/02/2026\"}";
            default -> "{\"value\": {\"objet\": \"au lieu d'un texte\"}}";
        };
    }
}
