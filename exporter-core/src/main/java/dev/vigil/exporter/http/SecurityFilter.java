package dev.vigil.exporter.http;

import dev.vigil.exporter.security.WebConfigSource;
import dev.vigil.exporter.security.WebSecurity;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Map;

/**
 * Admits requests as the exporter-toolkit's handler does, in its order: the rate limit first (429,
 * before anything else), then the configured security headers, then credentials. Basic and bearer
 * credentials are both accepted when both are configured; a missing or wrong one gets 401 with a
 * {@code WWW-Authenticate} challenge for each scheme on offer.
 */
final class SecurityFilter implements Filter {
    private final WebConfigSource source;

    SecurityFilter(WebConfigSource source) {
        this.source = source;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        WebSecurity security = source.current();
        if (security.rateLimiter().isPresent() && !security.rateLimiter().get().tryAcquire()) {
            res.status(Status.TOO_MANY_REQUESTS_429)
                    .header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .send("Too Many Requests\n");
            return;
        }
        for (Map.Entry<String, String> header : security.config().headers().entrySet()) {
            res.header(header.getKey(), header.getValue());
        }
        if (security.requiresAuth()) {
            String authorization = req.headers().first(HeaderNames.AUTHORIZATION).orElse(null);
            boolean ok = (security.basic().enabled() && security.basic().check(authorization))
                    | (security.bearer().enabled() && security.bearer().check(authorization));
            if (!ok) {
                if (security.basic().enabled()) {
                    res.header(HeaderNames.WWW_AUTHENTICATE, "Basic");
                }
                if (security.bearer().enabled()) {
                    res.headers().add(HeaderNames.WWW_AUTHENTICATE, "Bearer");
                }
                res.status(Status.UNAUTHORIZED_401)
                        .header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                        .header("X-Content-Type-Options", "nosniff")
                        .send("Unauthorized\n");
                return;
            }
        }
        chain.proceed();
    }
}
