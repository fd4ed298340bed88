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

/**
 * A browser session of the web applications, logged in as Tasklist does it: the CSRF cookie from a first page, then
 * Camunda's login form; the session cookie then opens the registry too.
 */
public class WebSession {

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    public WebSession(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    public static WebSession loggedIn(int port, String user) {
        WebSession session = new WebSession(port);
        session.login(user, user);
        return session;
    }

    public void login(String user, String password) {
        get("/camunda/app/tasklist/");
        String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .findFirst().orElseThrow(() -> new AssertionError("pas de jeton CSRF de Camunda")).getValue();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base
                        + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("connexion de " + user + " refusée : " + response.statusCode() + " " + response.body());
        }
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> getBytes(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A request of the registry page's script (which marks itself with X-Requested-With). */
    public HttpResponse<String> send(String method, String path, boolean fromPage) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (fromPage) {
            request.header("X-Requested-With", "XMLHttpRequest");
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON request of a registry page's script (marked with X-Requested-With when {@code fromPage}). */
    public HttpResponse<String> sendJson(String method, String path, String json, boolean fromPage) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (fromPage) {
            request.header("X-Requested-With", "XMLHttpRequest");
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
