package dev.vigil.hub.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.hub.config.ConfigLoader;
import dev.vigil.hub.config.HubConfig;
import dev.vigil.model.Labels;
import dev.vigil.model.StaleMarker;
import dev.vigil.storage.Querier;
import dev.vigil.storage.SampleIterator;
import dev.vigil.storage.Series;
import dev.vigil.storage.Tsdb;
import dev.vigil.storage.TsdbOptions;
import dev.vigil.storage.index.Matcher;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scrapes a real HTTP server into a real TSDB. */
class ScrapeLoopTest {
    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicReference<String> body = new AtomicReference<>("");
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> lastAccept = new AtomicReference<>();
    private final AtomicReference<String> lastUserAgent = new AtomicReference<>();
    private final AtomicReference<String> contentType = new AtomicReference<>("text/plain; version=0.0.4");
    private Tsdb tsdb;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/metrics", exchange -> {
            lastAccept.set(exchange.getRequestHeaders().getFirst("Accept"));
            lastUserAgent.set(exchange.getRequestHeaders().getFirst("User-Agent"));
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (OutputStream gz = new GZIPOutputStream(zipped)) {
                gz.write(body.get().getBytes(StandardCharsets.UTF_8));
            }
            exchange.getResponseHeaders().set("Content-Type", contentType.get());
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(status.get(), zipped.size());
            exchange.getResponseBody().write(zipped.toByteArray());
            exchange.close();
        });
        server.start();
        tsdb = Tsdb.open(dir, TsdbOptions.DEFAULT);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop(0);
        tsdb.close();
    }

    private ScrapeLoop loop(String extra) throws Exception {
        HubConfig config = ConfigLoader.parse("test.yml", "scrape_configs:\n  - job_name: app\n" + extra
                + "    static_configs:\n      - targets: [\"127.0.0.1:" + server.getAddress().getPort() + "\"]\n"
                + "        labels: {env: test}\n");
        ScrapeTarget target = ScrapeTarget.of(config.scrapeConfigs().get(0)).active().get(0);
        return new ScrapeLoop(target, new HttpFetcher("test"), tsdb::appender);
    }

    private List<double[]> samples(String... matchers) {
        List<Matcher> list = new ArrayList<>();
        for (int i = 0; i < matchers.length; i += 2) {
            list.add(Matcher.equal(matchers[i], matchers[i + 1]));
        }
        List<double[]> out = new ArrayList<>();
        try (Querier q = tsdb.querier(0, Long.MAX_VALUE)) {
            for (Series s : q.select(list)) {
                SampleIterator it = s.iterator();
                while (it.next()) {
                    out.add(new double[] {it.timestamp(), it.value()});
                }
            }
        }
        return out;
    }

    private Labels onlySeries(String name) {
        try (Querier q = tsdb.querier(0, Long.MAX_VALUE)) {
            List<Series> s = q.select(List.of(Matcher.equal("__name__", name)));
            assertEquals(1, s.size(), name);
            return s.get(0).labels();
        }
    }

    @Test
    void storesSamplesWithTargetLabelsAndReportSeries() throws Exception {
        body.set("# TYPE requests_total counter\nrequests_total{path=\"/a\"} 7\nrequests_total{path=\"/b\"} 3\n");
        ScrapeLoop loop = loop("");
        loop.scrape(1_000_000);
        assertEquals("up", loop.health().health());
        assertEquals(Labels.of("__name__", "requests_total", "path", "/a", "job", "app", "env", "test",
                "instance", "127.0.0.1:" + server.getAddress().getPort()), onlySeriesWith("path", "/a"));
        assertEquals(1.0, samples("__name__", "up").get(0)[1]);
        assertEquals(2.0, samples("__name__", "scrape_samples_scraped").get(0)[1]);
        assertEquals(2.0, samples("__name__", "scrape_series_added").get(0)[1]);
        assertTrue(samples("__name__", "scrape_duration_seconds").get(0)[1] > 0);
        assertTrue(lastAccept.get().startsWith("application/openmetrics-text;version=1.0.0,"), lastAccept.get());
        assertTrue(lastAccept.get().contains(",text/plain;version=0.0.4;q=0.5,"), lastAccept.get());
        assertEquals("vigil-hub/test", lastUserAgent.get());
        loop.scrape(1_015_000);
        assertEquals(0.0, samples("__name__", "scrape_series_added").get(1)[1], "cached the second time");
    }

    private Labels onlySeriesWith(String name, String value) {
        try (Querier q = tsdb.querier(0, Long.MAX_VALUE)) {
            List<Series> s = q.select(List.of(Matcher.equal(name, value)));
            assertEquals(1, s.size());
            return s.get(0).labels();
        }
    }

    @Test
    void aVanishedSeriesAndAFailedScrapeGetStaleMarkers() throws Exception {
        body.set("a 1\nb 2\n");
        ScrapeLoop loop = loop("");
        loop.scrape(1_000_000);
        body.set("a 1\n");
        loop.scrape(1_015_000);
        List<double[]> b = samples("__name__", "b");
        assertEquals(2, b.size());
        assertTrue(StaleMarker.is(b.get(1)[1]), "b ended by a staleness marker at the next scrape");
        assertEquals(1_015_000, (long) b.get(1)[0]);

        status.set(500);
        loop.scrape(1_030_000);
        assertEquals("down", loop.health().health());
        assertEquals("server returned HTTP status 500 Internal Server Error", loop.health().lastError());
        List<double[]> a = samples("__name__", "a");
        assertTrue(StaleMarker.is(a.get(a.size() - 1)[1]), "a failed scrape ends every series");
        List<double[]> up = samples("__name__", "up");
        assertEquals(0.0, up.get(up.size() - 1)[1]);
    }

    @Test
    void aDeadTargetIsDownWithPrometheusWording() throws Exception {
        ScrapeLoop loop = loop("");
        server.stop(0);
        loop.scrape(1_000_000);
        assertEquals("down", loop.health().health());
        assertTrue(loop.health().lastError().startsWith("Get \"http://127.0.0.1:"), loop.health().lastError());
        assertTrue(loop.health().lastError().endsWith("connect: connection refused"), loop.health().lastError());
    }

    @Test
    void malformedExpositionMarksTheTargetDown() throws Exception {
        body.set("metric{a=\"1\" 1\n");
        ScrapeLoop loop = loop("");
        loop.scrape(1_000_000);
        assertEquals("down", loop.health().health());
        assertEquals("expected label name, got \"INVALID\"", loop.health().lastError());
        assertEquals(0.0, samples("__name__", "up").get(0)[1]);
    }

    @Test
    void clashingLabelsAreExportedUnlessHonored() throws Exception {
        body.set("m{job=\"inner\",instance=\"x\"} 1\n");
        loop("").scrape(1_000_000);
        Labels exported = onlySeries("m");
        assertEquals("inner", exported.get("exported_job"));
        assertEquals("app", exported.get("job"));
        assertEquals("x", exported.get("exported_instance"));

        tsdb.close();
        tsdb = Tsdb.open(dir.resolve("honor"), TsdbOptions.DEFAULT);
        loop("    honor_labels: true\n").scrape(1_000_000);
        Labels honored = onlySeries("m");
        assertEquals("inner", honored.get("job"));
        assertEquals("x", honored.get("instance"));
        assertFalse(honored.has("exported_job"));
    }

    @Test
    void overTheSampleLimitTheScrapeFailsAndStoresNothingOfIt() throws Exception {
        body.set("a 1\nb 2\nc 3\n");
        ScrapeLoop loop = loop("    sample_limit: 2\n");
        loop.scrape(1_000_000);
        assertEquals("down", loop.health().health());
        assertEquals("sample limit exceeded", loop.health().lastError());
        assertTrue(samples("__name__", "a").isEmpty());
    }

    @Test
    void scrapedTimestampsAreKeptWithHonorTimestamps() throws Exception {
        body.set("m 1 999000\n");
        loop("").scrape(1_000_000);
        assertEquals(999_000, (long) samples("__name__", "m").get(0)[0]);
        tsdb.close();
        tsdb = Tsdb.open(dir.resolve("ignore"), TsdbOptions.DEFAULT);
        loop("    honor_timestamps: false\n").scrape(1_000_000);
        assertEquals(1_000_000, (long) samples("__name__", "m").get(0)[0]);
    }

    @Test
    void metricRelabelingDropsAndRewritesSeriesBeforeStorage() throws Exception {
        body.set("go_gc_duration_seconds 1\nhttp_requests_total{code=\"200\"} 5\n");
        ScrapeLoop loop = loop("    metric_relabel_configs:\n"
                + "      - source_labels: [__name__]\n        regex: go_.*\n        action: drop\n"
                + "      - source_labels: [code]\n        target_label: status\n"
                + "      - regex: code\n        action: labeldrop\n");
        loop.scrape(1_000_000);
        assertTrue(samples("__name__", "go_gc_duration_seconds").isEmpty());
        Labels stored = onlySeries("http_requests_total");
        assertEquals("200", stored.get("status"));
        assertFalse(stored.has("code"));
        assertEquals(2.0, samples("__name__", "scrape_samples_scraped").get(0)[1]);
        assertEquals(1.0, samples("__name__", "scrape_samples_post_metric_relabeling").get(0)[1]);
    }

    @Test
    void labelAndBodyLimitsFailTheScrapeWithPrometheusWording() throws Exception {
        body.set("m{a=\"1\",b=\"2\"} 1\n");
        ScrapeLoop loop = loop("    label_limit: 4\n");
        loop.scrape(1_000_000);
        assertEquals("label_limit exceeded (metric: m, number of labels: 6, limit: 4)", loop.health().lastError());

        body.set("m{a=\"a-very-long-value\"} 1\n");
        ScrapeLoop values = loop("    label_value_length_limit: 5\n");
        values.scrape(1_000_000);
        assertEquals("label_value_length_limit exceeded (metric: m, label name: a, value: \"a-very-long-value\","
                + " length: 17, limit: 5)", values.health().lastError());

        body.set("m 1\n".repeat(100));
        ScrapeLoop big = loop("    body_size_limit: 100B\n");
        big.scrape(1_000_000);
        assertEquals("body size limit exceeded", big.health().lastError());
        assertEquals("down", big.health().health());
    }

    @Test
    void aRefusedScrapeStillEndsThePreviousSeries() throws Exception {
        body.set("a 1\n");
        ScrapeLoop loop = loop("    label_limit: 4\n");
        loop.scrape(1_000_000);
        body.set("a 1\nm{a=\"1\",b=\"2\"} 1\n");
        loop.scrape(1_015_000);
        assertEquals("down", loop.health().health());
        List<double[]> a = samples("__name__", "a");
        assertTrue(StaleMarker.is(a.get(a.size() - 1)[1]), "the failed scrape marks the earlier series stale");
    }

    @Test
    void openMetricsIsParsedWhenTheTargetSendsIt() throws Exception {
        contentType.set("application/openmetrics-text; version=1.0.0; charset=utf-8");
        body.set("# TYPE jobs counter\njobs_total{q=\"a\"} 3 999.5 # {trace_id=\"x\"} 1\njobs_created{q=\"a\"} 12.5\n# EOF\n");
        ScrapeLoop loop = loop("");
        loop.scrape(1_000_000);
        assertEquals("up", loop.health().health());
        assertEquals(List.of(999_500.0, 3.0), List.of(samples("__name__", "jobs_total").get(0)[0], samples("__name__", "jobs_total").get(0)[1]));
        assertEquals(12.5, samples("__name__", "jobs_created").get(0)[1]);

        body.set("jobs_total{q=\"a\"} 4\n");
        loop.scrape(1_015_000);
        assertEquals("down", loop.health().health());
        assertEquals("data does not end with # EOF", loop.health().lastError());
    }

    @Test
    void theSampleLimitCountsWhatMetricRelabelingKeepsAndTheFailedScrapeReportsItsCounts() throws Exception {
        body.set("a 1\nb 2\ndropped 3\n");
        String relabel = "    metric_relabel_configs:\n      - source_labels: [__name__]\n        regex: dropped\n        action: drop\n";
        ScrapeLoop loop = loop("    sample_limit: 2\n" + relabel);
        loop.scrape(1_000_000);
        assertEquals("up", loop.health().health(), loop.health().lastError());

        body.set("a 1\nb 2\nc 3\ndropped 4\n");
        loop.scrape(1_015_000);
        assertEquals("sample limit exceeded", loop.health().lastError());
        assertEquals(List.of(1.0, 0.0), samples("__name__", "up").stream().map(s -> s[1]).toList());
        assertEquals(4.0, samples("__name__", "scrape_samples_scraped").get(1)[1], "every sample of the failed scrape");
        assertEquals(3.0, samples("__name__", "scrape_samples_post_metric_relabeling").get(1)[1]);
        assertTrue(StaleMarker.is(samples("__name__", "a").get(1)[1]), "the failed scrape ends a");
        assertTrue(samples("__name__", "c").isEmpty(), "nothing of the failed scrape is stored");
    }

    @Test
    void seriesWithTheirOwnTimestampsGetNoStalenessMarker() throws Exception {
        body.set("own 1 999000\nplain 2\n");
        ScrapeLoop loop = loop("");
        loop.scrape(1_000_000);
        body.set("other 3\n");
        loop.scrape(1_015_000);
        assertEquals(1, samples("__name__", "own").size(), "Prometheus leaves explicitly timestamped series alone");
        assertTrue(StaleMarker.is(samples("__name__", "plain").get(1)[1]));
    }

    @Test
    void scrapedNaNIsStoredAsPrometheusNormalNaNNeverAsAStaleMarker() throws Exception {
        body.set("n NaN\n");
        loop("").scrape(1_000_000);
        double stored = samples("__name__", "n").get(0)[1];
        assertEquals(0x7ff8000000000001L, Double.doubleToRawLongBits(stored));
    }

    @Test
    void aSeriesRepeatedInOneExpositionKeepsTheFirstValue() throws Exception {
        body.set("r{a=\"1\"} 1\nr{a=\"1\"} 2\n");
        ScrapeLoop loop = loop("");
        loop.scrape(1_000_000);
        assertEquals(List.of(1.0), samples("__name__", "r").stream().map(s -> s[1]).toList());
        assertEquals(2.0, samples("__name__", "scrape_samples_scraped").get(0)[1]);
    }
}
