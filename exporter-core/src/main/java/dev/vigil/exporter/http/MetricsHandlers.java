package dev.vigil.exporter.http;

import dev.vigil.exporter.CollectorRegistry;
import dev.vigil.exporter.self.ExporterMetrics;
import io.helidon.webserver.http.Handler;
import java.time.Duration;

/** Builds the telemetry-path handler; the handler class itself stays package-private. */
public final class MetricsHandlers {
    private MetricsHandlers() {
    }

    /**
     * @param maxRequests concurrent scrapes allowed (0: no limit)
     * @param collectorTimeout each collector's deadline, before the scraper's header lowers it
     */
    public static Handler create(CollectorRegistry registry, ExporterMetrics self, int maxRequests,
            Duration collectorTimeout) {
        return new MetricsHandler(registry, self, maxRequests, collectorTimeout);
    }
}
