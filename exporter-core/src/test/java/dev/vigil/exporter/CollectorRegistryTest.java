package dev.vigil.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import dev.vigil.exporter.testing.Collectors;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The registry's contract: concurrency, deadlines, and honest success/duration metrics. */
class CollectorRegistryTest {
    private static final Desc VALUE = Desc.gauge("test_value", "A value.");

    /** A collector that blocks until released, like statfs on a dead NFS mount. */
    static final class StuckCollector implements Collector {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger started = new AtomicInteger();

        @Override
        public String name() {
            return "stuck";
        }

        @Override
        public void update(MetricSink sink) {
            started.incrementAndGet();
            sink.add(VALUE, 1);
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sink.add(VALUE, 2);
        }
    }

    static Collector fixed(String name, double value) {
        return Collectors.named(name, sink -> sink.add(Desc.gauge("test_" + name, "Fixed."), value));
    }

    static Collector failing(String name, IOException error) {
        return Collectors.named(name, sink -> {
            throw error;
        });
    }

    /** collector name -> value, for one per-collector family. */
    static Map<String, Double> perCollector(List<MetricSnapshot> snapshots, String family) {
        Map<String, Double> out = new HashMap<>();
        for (MetricSnapshot snapshot : snapshots) {
            if (snapshot.getMetadata().getName().equals(family)) {
                for (GaugeSnapshot.GaugeDataPointSnapshot point : ((GaugeSnapshot) snapshot).getDataPoints()) {
                    out.put(point.getLabels().get("collector"), point.getValue());
                }
            }
        }
        return out;
    }

    static boolean hasFamily(List<MetricSnapshot> snapshots, String name) {
        return snapshots.stream().anyMatch(s -> s.getMetadata().getName().equals(name));
    }

    @Test
    void aStuckCollectorFailsAtTheDeadlineAndTheScrapeStillAnswers() {
        StuckCollector stuck = new StuckCollector();
        try (CollectorRegistry registry = new CollectorRegistry("test", List.of(stuck, fixed("fast", 7)))) {
            long started = System.nanoTime();
            SnapshotSink sink = new SnapshotSink();
            registry.scrape(name -> true, Duration.ofMillis(300), sink);
            double elapsed = (System.nanoTime() - started) / 1e9;
            List<MetricSnapshot> snapshots = sink.toSnapshots();

            assertTrue(elapsed < 2, "the scrape waited " + elapsed + " s for a stuck collector");
            assertEquals(Map.of("stuck", 0.0, "fast", 1.0), perCollector(snapshots, "test_scrape_collector_success"));
            double stuckSeconds = perCollector(snapshots, "test_scrape_collector_duration_seconds").get("stuck");
            assertTrue(stuckSeconds >= 0.29, "duration of the stuck collector: " + stuckSeconds);
            assertTrue(hasFamily(snapshots, "test_fast"));
            assertTrue(!hasFamily(snapshots, "test_value"), "partial samples of a timed-out collector leaked");

            // Still stuck: the next scrape does not start it a second time.
            SnapshotSink again = new SnapshotSink();
            registry.scrape(name -> true, Duration.ofMillis(100), again);
            assertEquals(1, stuck.started.get());
            assertEquals(0.0, perCollector(again.toSnapshots(), "test_scrape_collector_success").get("stuck"));

            // Released, it runs again on the next scrape and succeeds.
            stuck.release.countDown();
            long deadline = System.nanoTime() + 5_000_000_000L;
            double success = 0;
            while (success == 0 && System.nanoTime() < deadline) {
                SnapshotSink next = new SnapshotSink();
                registry.scrape(name -> true, Duration.ofSeconds(2), next);
                success = perCollector(next.toSnapshots(), "test_scrape_collector_success").get("stuck");
            }
            assertEquals(1.0, success);
        }
    }

    @Test
    void failureAndNoDataAreBothUnsuccessfulButOthersCarryOn() {
        try (CollectorRegistry registry = new CollectorRegistry("node", List.of(
                failing("broken", new IOException("permission denied")),
                failing("absent", new NoDataException("no hardware")),
                fixed("ok", 1)))) {
            SnapshotSink sink = new SnapshotSink();
            registry.scrape(name -> true, Duration.ofSeconds(5), sink);
            assertEquals(Map.of("broken", 0.0, "absent", 0.0, "ok", 1.0),
                    perCollector(sink.toSnapshots(), "node_scrape_collector_success"));
        }
    }

    @Test
    void collectorsRunConcurrently() {
        CountDownLatch bothIn = new CountDownLatch(2);
        Collectors.Update meetTheOther = sink -> {
            bothIn.countDown();
            try {
                if (!bothIn.await(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    throw new IOException("ran alone");
                }
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        };
        Collector waiter = Collectors.named("a", meetTheOther);
        Collector other = Collectors.named("b", meetTheOther);
        try (CollectorRegistry registry = new CollectorRegistry("test", List.of(waiter, other))) {
            SnapshotSink sink = new SnapshotSink();
            registry.scrape(name -> true, Duration.ofSeconds(10), sink);
            assertEquals(Map.of("a", 1.0, "b", 1.0), perCollector(sink.toSnapshots(), "test_scrape_collector_success"));
        }
    }

    @Test
    void selectionLimitsWhatRuns() {
        try (CollectorRegistry registry = new CollectorRegistry("test", List.of(fixed("x", 1), fixed("y", 2)))) {
            SnapshotSink sink = new SnapshotSink();
            registry.scrape("y"::equals, Duration.ofSeconds(1), sink);
            assertEquals(Map.of("y", 1.0), perCollector(sink.toSnapshots(), "test_scrape_collector_success"));
        }
    }
}
