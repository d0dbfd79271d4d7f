package dev.vigil.exporter.http;

import dev.vigil.exporter.CollectorRegistry;
import dev.vigil.exporter.SnapshotSink;
import dev.vigil.exporter.exposition.Exposition;
import dev.vigil.exporter.log.Log;
import dev.vigil.exporter.self.ExporterMetrics;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;

/**
 * Serves the telemetry path as node_exporter's handler does: {@code collect[]} picks collectors,
 * {@code exclude[]} drops them (not both at once: 400), an unknown or disabled collector in {@code
 * collect[]} is a 400, more than {@code --web.max-requests} scrapes at once get 503, and each
 * collector's deadline is the lower of {@code --collector.timeout} and the scraper's {@code
 * X-Prometheus-Scrape-Timeout-Seconds} less a safety margin.
 */
final class MetricsHandler implements Handler {
    private static final Log LOG = Log.get(MetricsHandler.class);
    private static final Duration TIMEOUT_MARGIN = Duration.ofMillis(500);
    private static final Duration MIN_DEADLINE = Duration.ofMillis(100);

    private final CollectorRegistry registry;
    private final ExporterMetrics self;
    private final Semaphore slots;
    private final int maxRequests;
    private final Duration collectorTimeout;
    private final ThreadLocal<ByteArrayOutputStream> buffers =
            ThreadLocal.withInitial(() -> new ByteArrayOutputStream(64 * 1024));

    /** @param maxRequests concurrent scrapes allowed; 0 for no limit */
    MetricsHandler(CollectorRegistry registry, ExporterMetrics self, int maxRequests, Duration collectorTimeout) {
        this.registry = registry;
        this.self = self;
        this.maxRequests = maxRequests;
        this.slots = maxRequests > 0 ? new Semaphore(maxRequests) : null;
        this.collectorTimeout = collectorTimeout;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        if (slots != null && !slots.tryAcquire()) {
            self.countStatus(503);
            plain(res, Status.SERVICE_UNAVAILABLE_503,
                    "Limit of concurrent requests reached (" + maxRequests + "), try again later.\n");
            return;
        }
        self.scrapeStarted();
        int status = 500;
        try {
            status = serve(req, res);
        } finally {
            self.scrapeDone(status);
            if (slots != null) {
                slots.release();
            }
        }
    }

    private int serve(ServerRequest req, ServerResponse res) {
        List<String> collect = req.query().all("collect[]", List::of);
        List<String> exclude = req.query().all("exclude[]", List::of);
        if (!collect.isEmpty() && !exclude.isEmpty()) {
            plain(res, Status.BAD_REQUEST_400, "Combined collect and exclude queries are not allowed.");
            return 400;
        }
        Predicate<String> selected = name -> true;
        if (!collect.isEmpty()) {
            Set<String> enabled = new HashSet<>(registry.names());
            for (String name : collect) {
                if (!enabled.contains(name)) {
                    plain(res, Status.BAD_REQUEST_400, "Couldn't create filtered metrics handler: couldn't create collector: "
                            + (registry.isKnown(name) ? "disabled collector: " : "missing collector: ") + name);
                    return 400;
                }
            }
            Set<String> wanted = Set.copyOf(collect);
            selected = wanted::contains;
        } else if (!exclude.isEmpty()) {
            Set<String> unwanted = Set.copyOf(exclude);
            selected = name -> !unwanted.contains(name);
        }

        SnapshotSink sink = new SnapshotSink();
        registry.scrape(selected, deadline(req), sink);
        self.collect(sink);
        List<MetricSnapshot> snapshots = new ArrayList<>(sink.toSnapshots());
        snapshots.addAll(self.processSnapshots());
        MetricSnapshots all;
        try {
            all = new MetricSnapshots(snapshots);
        } catch (IllegalArgumentException e) {
            self.gatheringError();
            LOG.error("error gathering metrics", "err", e.getMessage());
            plain(res, Status.INTERNAL_SERVER_ERROR_500, "An error has occurred while gathering metrics.\n");
            return 500;
        }

        String accept = req.headers().first(HeaderNames.ACCEPT).orElse(null);
        boolean gzip = Exposition.acceptsGzip(req.headers().first(HeaderNames.ACCEPT_ENCODING).orElse(null));
        ByteArrayOutputStream buffer = buffers.get();
        String contentType;
        try {
            contentType = Exposition.render(all, accept, gzip, buffer);
        } catch (IOException | RuntimeException e) {
            self.encodingError();
            LOG.error("error encoding metrics", "err", String.valueOf(e));
            plain(res, Status.INTERNAL_SERVER_ERROR_500, "An error has occurred while encoding metrics.\n");
            return 500;
        }
        res.status(Status.OK_200);
        res.header(HeaderNames.CONTENT_TYPE, contentType);
        if (gzip) {
            res.header(HeaderNames.CONTENT_ENCODING, "gzip");
        }
        res.header(HeaderNames.VARY, "Accept-Encoding");
        byte[] bytes = buffer.toByteArray();
        if (buffer.size() > 4 << 20) {
            buffers.remove(); // do not pin an unusually large buffer to this thread
        }
        res.send(bytes);
        return 200;
    }

    private Duration deadline(ServerRequest req) {
        Duration deadline = collectorTimeout;
        String header = req.headers().first(HeaderNames.create("X-Prometheus-Scrape-Timeout-Seconds")).orElse(null);
        if (header != null) {
            try {
                Duration scraper = Duration.ofMillis((long) (Double.parseDouble(header) * 1000)).minus(TIMEOUT_MARGIN);
                if (scraper.compareTo(deadline) < 0) {
                    deadline = scraper;
                }
            } catch (NumberFormatException e) {
                LOG.debug("ignoring malformed X-Prometheus-Scrape-Timeout-Seconds", "value", header);
            }
        }
        return deadline.compareTo(MIN_DEADLINE) < 0 ? MIN_DEADLINE : deadline;
    }

    private static void plain(ServerResponse res, Status status, String body) {
        res.status(status).header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8").send(body);
    }
}
