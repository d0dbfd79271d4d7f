package dev.vigil.bench.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fifty clients send heavy queries at once (range queries over every series, regex matchers, big
 * aggregations; the biggest within the limits holds about 620,000 samples, the one over them
 * 3-4 million) for 40 s while the hub scrapes 200 targets of 100 series every 2 s, with Prometheus'
 * query limits set low ({@code --query.max-concurrency=4}, {@code --query.max-samples=2000000},
 * {@code --query.timeout=30s}). The hub stays up within its heap, queries within the limits answer,
 * a query over the sample limit fails with {@code 422 execution}, one with a tiny {@code timeout}
 * with {@code 503 timeout}, and no scrape is missed meanwhile.
 */
class ConcurrentQueriesIT {
    private static final int TARGETS = 200;
    private static final int SERIES = 100;
    private static final int CLIENTS = Integer.getInteger("reliability.queries.clients", 50);
    private static final long SECONDS = Long.getLong("reliability.queries.seconds", 40);
    private static final long INTERVAL_MS = 2_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    /** One query of the mix; {@code expect} is what the limits make of it. */
    private record Heavy(String name, String expr, long rangeSeconds, double step, String extra, Expect expect) {
    }

    private enum Expect { ANSWER, TOO_MANY_SAMPLES, TIMEOUT }

    private static final List<Heavy> MIX = List.of(
            new Heavy("rate by instance 2m/4s", "sum by (instance) (rate(farm_value[10s]))", 120, 4, "", Expect.ANSWER),
            new Heavy("topk regex 2m/5s", "topk(10, farm_value{series=~\"1.*\"})", 120, 5, "", Expect.ANSWER),
            new Heavy("count by series, name and instance regex",
                    "count by (series) ({__name__=~\"farm_.+\", instance=~\"127\\\\.0\\\\.0\\\\.1:.*\"})", 0, 0, "",
                    Expect.ANSWER),
            new Heavy("quantile 2m/4s", "quantile(0.9, farm_value)", 120, 4, "", Expect.ANSWER),
            new Heavy("count_over_time 30s", "sum(count_over_time(farm_value[30s]))", 0, 0, "", Expect.ANSWER),
            new Heavy("every series 20s/0.1s", "farm_value", 20, 0.1, "", Expect.TOO_MANY_SAMPLES),
            new Heavy("avg_over_time with timeout=1ms", "avg by (series) (avg_over_time(farm_value[1m]))", 0, 0,
                    "&timeout=0.001", Expect.TIMEOUT));

    private static String url(HubProcess hub, Heavy q, long now) {
        String e = "query=" + URLEncoder.encode(q.expr(), StandardCharsets.UTF_8) + q.extra();
        return q.rangeSeconds() == 0 ? hub.url("/api/v1/query?" + e + "&time=" + now / 1000.0)
                : hub.url("/api/v1/query_range?" + e + "&start=" + (now - q.rangeSeconds() * 1000) / 1000.0 + "&end="
                        + now / 1000.0 + "&step=" + q.step());
    }

    /** What the hub answered: 200, or Prometheus' errorType with its HTTP status; "io" when it did not answer. */
    private static String outcome(HttpResponse<String> res) {
        if (res.statusCode() == 200) {
            return "200";
        }
        try {
            Json.Obj body = Json.parse(res.body());
            return res.statusCode() + " " + body.str("errorType") + ": " + body.str("error");
        } catch (RuntimeException notJson) {
            return res.statusCode() + " " + res.body();
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void heavyQueriesStayInTheirLimitsAndNoScrapeIsMissed() throws Exception {
        TargetFarm.Kind[] kinds = new TargetFarm.Kind[TARGETS];
        java.util.Arrays.fill(kinds, TargetFarm.Kind.HEALTHY);
        try (TargetFarm farm = new TargetFarm(kinds, SERIES)) {
            Path config = farm.writeConfig(dir, "fleet", "2s", "1s");
            HubProcess hub = new HubProcess(dir.resolve("hub.log"), "512m", List.of("--config.file=" + config,
                    "--storage.tsdb.path=" + dir.resolve("data"), "--query.max-concurrency=4",
                    "--query.max-samples=2000000", "--query.timeout=30s"));
            try {
                hub.start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                double up = 0;
                while (up < TARGETS && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                    Map<Map<String, String>, Double> v = Json.vector(hub.query("count(up == 1)", System.currentTimeMillis()));
                    up = v.isEmpty() ? 0 : v.values().iterator().next();
                }
                assertEquals(TARGETS, (int) up, "every target up before the queries\n" + hub.tail());
                Thread.sleep(15_000); // data for most of the 20 s range query on every series (3 million samples)
                Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
                Map<Expect, List<Long>> millis = new ConcurrentHashMap<>();
                List<String> wrong = Collections.synchronizedList(new ArrayList<>());
                long windowStart = System.currentTimeMillis();
                long stopAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
                List<Thread> clients = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int first = c;
                    clients.add(Thread.ofPlatform().name("query-client-" + c).start(() -> {
                        for (int i = first; System.nanoTime() < stopAt && i < first + 100_000; i++) {
                            Heavy q = MIX.get(i % MIX.size());
                            String outcome;
                            long t0 = System.nanoTime();
                            try {
                                HttpResponse<String> res = HTTP.send(HttpRequest.newBuilder(
                                        URI.create(url(hub, q, System.currentTimeMillis()))).timeout(Duration.ofSeconds(90))
                                        .build(), HttpResponse.BodyHandlers.ofString());
                                outcome = outcome(res);
                            } catch (IOException e) {
                                outcome = "io " + e;
                            } catch (InterruptedException e) {
                                return;
                            }
                            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                            millis.computeIfAbsent(q.expect(), x -> Collections.synchronizedList(new ArrayList<>())).add(ms);
                            String kind = outcome.startsWith("200") ? "200" : outcome.substring(0, Math.min(
                                    outcome.length(), outcome.indexOf(':') < 0 ? outcome.length() : outcome.indexOf(':')));
                            outcomes.computeIfAbsent(kind, x -> new LongAdder()).increment();
                            boolean expected = switch (q.expect()) {
                                case ANSWER -> outcome.equals("200");
                                case TOO_MANY_SAMPLES -> outcome.equals("422 execution: query processing would load too "
                                        + "many samples into memory in query execution");
                                case TIMEOUT -> outcome.startsWith("503 timeout: ");
                            };
                            if (!expected && wrong.size() < 20) {
                                wrong.add(q.name() + " -> " + outcome);
                            }
                        }
                    }));
                }
                for (Thread t : clients) {
                    t.join(TimeUnit.SECONDS.toMillis(SECONDS + 120));
                }
                long windowEnd = System.currentTimeMillis();
                assertTrue(clients.stream().noneMatch(Thread::isAlive), "every client finished");
                assertTrue(hub.alive(), "the hub is up\n" + hub.tail());
                long hwmKib = vmHwmKib(hub.pid());
                Thread.sleep(2_000);

                Map<Map<String, String>, List<double[]>> ups = Json.matrix(hub.query(
                        "up[" + ((windowEnd - windowStart) / 1000 + 5) + "s]", windowEnd));
                int missed = 0;
                long maxGap = 0;
                List<String> late = new ArrayList<>();
                for (int t = 0; t < TARGETS; t++) {
                    ScrapeTimes times = ScrapeTimes.of(ups.getOrDefault(Map.of("__name__", "up", "instance", farm.address(t),
                            "job", "fleet", "kind", "healthy"), List.of()), windowStart, windowEnd, INTERVAL_MS);
                    missed += times.missed();
                    maxGap = Math.max(maxGap, times.maxGapMillis());
                    if ((times.missed() > 0 || !times.allUp()) && late.size() < 10) {
                        late.add(farm.address(t) + " " + times);
                    }
                }
                List<Long> answered = millis.getOrDefault(Expect.ANSWER, List.of());
                long total = outcomes.values().stream().mapToLong(LongAdder::sum).sum();
                new Figures("concurrent-queries").put("clients", CLIENTS).put("seconds", SECONDS)
                        .put("series", TARGETS * (SERIES + 1)).put("queries", total)
                        .put("answered_ms_p50", Figures.percentile(answered, 50))
                        .put("answered_ms_p99", Figures.percentile(answered, 99))
                        .put("outcomes", new TreeMap<>(outcomes).toString().replace(" ", ""))
                        .put("scrapes_missed", missed).put("max_scrape_gap_ms", maxGap)
                        .put("hub_heap", "512m").put("hub_rss_peak_mib", hwmKib / 1024).write();
                assertEquals(List.of(), wrong, "queries that did not end as their limits say");
                assertEquals(List.of(), late, "targets with missed scrapes while queries ran (" + missed + ")");
                assertFalse(hub.logText().contains("OutOfMemoryError"), hub.tail());
                assertTrue(answered.size() > CLIENTS, "queries within the limits answered: " + answered.size());
            } finally {
                hub.close();
                hub.keepLog("concurrent-queries");
            }
        }
    }

    /** The process' peak resident set (VmHWM), in KiB; 0 when /proc does not say. */
    private static long vmHwmKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
