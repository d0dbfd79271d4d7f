package dev.vigil.exporter.security;

import dev.vigil.exporter.auth.BasicAuthenticator;
import dev.vigil.exporter.auth.BearerAuthenticator;
import dev.vigil.exporter.auth.RateLimiter;
import dev.vigil.exporter.tls.TlsMaterial;
import dev.vigil.exporter.webconfig.WebConfig;
import java.io.IOException;
import java.util.Optional;

/**
 * Everything a request or handshake is checked against, built from one {@link WebConfig}.
 *
 * @param config the parsed file
 * @param tls the loaded certificate, key and client CAs, when TLS is on
 * @param basic basic-auth users
 * @param bearer bearer tokens
 * @param rateLimiter the global limiter, when {@code rate_limit} is set
 */
public record WebSecurity(
        WebConfig config,
        Optional<TlsMaterial> tls,
        BasicAuthenticator basic,
        BearerAuthenticator bearer,
        Optional<RateLimiter> rateLimiter) {

    /** Plain HTTP with no auth: the state without {@code --web.config.file}. */
    public static WebSecurity none() {
        try {
            return load(WebConfig.NONE, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Loads the files {@code config} names. The rate limiter of {@code previous} is kept when the
     * limits did not change, so a reload does not refill the bucket.
     *
     * @throws IOException naming the file that cannot be used
     */
    public static WebSecurity load(WebConfig config, WebSecurity previous) throws IOException {
        Optional<TlsMaterial> tls = config.tls().isPresent()
                ? Optional.of(TlsMaterial.load(config.tls().get()))
                : Optional.empty();
        Optional<RateLimiter> limiter;
        if (previous != null && previous.config.rateLimit().equals(config.rateLimit())) {
            limiter = previous.rateLimiter;
        } else {
            limiter = config.rateLimit().map(limit -> new RateLimiter(limit.interval(), limit.burst()));
        }
        return new WebSecurity(config, tls, new BasicAuthenticator(config.basicAuthUsers()),
                BearerAuthenticator.load(config.bearerTokens(), config.bearerTokenFiles()), limiter);
    }

    /** Whether requests must carry a credential. */
    public boolean requiresAuth() {
        return basic.enabled() || bearer.enabled();
    }

    /** A short description for startup logs: which auth is on, never the credentials. */
    public String describeAuth() {
        if (basic.enabled() && bearer.enabled()) {
            return "basic,bearer";
        }
        if (basic.enabled()) {
            return "basic";
        }
        return bearer.enabled() ? "bearer" : "none";
    }
}
