package dev.vigil.hub.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.hub.config.ConfigLoader;
import dev.vigil.storage.Querier;
import dev.vigil.storage.SampleIterator;
import dev.vigil.storage.Series;
import dev.vigil.storage.Tsdb;
import dev.vigil.storage.TsdbOptions;
import dev.vigil.storage.index.Matcher;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hung target, a slow one and one sending garbage next to a healthy one, all on 1 s intervals:
 * the bad ones are down with a clear error and the healthy one is scraped on time regardless.
 */
class BadTargetsTest {
    @TempDir
    Path dir;

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void badTargetsDoNotDelayTheRest() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/good", exchange -> respond(exchange, "healthy 1\n"));
        server.createContext("/garbage", exchange -> respond(exchange, "\u0001 this is { not an exposition\n"));
        server.createContext("/slow", exchange -> {
            sleep(2500);
            respond(exchange, "slow 1\n");
        });
        server.createContext("/hung", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        String address = "127.0.0.1:" + server.getAddress().getPort();
        StringBuilder config = new StringBuilder("global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n");
        for (String path : List.of("good", "garbage", "slow", "hung")) {
            config.append("  - job_name: ").append(path).append("\n    metrics_path: /").append(path)
                    .append("\n    static_configs: [{targets: ['").append(address).append("']}]\n");
        }
        try (Tsdb tsdb = Tsdb.open(dir, TsdbOptions.DEFAULT);
                ScrapeManager manager = new ScrapeManager(new HttpFetcher("test"), tsdb::appender)) {
            manager.apply(ConfigLoader.parse("p.yml", config.toString()));
            Thread.sleep(5200);
            assertEquals("up", health(manager, "good").health());
            TargetHealth garbage = health(manager, "garbage");
            assertEquals("down", garbage.health());
            assertEquals("\"INVALID\" is not a valid start token", garbage.lastError());
            for (String late : List.of("slow", "hung")) {
                TargetHealth h = health(manager, late);
                assertEquals("down", h.health(), late);
                assertTrue(h.lastError().endsWith("context deadline exceeded"), late + ": " + h.lastError());
                assertTrue(h.lastScrapeDurationSeconds() < 1.5, late + " took " + h.lastScrapeDurationSeconds() + " s");
            }
            // 5.2 s at 1 s intervals: the healthy target got (almost) every scrape
            int scrapes = 0;
            try (Querier q = tsdb.querier(0, Long.MAX_VALUE)) {
                for (Series s : q.select(List.of(Matcher.equal("__name__", "healthy")))) {
                    SampleIterator it = s.iterator();
                    while (it.next()) {
                        scrapes++;
                    }
                }
            }
            assertTrue(scrapes >= 4, "healthy target scraped " + scrapes + " times in 5.2 s");
        }
    }

    @Test
    void aTargetWithTenMillionSeriesFailsOnItsSampleLimitAndLeavesNothingBehind() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/good", exchange -> respond(exchange, "healthy 1\n"));
        server.createContext("/huge", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = new java.io.BufferedOutputStream(exchange.getResponseBody(), 1 << 16)) {
                byte[] line = "s0000000 1\n".getBytes(StandardCharsets.US_ASCII); // 110 MB in all
                for (int i = 0; i < 10_000_000; i++) {
                    for (int d = 0, v = i; d < 7; d++, v /= 10) {
                        line[7 - d] = (byte) ('0' + v % 10);
                    }
                    out.write(line);
                }
            } catch (IOException e) {
                // the hub hung up
            }
        });
        server.start();
        String address = "127.0.0.1:" + server.getAddress().getPort();
        String config = "global:\n  scrape_interval: 2s\n  scrape_timeout: 2s\nscrape_configs:\n"
                + "  - job_name: huge\n    metrics_path: /huge\n    sample_limit: 50000\n"
                + "    static_configs: [{targets: ['" + address + "']}]\n"
                + "  - job_name: good\n    metrics_path: /good\n    static_configs: [{targets: ['" + address + "']}]\n";
        try (Tsdb tsdb = Tsdb.open(dir, TsdbOptions.DEFAULT);
                ScrapeManager manager = new ScrapeManager(new HttpFetcher("test"), tsdb::appender)) {
            manager.apply(ConfigLoader.parse("p.yml", config));
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (health(manager, "huge").lastError().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            TargetHealth huge = health(manager, "huge");
            assertEquals("down", huge.health());
            assertEquals("sample limit exceeded", huge.lastError());
            assertEquals("up", health(manager, "good").health());
            // as in Prometheus, the series appended before the limit was hit exist (empty, until head GC)
            // but no more than the limit, and no sample of the refused scrape is stored
            assertTrue(tsdb.head().numSeries() <= 50_100, tsdb.head().numSeries() + " series");
            try (Querier q = tsdb.querier(0, Long.MAX_VALUE)) {
                for (String name : List.of("s0000000", "s0049999")) {
                    for (Series series : q.select(List.of(Matcher.equal("__name__", name)))) {
                        assertTrue(!series.iterator().next(), name + " has a sample");
                    }
                }
            }
        }
    }

    private static TargetHealth health(ScrapeManager manager, String job) {
        return manager.byJob().get(job).get(0).health();
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
