package dev.vigil.exporter.announce;

import dev.vigil.exporter.log.Log;
import dev.vigil.exporter.tls.TrustedCas;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * Posts this exporter's address to {@code <hub>/api/v1/announce} every interval. Credentials are
 * read from their files at every announcement (they rotate); a failure is logged once per distinct
 * error and retried at the next interval; the hub drops an exporter after three missed ones.
 */
public final class Announcer implements AutoCloseable {
    private static final Log LOG = Log.get(Announcer.class);

    /** What to announce and how to reach the hub. */
    public record Settings(URI hub, Duration interval, String address, String scheme, String metricsPath,
            String exporter, Map<String, String> labels, String username, Path passwordFile, Path tokenFile,
            Path caFile) {
    }

    private final Settings settings;
    private final HttpClient client;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("hub-announce").factory());
    private volatile String lastError;
    private volatile boolean announced;

    public Announcer(Settings settings) throws IOException {
        this.settings = settings;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (settings.caFile() != null) {
            builder.sslContext(trusting(settings.caFile()));
        }
        this.client = builder.build();
    }

    private static SSLContext trusting(Path caFile) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, TrustedCas.fromPem(caFile), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("--hub.ca-file " + caFile + ": " + e.getMessage(), e);
        }
    }

    public Announcer start() {
        LOG.info("Announcing to the hub", "hub", settings.hub(), "address", settings.address(),
                "interval", settings.interval().toSeconds() + "s");
        timer.scheduleWithFixedDelay(this::announceQuietly, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void announceQuietly() {
        try {
            announce();
            if (!announced || lastError != null) {
                LOG.info("Announced to the hub", "hub", settings.hub());
            }
            announced = true;
            lastError = null;
        } catch (IOException | RuntimeException e) {
            // Never let an exception out: the scheduled executor would cancel every later
            // announcement without a word (the hub would forget this exporter for good).
            String error = describe(e);
            if (!error.equals(lastError)) {
                LOG.warn("Announcing to the hub failed; retrying every interval", "hub", settings.hub(), "err", error);
                lastError = error;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The message, or the exception's name where there is none (HttpClient's ConnectException has none). */
    static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getName() : message;
    }

    /** One announcement; an error status is an IOException with the hub's answer. */
    public void announce() throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.hub().resolve("/api/v1/announce"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body()));
        if (settings.tokenFile() != null) {
            request.header("Authorization", "Bearer " + Files.readString(settings.tokenFile()).strip());
        } else if (!settings.username().isEmpty()) {
            String password = settings.passwordFile() == null ? "" : Files.readString(settings.passwordFile()).strip();
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (settings.username() + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("hub answered " + response.statusCode() + ": " + response.body().strip());
        }
    }

    String body() {
        StringBuilder json = new StringBuilder("{");
        field(json, "address", settings.address()).append(',');
        field(json, "scheme", settings.scheme()).append(',');
        field(json, "metrics_path", settings.metricsPath()).append(',');
        field(json, "exporter", settings.exporter()).append(',');
        field(json, "interval", settings.interval().toSeconds() + "s").append(",\"labels\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : settings.labels().entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            field(json, e.getKey(), e.getValue());
        }
        return json.append("}}").toString();
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        return quote(json, name).append(':').append(quote(new StringBuilder(), value));
    }

    private static StringBuilder quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
