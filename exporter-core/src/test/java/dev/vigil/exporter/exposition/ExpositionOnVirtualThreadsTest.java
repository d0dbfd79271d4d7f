package dev.vigil.exporter.exposition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Rendering from a virtual thread (as every Helidon handler does) is as cheap as from a platform one. */
class ExpositionOnVirtualThreadsTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static MetricSnapshots gauges(int count) {
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name("test_gauge").help("A gauge.");
        for (int i = 0; i < count; i++) {
            gauge.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                    .labels(Labels.of("pool", "pool-" + i, "area", "heap")).value(i * 1.5).build());
        }
        return MetricSnapshots.of(gauge.build());
    }

    private static byte[] renderOnVirtualThread(MetricSnapshots snapshots, boolean gzip) throws Exception {
        AtomicReference<byte[]> out = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread.ofVirtual().start(() -> {
            try {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * 1024);
                Exposition.render(snapshots, null, gzip, buffer);
                out.set(buffer.toByteArray());
            } catch (Exception e) {
                failure.set(e);
            }
        }).join();
        if (failure.get() != null) {
            throw failure.get();
        }
        return out.get();
    }

    @Test
    void sameBytesAsOnAPlatformThread() throws Exception {
        MetricSnapshots snapshots = gauges(300);
        ByteArrayOutputStream platform = new ByteArrayOutputStream();
        Exposition.render(snapshots, null, false, platform);
        assertArrayEquals(platform.toByteArray(), renderOnVirtualThread(snapshots, false));
    }

    /**
     * Fails when the text is written on the virtual thread: the JDK's BufferedWriter then grows its
     * buffer from 512 chars a few chars at a time (measured: 22 MB per render of these 17 KB).
     */
    @Test
    void littleGarbagePerRender() throws Exception {
        MetricSnapshots snapshots = gauges(300); // some 17 KB of text
        for (int i = 0; i < 20; i++) {
            renderOnVirtualThread(snapshots, true);
        }
        int renders = 50;
        long before = THREADS.getTotalThreadAllocatedBytes();
        for (int i = 0; i < renders; i++) {
            renderOnVirtualThread(snapshots, true);
        }
        long perRender = (THREADS.getTotalThreadAllocatedBytes() - before) / renders;
        assertTrue(perRender < 512 * 1024, perRender + " bytes allocated per render");
    }
}
