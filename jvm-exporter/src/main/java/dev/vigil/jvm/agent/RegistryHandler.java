package dev.vigil.jvm.agent;

import dev.vigil.exporter.exposition.Exposition;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Serves a client_java {@link PrometheusRegistry} on the telemetry path, with the exporters'
 * content negotiation and gzip ({@link Exposition}) and client_java's {@code name[]} filter (as its
 * HTTPServer): {@code ?name[]=jvm_threads_current&name[]=jvm_memory_used_bytes}.
 *
 * <p>One buffer is shared under a lock rather than one per thread: scrapes of one JVM are rare and
 * a buffer per connection thread would stay on the application's heap.
 */
final class RegistryHandler implements Handler {
    private final PrometheusRegistry registry;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(32 * 1024);
    /**
     * Guards {@link #buffer}. Not the buffer's own monitor: the rendering writes into it from another
     * thread ({@link Exposition#render}), and its synchronized writes would wait for us forever.
     */
    private final Object bufferLock = new Object();

    RegistryHandler(PrometheusRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        List<String> names = req.query().all("name[]", List::of);
        MetricSnapshots snapshots;
        try {
            if (names.isEmpty()) {
                snapshots = registry.scrape();
            } else {
                Set<String> wanted = Set.copyOf(names);
                snapshots = registry.scrape(wanted::contains);
            }
        } catch (RuntimeException e) {
            plain(res, Status.INTERNAL_SERVER_ERROR_500, "An error has occurred while gathering metrics: " + e + "\n");
            return;
        }
        String accept = req.headers().first(HeaderNames.ACCEPT).orElse(null);
        boolean gzip = Exposition.acceptsGzip(req.headers().first(HeaderNames.ACCEPT_ENCODING).orElse(null));
        byte[] body;
        String contentType;
        synchronized (bufferLock) {
            try {
                contentType = Exposition.render(snapshots, accept, gzip, buffer);
            } catch (IOException | RuntimeException e) {
                plain(res, Status.INTERNAL_SERVER_ERROR_500, "An error has occurred while encoding metrics: " + e + "\n");
                return;
            }
            body = buffer.toByteArray();
        }
        res.status(Status.OK_200);
        res.header(HeaderNames.CONTENT_TYPE, contentType);
        if (gzip) {
            res.header(HeaderNames.CONTENT_ENCODING, "gzip");
        }
        res.header(HeaderNames.VARY, "Accept-Encoding");
        res.send(body);
    }

    private static void plain(ServerResponse res, Status status, String body) {
        res.status(status).header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8").send(body);
    }
}
