package dev.vigil.exporter.self;

import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The exporter's own metrics. Build info is always there (as in node_exporter); process and
 * promhttp metrics only unless {@code --web.disable-exporter-metrics}.
 */
public final class ExporterMetrics {
    private static final Desc REQUESTS = Desc.counter("promhttp_metric_handler_requests_total",
            "Total number of scrapes by HTTP status code.", "code");
    private static final Desc IN_FLIGHT = Desc.gauge("promhttp_metric_handler_requests_in_flight",
            "Current number of scrapes being served.");
    private static final Desc ERRORS = Desc.counter("promhttp_metric_handler_errors_total",
            "Total number of internal errors encountered by the promhttp metric handler.", "cause");

    private final Desc buildInfo;
    private final BuildInfo build;
    private final boolean enabled;
    private final PrometheusRegistry process = new PrometheusRegistry();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong unavailable = new AtomicLong();
    private final AtomicLong gatheringErrors = new AtomicLong();
    private final AtomicLong encodingErrors = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();

    /**
     * @param exporterName e.g. {@code node_exporter}, for {@code node_exporter_build_info}
     * @param enabled false for {@code --web.disable-exporter-metrics}
     */
    public ExporterMetrics(String exporterName, BuildInfo build, boolean enabled) {
        this.build = build;
        this.enabled = enabled;
        this.buildInfo = Desc.gauge(exporterName + "_build_info",
                "A metric with a constant '1' value labeled by version, revision, branch, and goversion from which "
                        + exporterName + " was built.",
                "version", "revision", "branch", "goversion");
        if (enabled) {
            ProcessMetrics.builder().register(process);
        }
    }

    /** Adds build info and, when enabled, the promhttp counters. */
    public void collect(MetricSink sink) {
        sink.add(buildInfo, 1, build.version(), build.revision(), build.branch(), BuildInfo.javaVersion());
        if (!enabled) {
            return;
        }
        sink.add(REQUESTS, ok.get(), "200");
        sink.add(REQUESTS, failed.get(), "500");
        sink.add(REQUESTS, unavailable.get(), "503");
        sink.add(IN_FLIGHT, inFlight.get());
        sink.add(ERRORS, encodingErrors.get(), "encoding");
        sink.add(ERRORS, gatheringErrors.get(), "gathering");
    }

    /** The {@code process_*} snapshots, empty when disabled. */
    public List<MetricSnapshot> processSnapshots() {
        if (!enabled) {
            return List.of();
        }
        return process.scrape().stream().toList();
    }

    /** Marks a scrape as started; pair with {@link #scrapeDone(int)}. */
    public void scrapeStarted() {
        inFlight.incrementAndGet();
    }

    /** Marks a scrape as answered with {@code status}. */
    public void scrapeDone(int status) {
        inFlight.decrementAndGet();
        countStatus(status);
    }

    /** Counts an answer given without running a scrape (503 over the request limit). */
    public void countStatus(int status) {
        switch (status) {
            case 200 -> ok.incrementAndGet();
            case 503 -> unavailable.incrementAndGet();
            default -> failed.incrementAndGet();
        }
    }

    public void encodingError() {
        encodingErrors.incrementAndGet();
    }

    public void gatheringError() {
        gatheringErrors.incrementAndGet();
    }
}
