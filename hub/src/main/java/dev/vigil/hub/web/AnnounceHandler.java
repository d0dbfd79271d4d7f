package dev.vigil.hub.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.vigil.model.PromDuration;
import dev.vigil.hub.discovery.Announcements;
import dev.vigil.model.MetricNames;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code POST /api/v1/announce}: an exporter started with {@code --hub.url} says where it is
 * ({@code {"address": "host:9100", "scheme": "https", "metrics_path": "/metrics",
 * "exporter": "node", "interval": "30s", "labels": {...}}}). Announcing needs credentials: the
 * request passed the hub's web-config auth, and a hub without auth configured refuses with 403
 * (anyone could otherwise make the hub scrape anything).
 */
final class AnnounceHandler implements Handler {
    private static final JsonFactory JSON = new JsonFactory();

    private final Announcements announcements;
    private final BooleanSupplier authConfigured;

    AnnounceHandler(Announcements announcements, BooleanSupplier authConfigured) {
        this.announcements = announcements;
        this.authConfigured = authConfigured;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        if (!authConfigured.getAsBoolean()) {
            text(res, Status.FORBIDDEN_403, "announcing requires authentication: configure basic_auth_users or "
                    + "bearer_auth in the hub's --web.config.file");
            return;
        }
        Announcements.Announcement a;
        try (InputStream in = req.content().inputStream()) {
            a = parse(in.readNBytes(64 << 10));
        } catch (JsonProcessingException e) {
            text(res, Status.BAD_REQUEST_400, "invalid announcement: " + e.getOriginalMessage());
            return;
        } catch (IOException | IllegalArgumentException e) {
            text(res, Status.BAD_REQUEST_400, "invalid announcement: " + e.getMessage());
            return;
        }
        announcements.announce(a, System.currentTimeMillis());
        res.status(Status.NO_CONTENT_204).send();
    }

    static Announcements.Announcement parse(byte[] body) throws IOException {
        String address = null;
        String scheme = "http";
        String path = "/metrics";
        String exporter = "";
        long interval = 30_000;
        Map<String, String> labels = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "address" -> address = p.getValueAsString();
                    case "scheme" -> scheme = p.getValueAsString();
                    case "metrics_path" -> path = p.getValueAsString();
                    case "exporter" -> exporter = p.getValueAsString();
                    case "interval" -> interval = PromDuration.parse(p.getValueAsString()).toMillis();
                    case "labels" -> {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName();
                            p.nextToken();
                            if (!MetricNames.isValidLabelName(name) || name.startsWith("__")) {
                                throw new IllegalArgumentException("\"" + name + "\" is not a valid label name");
                            }
                            labels.put(name, p.getValueAsString());
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        }
        if (address == null || !address.matches("^[A-Za-z0-9.\\-:\\[\\]]+:\\d{1,5}$")) {
            throw new IllegalArgumentException("\"address\" must be host:port, got " + address);
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("\"scheme\" must be http or https");
        }
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("\"metrics_path\" must start with /");
        }
        if (interval < 1000 || interval > 3_600_000) {
            throw new IllegalArgumentException("\"interval\" must be between 1s and 1h");
        }
        return new Announcements.Announcement(address, scheme, path, exporter == null ? "" : exporter,
                Map.copyOf(labels), interval);
    }

    private static void text(ServerResponse res, Status status, String message) {
        res.status(status).header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8").send(message + "\n");
    }
}
