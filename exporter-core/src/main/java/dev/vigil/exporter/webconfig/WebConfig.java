package dev.vigil.exporter.webconfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed web-config file. An absent file or an empty document means plain HTTP with no auth.
 *
 * @param tls the TLS settings, empty for plain HTTP
 * @param http2 whether HTTP/2 is offered (over TLS through ALPN); read at start only, as in the toolkit
 * @param headers response headers added to every answer
 * @param basicAuthUsers user name to bcrypt hash
 * @param bearerTokens literal bearer tokens
 * @param bearerTokenFiles files each holding one bearer token
 * @param rateLimit the global request rate limit, empty when off
 */
public record WebConfig(
        Optional<TlsServerConfig> tls,
        boolean http2,
        Map<String, String> headers,
        Map<String, String> basicAuthUsers,
        List<String> bearerTokens,
        List<Path> bearerTokenFiles,
        Optional<RateLimit> rateLimit) {

    /** No file: plain HTTP, no auth, HTTP/2 on. */
    public static final WebConfig NONE =
            new WebConfig(Optional.empty(), true, Map.of(), Map.of(), List.of(), List.of(), Optional.empty());

    public WebConfig {
        headers = Map.copyOf(headers);
        basicAuthUsers = Map.copyOf(basicAuthUsers);
        bearerTokens = List.copyOf(bearerTokens);
        bearerTokenFiles = List.copyOf(bearerTokenFiles);
    }

    /** Whether requests must carry a credential. */
    public boolean requiresAuth() {
        return !basicAuthUsers.isEmpty() || !bearerTokens.isEmpty() || !bearerTokenFiles.isEmpty();
    }

    /** Every file the config depends on besides itself. */
    public List<Path> files() {
        List<Path> out = new ArrayList<>(bearerTokenFiles);
        tls.ifPresent(t -> out.addAll(t.files()));
        return out;
    }

    /** A token bucket: one request per {@code interval}, up to {@code burst} at once. */
    public record RateLimit(Duration interval, long burst) {
    }
}
