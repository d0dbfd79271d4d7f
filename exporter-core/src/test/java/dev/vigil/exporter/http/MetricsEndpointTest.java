package dev.vigil.exporter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.testing.Collectors;
import dev.vigil.exporter.testing.FakeCollector;
import dev.vigil.exporter.testing.HttpProbe;
import dev.vigil.exporter.testing.TestExporter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The HTTP surface node_exporter users rely on: formats, gzip, filters, limits, pages. */
class MetricsEndpointTest {

    private static TestExporter start(String... args) throws Exception {
        return TestExporter.start(List.of(
                TestExporter.factory("alpha", true, () -> new FakeCollector("alpha")),
                TestExporter.factory("beta", true, () -> fixed("beta")),
                TestExporter.factory("gamma", false, () -> fixed("gamma"))), args);
    }

    private static Collector fixed(String name) {
        return Collectors.named(name, sink -> sink.add(Desc.gauge("test_" + name + "_value", "A value from " + name + "."), 1));
    }

    @Test
    void textFormatByDefaultOpenMetricsWhenAsked() throws Exception {
        try (TestExporter exporter = start()) {
            HttpProbe.Response text = HttpProbe.plain().get(exporter.port(), "/metrics");
            assertEquals(200, text.status());
            assertEquals("text/plain; version=0.0.4; charset=utf-8", text.header("Content-Type"));
            String body = text.body();
            assertTrue(body.contains("test_load1 0.25\n"), body);
            assertTrue(body.contains("test_scrape_collector_success{collector=\"alpha\"} 1.0\n"), body);
            assertTrue(body.contains("test_exporter_build_info{"), body);
            assertTrue(body.contains("process_resident_memory_bytes "), body);
            assertTrue(body.contains("promhttp_metric_handler_requests_total{code=\"200\"}"), body);
            assertFalse(body.contains("test_gamma_value"), "a default-off collector ran");

            HttpProbe.Response om = HttpProbe.plain()
                    .header("Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5")
                    .get(exporter.port(), "/metrics");
            assertTrue(om.header("Content-Type").startsWith("application/openmetrics-text; version=1.0.0"));
            assertTrue(om.body().endsWith("# EOF\n"));
        }
    }

    @Test
    void gzipWhenAcceptEncodingAllowsIt() throws Exception {
        try (TestExporter exporter = start()) {
            HttpProbe.Response zipped = HttpProbe.plain().header("Accept-Encoding", "gzip, deflate")
                    .get(exporter.port(), "/metrics");
            assertEquals("gzip", zipped.header("Content-Encoding"));
            assertEquals((byte) 0x1f, zipped.rawBody()[0]);
            assertTrue(zipped.body().contains("test_load1 0.25"));
            HttpProbe.Response refused = HttpProbe.plain().header("Accept-Encoding", "gzip;q=0")
                    .get(exporter.port(), "/metrics");
            assertEquals(null, refused.header("Content-Encoding"));
        }
    }

    @Test
    void collectAndExcludeFilters() throws Exception {
        try (TestExporter exporter = start("--collector.gamma")) {
            int port = exporter.port();
            String onlyBeta = HttpProbe.plain().get(port, "/metrics?collect[]=beta").body();
            assertTrue(onlyBeta.contains("test_beta_value 1.0"));
            assertFalse(onlyBeta.contains("test_load1"));
            assertTrue(onlyBeta.contains("test_exporter_build_info"), "exporter metrics stay under collect[]");

            String encoded = HttpProbe.plain().get(port, "/metrics?collect%5B%5D=beta&collect%5B%5D=gamma").body();
            assertTrue(encoded.contains("test_gamma_value 1.0") && encoded.contains("test_beta_value"));

            String withoutAlpha = HttpProbe.plain().get(port, "/metrics?exclude[]=alpha").body();
            assertFalse(withoutAlpha.contains("test_load1"));
            assertTrue(withoutAlpha.contains("test_beta_value") && withoutAlpha.contains("test_gamma_value"));

            HttpProbe.Response both = HttpProbe.plain().get(port, "/metrics?collect[]=beta&exclude[]=alpha");
            assertEquals(400, both.status());
            assertEquals("Combined collect and exclude queries are not allowed.", both.body());

            HttpProbe.Response missing = HttpProbe.plain().get(port, "/metrics?collect[]=nope");
            assertEquals(400, missing.status());
            assertTrue(missing.body().endsWith("missing collector: nope"), missing.body());
        }
        try (TestExporter exporter = start()) {
            HttpProbe.Response disabled = HttpProbe.plain().get(exporter.port(), "/metrics?collect[]=gamma");
            assertEquals(400, disabled.status());
            assertTrue(disabled.body().endsWith("disabled collector: gamma"), disabled.body());
        }
    }

    @Test
    void disableDefaultsAndCollectorFlags() throws Exception {
        try (TestExporter exporter = start("--collector.disable-defaults", "--collector.beta")) {
            String body = HttpProbe.plain().get(exporter.port(), "/metrics").body();
            assertTrue(body.contains("test_beta_value"));
            assertFalse(body.contains("test_load1"));
        }
        try (TestExporter exporter = start("--no-collector.alpha")) {
            String body = HttpProbe.plain().get(exporter.port(), "/metrics").body();
            assertFalse(body.contains("test_load1"));
            assertTrue(body.contains("test_beta_value"));
        }
    }

    @Test
    void disableExporterMetricsKeepsBuildInfoOnly() throws Exception {
        try (TestExporter exporter = start("--web.disable-exporter-metrics")) {
            String body = HttpProbe.plain().get(exporter.port(), "/metrics").body();
            assertTrue(body.contains("test_exporter_build_info"));
            assertFalse(body.contains("process_"));
            assertFalse(body.contains("promhttp_"));
        }
    }

    @Test
    void maxRequestsAnswers503BeyondTheLimit() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        Collector slow = Collectors.named("slow", sink -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (TestExporter exporter = TestExporter.start(List.of(TestExporter.factory("slow", true, () -> slow)),
                "--web.max-requests=1")) {
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<HttpProbe.Response> first = pool.submit(() -> HttpProbe.plain().get(exporter.port(), "/metrics"));
                assertTrue(entered.await(10, TimeUnit.SECONDS));
                HttpProbe.Response second = HttpProbe.plain().get(exporter.port(), "/metrics");
                assertEquals(503, second.status());
                assertEquals("Limit of concurrent requests reached (1), try again later.\n", second.body());
                release.countDown();
                assertEquals(200, first.get(10, TimeUnit.SECONDS).status());
                // The slot frees just after the first answer is sent; retry briefly until it has.
                HttpProbe.Response after = HttpProbe.plain().get(exporter.port(), "/metrics");
                for (int i = 0; i < 50 && after.status() == 503; i++) {
                    Thread.sleep(20);
                    after = HttpProbe.plain().get(exporter.port(), "/metrics");
                }
                assertEquals(200, after.status());
                assertTrue(after.body().contains("promhttp_metric_handler_requests_total{code=\"200\"} 1.0"), after.body());
                assertTrue(!after.body().contains("promhttp_metric_handler_requests_total{code=\"503\"} 0.0"), after.body());
            } finally {
                release.countDown();
                pool.shutdownNow();
            }
        }
    }

    @Test
    void scraperTimeoutHeaderLowersTheCollectorDeadline() throws Exception {
        Collector sleepy = Collectors.named("sleepy", sink -> Collectors.sleep(3_000));
        try (TestExporter exporter = TestExporter.start(List.of(TestExporter.factory("sleepy", true, () -> sleepy)))) {
            long started = System.nanoTime();
            String body = HttpProbe.plain().header("X-Prometheus-Scrape-Timeout-Seconds", "1")
                    .get(exporter.port(), "/metrics").body();
            double seconds = (System.nanoTime() - started) / 1e9;
            assertTrue(seconds < 2.5, "answered after " + seconds + " s");
            assertTrue(body.contains("test_scrape_collector_success{collector=\"sleepy\"} 0.0"), body);
            assertTrue(exporter.log().contains("deadline exceeded"));
        }
    }

    @Test
    void landingHealthAndNotFound() throws Exception {
        try (TestExporter exporter = start("--web.telemetry-path=/custom")) {
            HttpProbe.Response landing = HttpProbe.plain().get(exporter.port(), "/");
            assertEquals(200, landing.status());
            assertEquals("text/html; charset=UTF-8", landing.header("Content-Type"));
            assertTrue(landing.body().contains("<a href=\"custom\">Metrics</a>"), landing.body());
            assertEquals("Healthy\n", HttpProbe.plain().get(exporter.port(), "/-/healthy").body());
            assertEquals(200, HttpProbe.plain().get(exporter.port(), "/custom").status());
            HttpProbe.Response missing = HttpProbe.plain().get(exporter.port(), "/metrics");
            assertEquals(404, missing.status());
        }
    }

    @Test
    void repeatableListenAddress() throws Exception {
        try (TestExporter exporter = start("--web.listen-address=127.0.0.1:0", "--web.listen-address=[::1]:0")) {
            List<Integer> ports = new ArrayList<>(exporter.ports());
            assertEquals(2, ports.size());
            assertEquals(200, HttpProbe.plain().get(ports.get(0), "/metrics").status());
            try (java.net.Socket socket = new java.net.Socket("::1", ports.get(1))) {
                assertTrue(socket.isConnected());
            }
        }
    }
}
