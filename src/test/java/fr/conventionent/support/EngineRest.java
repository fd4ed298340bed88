package fr.conventionent.support;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The engine's REST API as a given demo user (password = login) sees it. */
public class EngineRest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate rest;
    private final String user;

    public EngineRest(TestRestTemplate rest, String user) {
        this.rest = user == null ? rest : rest.withBasicAuth(user, user);
        this.user = user;
    }

    public ResponseEntity<String> get(String path) {
        return rest.getForEntity("/engine-rest" + path, String.class);
    }

    public JsonNode getJson(String path) {
        ResponseEntity<String> response = get(path);
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError(user + " GET " + path + " → " + response.getStatusCode() + " " + response.getBody());
        }
        return read(response.getBody());
    }

    public ResponseEntity<byte[]> getBytes(String path) {
        return rest.getForEntity("/engine-rest" + path, byte[].class);
    }

    public ResponseEntity<String> post(String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange("/engine-rest" + path, HttpMethod.POST, new HttpEntity<>(write(body), headers), String.class);
    }

    /** The user's open tasks, as Tasklist lists them. */
    public List<JsonNode> tasks() {
        return list(getJson("/task"));
    }

    public JsonNode singleTask() {
        List<JsonNode> tasks = tasks();
        if (tasks.size() != 1) {
            throw new AssertionError(user + " devrait avoir une seule tâche, il en a " + tasks.size());
        }
        return tasks.get(0);
    }

    public String candidateGroup(String taskId) {
        for (JsonNode link : getJson("/task/" + taskId + "/identity-links")) {
            if ("candidate".equals(link.path("type").asText()) && link.hasNonNull("groupId")) {
                return link.get("groupId").asText();
            }
        }
        return null;
    }

    public ResponseEntity<String> submitForm(String taskId, Map<String, Object> variables) {
        return post("/task/" + taskId + "/submit-form", Map.of("variables", variables));
    }

    public static Map<String, Object> value(Object value) {
        return Map.of("value", value);
    }

    public static Map<String, Object> json(Object value) {
        return Map.of("value", write(value), "type", "Json");
    }

    public static Map<String, Object> file(String name, String mimeType, byte[] content) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("value", Base64.getEncoder().encodeToString(content));
        file.put("type", "File");
        file.put("valueInfo", Map.of("filename", name, "mimeType", mimeType));
        return file;
    }

    public static List<JsonNode> list(JsonNode array) {
        List<JsonNode> nodes = new java.util.ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
