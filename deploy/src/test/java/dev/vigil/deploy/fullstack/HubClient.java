package dev.vigil.deploy.fullstack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The hub's HTTP APIs as the test (an admin) calls them: Prometheus API v1 and Alertmanager API
 * v2 on {@code http://127.0.0.1:<port>}, with the admin bearer token the hub's web config names.
 */
final class HubClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String token;

    HubClient(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    String base() {
        return base;
    }

    /** A response: status and body. */
    record Response(int status, String body) {
        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }
    }

    Response get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token);
    }

    /** A GET without credentials, to show the hub refuses it. */
    Response getAnonymous(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), null);
    }

    Response postJson(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    /** {@code data} of a successful API v1 answer; anything else fails the test with the body. */
    JsonElement v1(String path) throws IOException, InterruptedException {
        Response r = get(path);
        if (r.status() != 200) {
            throw new IOException("GET " + path + ": HTTP " + r.status() + ": " + r.body());
        }
        JsonObject o = r.json();
        if (!o.get("status").getAsString().equals("success")) {
            throw new IOException("GET " + path + ": " + r.body());
        }
        return o.get("data");
    }

    /** {@code /api/v1/query_range} over [start, end] (unix milliseconds) at {@code step}. */
    JsonElement queryRange(String query, long startMillis, long endMillis, String step)
            throws IOException, InterruptedException {
        return v1("/api/v1/query_range?query=" + enc(query) + "&start=" + seconds(startMillis) + "&end="
                + seconds(endMillis) + "&step=" + step);
    }

    /** {@code /api/v1/query} at {@code timeMillis}. */
    JsonElement query(String query, long timeMillis) throws IOException, InterruptedException {
        return v1("/api/v1/query?query=" + enc(query) + "&time=" + seconds(timeMillis));
    }

    static String seconds(long millis) {
        return String.format("%d.%03d", millis / 1000, millis % 1000);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Response send(HttpRequest.Builder request, String token) throws IOException, InterruptedException {
        request.timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.body());
    }
}
