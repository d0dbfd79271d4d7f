package dev.vigil.hub.ui;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Optional;

/**
 * The UI's routes: every page path answers with the app's shell ({@code index.html}), which
 * routes in the browser; {@code /ui/static/...} serves the assets. Prometheus' page paths
 * ({@code /graph}, {@code /flags}, {@code /config}, {@code /tsdb-status}) lead to ours, so
 * generator URLs in alerts open Explore.
 */
public final class UiRoutes {
    /** Where the assets live in the jar. */
    public static final String RESOURCE_ROOT = "dev/vigil/hub/ui";
    /** The URL prefix of the assets. */
    public static final String STATIC_PREFIX = "/ui/static/";
    /** Paths the app routes itself. */
    public static final List<String> PAGES = List.of("/", "/overview", "/explore", "/graph", "/targets", "/alerts",
            "/rules", "/silences", "/notifications", "/status", "/flags", "/config", "/tsdb-status");

    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final StaticAssets assets;

    public UiRoutes(StaticAssets assets) {
        this.assets = assets;
    }

    /** The assets packaged in the hub's jar. */
    public static UiRoutes packaged() {
        return new UiRoutes(new StaticAssets(RESOURCE_ROOT, UiRoutes.class.getClassLoader()));
    }

    public void routes(HttpRouting.Builder routing) {
        for (String page : PAGES) {
            routing.get(page, (req, res) -> send(req, res, "index.html"));
        }
        routing.get("/favicon.ico", (req, res) -> send(req, res, "static/favicon.svg"));
        routing.get(STATIC_PREFIX + "*", (req, res) ->
                send(req, res, "static/" + req.path().rawPath().substring(STATIC_PREFIX.length())));
    }

    private void send(ServerRequest req, ServerResponse res, String name) {
        Optional<StaticAssets.Asset> found = assets.get(name);
        if (found.isEmpty()) {
            res.status(Status.NOT_FOUND_404).header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .send("404 page not found\n");
            return;
        }
        StaticAssets.Asset asset = found.get();
        res.header(HeaderNames.CONTENT_TYPE, asset.contentType());
        res.header(HeaderNames.ETAG, asset.etag());
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        res.header(HeaderNames.VARY, "Accept-Encoding");
        res.header("X-Content-Type-Options", "nosniff");
        res.header("Referrer-Policy", "same-origin");
        if (name.endsWith(".html")) {
            res.header("Content-Security-Policy", CSP);
            res.header("X-Frame-Options", "DENY");
        }
        if (req.headers().first(HeaderNames.IF_NONE_MATCH).map(asset.etag()::equals).orElse(false)) {
            res.status(Status.NOT_MODIFIED_304).send();
            return;
        }
        boolean gzip = asset.gzip() != null && req.headers().first(HeaderNames.ACCEPT_ENCODING)
                .map(v -> v.contains("gzip")).orElse(false);
        if (gzip) {
            res.header(HeaderNames.CONTENT_ENCODING, "gzip");
            res.send(asset.gzip());
        } else {
            res.send(asset.bytes());
        }
    }
}
