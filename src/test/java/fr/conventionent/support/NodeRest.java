package fr.conventionent.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The REST API of a child-JVM node ({@link AppNode}) as one user, HTTP Basic, as Tasklist's users reach it. */
public final class NodeRest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String user;
    private final String authorization;

    NodeRest(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public record Answer(int status, String body) {
        public JsonNode json() {
            return read(body);
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public Answer send(String method, String path, Object body) throws IOException {
        return send(method, path, body, "application/json");
    }

    /** With {@code accept = "application/hal+json"}, as Tasklist asks for its task lists. */
    public Answer send(String method, String path, Object body, String accept) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/engine-rest" + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", authorization).header("Accept", accept);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** GET that must succeed. */
    public JsonNode get(String path) {
        return expect("GET", path, null).json();
    }

    /** POST that must succeed. */
    public Answer post(String path, Object body) {
        return expect("POST", path, body);
    }

    public Answer put(String path, Object body) {
        return expect("PUT", path, body);
    }

    private Answer expect(String method, String path, Object body) {
        try {
            Answer answer = send(method, path, body);
            if (!answer.ok()) {
                throw new AssertionError(user + " " + method + " " + path + " → " + answer.status() + " " + answer.body());
            }
            return answer;
        } catch (IOException e) {
            throw new AssertionError(user + " " + method + " " + path + " : " + e, e);
        }
    }

    public List<JsonNode> list(String path) {
        return EngineRest.list(get(path));
    }

    /** Completes a task with its form's variables (already in REST form: {@code {"name": {"value": …}}}). */
    public Answer submitForm(String taskId, Map<String, Object> variables) throws IOException {
        return send("POST", "/task/" + taskId + "/submit-form", Map.of("variables", variables));
    }

    static JsonNode read(String body) {
        try {
            return body == null || body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
