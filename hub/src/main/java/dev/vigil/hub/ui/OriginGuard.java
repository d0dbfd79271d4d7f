package dev.vigil.hub.ui;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-site request forgery protection for every state-changing request (anything but GET, HEAD,
 * OPTIONS): a browser's request is refused with 403 when its {@code Sec-Fetch-Site} says it came
 * from another site, or its {@code Origin} names another host than the one it was sent to. Tools
 * (amtool, Prometheus, curl) send neither header and pass; so does the UI's own {@code fetch}.
 * Browsers attach basic-auth credentials to cross-site requests, so without this a page elsewhere
 * could create silences with an admin's session.
 */
public final class OriginGuard implements Filter {
    private static final Set<Method> SAFE = Set.of(Method.GET, Method.HEAD, Method.OPTIONS);
    private static final Set<String> SAME = Set.of("same-origin", "none");

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (SAFE.contains(req.prologue().method())) {
            chain.proceed();
            return;
        }
        Optional<String> site = req.headers().first(HeaderNames.create("Sec-Fetch-Site"));
        Optional<String> origin = req.headers().first(HeaderNames.ORIGIN);
        // HTTP/2 (browsers over TLS) carries the host in :authority, not in a Host header
        String host = req.headers().first(HeaderNames.HOST)
                .orElseGet(() -> java.util.Objects.toString(req.authority(), ""));
        String refused = null;
        if (site.isPresent() && !SAME.contains(site.get())) {
            refused = "cross-site request refused (Sec-Fetch-Site: " + site.get() + ")";
        } else if (origin.isPresent() && !sameHost(origin.get(), host)) {
            refused = "cross-origin request refused (Origin does not match Host)";
        }
        if (refused != null) {
            res.status(Status.FORBIDDEN_403).header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .send(refused + "\n");
            return;
        }
        chain.proceed();
    }

    /** Whether an Origin header's host and port are the request's Host (default ports made explicit). */
    static boolean sameHost(String origin, String host) {
        if (origin.equals("null")) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) {
                return false;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            URI target = URI.create(uri.getScheme() + "://" + host);
            int targetPort = target.getPort() != -1 ? target.getPort() : port == 443 ? 443 : 80;
            return uri.getHost().equalsIgnoreCase(target.getHost()) && port == targetPort;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
