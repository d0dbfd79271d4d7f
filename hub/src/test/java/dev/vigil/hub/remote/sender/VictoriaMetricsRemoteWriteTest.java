package dev.vigil.hub.remote.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.vigil.hub.config.ConfigLoader;
import dev.vigil.hub.config.HubConfig;
import dev.vigil.model.Labels;
import dev.vigil.storage.Appender;
import dev.vigil.storage.Tsdb;
import dev.vigil.storage.TsdbOptions;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub's remote-write sender against a real VictoriaMetrics (the Debian package, started here
 * on a free loopback port): VictoriaMetrics ends up with exactly the appended samples (values,
 * timestamps, labels with the external labels and write relabeling applied); samples appended
 * while it is down arrive once it is back on the same data directory.
 */
class VictoriaMetricsRemoteWriteTest {
    private static final Path VICTORIA_METRICS = Path.of("/usr/bin/victoria-metrics");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int SERIES = 4;

    @TempDir
    Path dir;

    private Process vm;
    private int port;
    private Tsdb tsdb;
    private RemoteWriteManager manager;
    private final long t0 = (System.currentTimeMillis() - 600_000) / 1000 * 1000;

    @AfterEach
    void stop() throws Exception {
        if (manager != null) {
            manager.close();
        }
        if (tsdb != null) {
            tsdb.close();
        }
        stopVm();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void startVm() throws Exception {
        vm = new ProcessBuilder(VICTORIA_METRICS.toString(), "-storageDataPath=" + dir.resolve("vm"),
                "-httpListenAddr=127.0.0.1:" + port, "-retentionPeriod=1y", "-loggerLevel=WARN")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("vm.log").toFile()))
                .start();
        await(() -> {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (ConnectException e) {
                return false;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "VictoriaMetrics to start");
    }

    private void stopVm() throws Exception {
        if (vm != null) {
            vm.destroy(); // SIGTERM: VictoriaMetrics flushes its buffers to disk
            if (!vm.waitFor(30, TimeUnit.SECONDS)) {
                vm.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            vm = null;
        }
    }

    private String log() throws Exception {
        Path log = dir.resolve("vm.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static void await(Supplier<Boolean> condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.get()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(200);
        }
    }

    private static Labels series(int i) {
        return Labels.of("__name__", "vigil_rw_test", "job", "node", "i", Integer.toString(i), "secret",
                i == 0 ? "yes" : "no");
    }

    private void append(int from, int to) throws Exception {
        for (int k = from; k < to; k++) {
            Appender app = tsdb.appender();
            for (int i = 0; i < SERIES; i++) {
                app.append(0, series(i), t0 + k * 1000L, k * 100 + i + 0.25);
            }
            app.commit();
        }
    }

    /** Series 1..3 as VictoriaMetrics must hold them after samples [0, n): labels as "k=v,..." to samples. */
    private Map<String, TreeMap<Long, Double>> expected(int n) {
        Map<String, TreeMap<Long, Double>> out = new TreeMap<>();
        for (int i = 1; i < SERIES; i++) {
            TreeMap<Long, Double> samples = new TreeMap<>();
            for (int k = 0; k < n; k++) {
                samples.put(t0 + k * 1000L, k * 100 + i + 0.25);
            }
            out.put("__name__=vigil_rw_test,cluster=lab,i=" + i + ",job=hub-node,secret=no", samples);
        }
        return out;
    }

    /** Everything VictoriaMetrics holds for the test metric, through /api/v1/export. */
    private Map<String, TreeMap<Long, Double>> exported() throws Exception {
        String match = URLEncoder.encode("{__name__=\"vigil_rw_test\"}", StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/export?match[]=" + match + "&start=0")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        Map<String, TreeMap<Long, Double>> out = new TreeMap<>();
        for (String line : response.body().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            TreeMap<String, String> metric = new TreeMap<>();
            List<Double> values = new ArrayList<>();
            List<Long> timestamps = new ArrayList<>();
            try (JsonParser p = new JsonFactory().createParser(line)) {
                p.nextToken();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    switch (field) {
                        case "metric" -> {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String name = p.currentName();
                                p.nextToken();
                                metric.put(name, p.getText());
                            }
                        }
                        case "values" -> {
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                values.add(p.getDoubleValue());
                            }
                        }
                        case "timestamps" -> {
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                timestamps.add(p.getLongValue());
                            }
                        }
                        default -> p.skipChildren();
                    }
                }
            }
            StringBuilder key = new StringBuilder();
            metric.forEach((k, v) -> key.append(key.isEmpty() ? "" : ",").append(k).append('=').append(v));
            TreeMap<Long, Double> samples = out.computeIfAbsent(key.toString(), k -> new TreeMap<>());
            for (int j = 0; j < values.size(); j++) {
                Double previous = samples.put(timestamps.get(j), values.get(j));
                assertTrue(previous == null, "sample at " + timestamps.get(j) + " of " + key + " stored twice");
            }
        }
        return out;
    }

    private int exportedCount() {
        try {
            return exported().values().stream().mapToInt(TreeMap::size).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void victoriaMetricsHoldsExactlyTheSamplesAndNothingIsLostWhileItIsDown() throws Exception {
        // Fail, never skip: CI installs the package (.ci/run).
        assertTrue(Files.isExecutable(VICTORIA_METRICS), VICTORIA_METRICS + " is missing: apt-get install -y victoria-metrics");
        port = freePort();
        startVm();
        tsdb = Tsdb.open(dir.resolve("hub"), TsdbOptions.DEFAULT);
        manager = new RemoteWriteManager(tsdb, "test");
        HubConfig config = ConfigLoader.parse("prometheus.yml", """
                global:
                  external_labels: {cluster: lab}
                remote_write:
                  - url: http://127.0.0.1:%d/api/v1/write
                    name: vm
                    write_relabel_configs:
                      - source_labels: [secret]
                        regex: "yes"
                        action: drop
                      - source_labels: [job]
                        target_label: job
                        replacement: hub-$1
                    queue_config: {batch_send_deadline: 200ms, min_backoff: 50ms, max_backoff: 500ms,
                                   max_samples_per_send: 50}
                """.formatted(port));
        manager.apply(config);
        append(0, 30);
        await(() -> exportedCount() == 90, "90 samples in VictoriaMetrics");
        assertEquals(expected(30), exported(), "exact samples, labels with external labels and relabeling");

        stopVm();
        append(30, 60); // VictoriaMetrics is down: these wait in the WAL
        QueueMetrics m = manager.metrics().iterator().next();
        await(() -> m.samplesRetried.sum() > 0, "the sender to retry against the stopped receiver");
        startVm(); // same data directory
        await(() -> exportedCount() == 180, "180 samples in VictoriaMetrics after its restart; log:\n" + log());
        assertEquals(expected(60), exported(), "nothing appended during the outage is lost");
        assertEquals(0, m.samplesFailed.sum());
        assertEquals(60, m.samplesDropped.sum(), "the series dropped by write relabeling");
    }
}
