package fr.conventionent.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One of the two doors to the engine's API, as a given demo user (password = login) opens it: the REST API with
 * HTTP Basic, or the API behind Tasklist with the webapp's session login and its CSRF token.
 */
public final class EngineApiDoor {

    private final String name;
    private final String base;
    private final HttpClient client;
    private final CookieManager cookies = new CookieManager();
    private final String basicAuth;

    private EngineApiDoor(String name, String base, String basicAuth) {
        this.name = name;
        this.base = base;
        this.basicAuth = basicAuth;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    public static EngineApiDoor rest(int port, String user) {
        return new EngineApiDoor("/engine-rest (" + user + ")", "http://127.0.0.1:" + port + "/engine-rest",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }

    public static EngineApiDoor tasklist(int port, String user) {
        EngineApiDoor door = new EngineApiDoor("/camunda/api/engine (" + user + ")",
                "http://127.0.0.1:" + port + "/camunda/api/engine/engine/default", null);
        door.login(port, user);
        return door;
    }

    private void login(int port, String user) {
        String app = "http://127.0.0.1:" + port;
        send(HttpRequest.newBuilder(URI.create(app + "/camunda/app/tasklist/")).GET().build());
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(user, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(app
                        + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf())
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() != 200) {
            throw new AssertionError("connexion de " + user + " refusée : " + response.statusCode());
        }
        // the login gives a new session, whose CSRF token comes with the next page (as Tasklist reloads after login)
        send(HttpRequest.newBuilder(URI.create(app + "/camunda/api/admin/auth/user/default")).GET().build());
    }

    /** Sends {@code method path} with a JSON body (or none), as Tasklist's script or a REST client does. */
    public HttpResponse<String> send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (basicAuth != null) {
            request.header("Authorization", basicAuth);
        } else if (!"GET".equals(method)) {
            request.header("X-XSRF-TOKEN", csrf());
        }
        return send(request.build());
    }

    private String csrf() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .findFirst().orElseThrow(() -> new AssertionError("pas de jeton CSRF de Camunda")).getValue();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
