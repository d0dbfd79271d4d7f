package dev.vigil.hub.remote.sender;

import dev.vigil.hub.config.Credentials;
import dev.vigil.hub.config.RemoteWriteConfig;
import dev.vigil.hub.config.ScrapeTls;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * POSTs one compressed WriteRequest as Prometheus 2.42 does: {@code Content-Encoding: snappy},
 * {@code Content-Type: application/x-protobuf}, {@code X-Prometheus-Remote-Write-Version: 0.1.0},
 * our User-Agent, the entry's headers and credentials, {@code remote_timeout} on the whole
 * request. Tells a recoverable failure (network error, timeout, 5xx, and 429 with
 * retry_on_http_429) from one that is not (any other status outside 2xx).
 */
final class RemoteWriteClient {
    /** Prometheus keeps this much of an error response in its message. */
    private static final int MAX_ERROR_BYTES = 1024;

    private final RemoteWriteConfig config;
    private final HttpClient http;
    private final String userAgent;

    /** What one attempt gave. {@code retryAfter} is null unless the server sent a usable one. */
    record Result(boolean ok, boolean recoverable, String error, Duration retryAfter) {
        static final Result OK = new Result(true, false, null, null);
    }

    RemoteWriteClient(RemoteWriteConfig config, String version) throws IOException {
        this.config = config;
        this.userAgent = "vigil-hub/" + version;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.remoteTimeout().isZero() ? Duration.ofSeconds(30) : config.remoteTimeout())
                .followRedirects(config.followRedirects() ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER);
        if (config.url().getScheme().equals("https")) {
            try {
                builder.sslContext(ScrapeTls.context(config.http().tls()));
            } catch (GeneralSecurityException e) {
                throw new IOException("tls_config: " + e.getMessage(), e);
            }
        }
        this.http = builder.build();
    }

    /** Sends the body; never throws (every failure is a {@link Result}). */
    Result store(byte[] body, int length) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(config.url())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body, 0, length))
                .header("Content-Encoding", "snappy")
                .header("Content-Type", "application/x-protobuf")
                .header("User-Agent", userAgent)
                .header("X-Prometheus-Remote-Write-Version", "0.1.0");
        if (!config.remoteTimeout().isZero()) {
            request.timeout(config.remoteTimeout());
        }
        for (Map.Entry<String, String> h : config.headers().entrySet()) {
            request.header(h.getKey(), h.getValue());
        }
        HttpResponse<byte[]> response;
        try {
            String authorization = Credentials.authorization(config.http());
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return new Result(false, true, "Post \"" + config.url() + "\": context deadline exceeded", null);
        } catch (IOException e) {
            return new Result(false, true, "Post \"" + config.url() + "\": " + e, null);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return Result.OK;
        }
        byte[] raw = response.body();
        String text = new String(raw, 0, Math.min(raw.length, MAX_ERROR_BYTES), StandardCharsets.UTF_8).strip();
        String error = "server returned HTTP status " + status + ": " + text;
        boolean recoverable = status / 100 == 5 || (status == 429 && config.queue().retryOnHttp429());
        return new Result(false, recoverable, error,
                recoverable ? retryAfter(response.headers().firstValue("Retry-After").orElse(null)) : null);
    }

    /** Retry-After as seconds or an HTTP date; null when absent, unreadable or in the past. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.strip());
            return seconds > 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() || d.isZero() ? null : d;
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
