package dev.vigil.bench.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thousand targets from file_sd, of which 10% hang (accept, never answer), 5% answer garbage, 5%
 * trickle their body slower than the scrape timeout and 80% are healthy (a few hundred moving
 * series each), scraped every 5 s with a 2 s timeout. Over a measured window (45 s by default)
 * every healthy target is up and scraped in every interval, every bad one is down with a clear
 * {@code lastError}, and scrape durations stay bounded: healthy ones far below the timeout, bad
 * ones cut at it.
 */
class ChaosTargetsIT {
    private static final int TARGETS = Integer.getInteger("reliability.chaos.targets", 1000);
    private static final int SERIES = Integer.getInteger("reliability.chaos.series", 200);
    private static final long WINDOW_S = Long.getLong("reliability.chaos.windowSeconds", 45);
    private static final long INTERVAL_MS = 5_000;
    private static final long TIMEOUT_MS = 2_000;

    @TempDir
    Path dir;

    static TargetFarm.Kind kindOf(int t) {
        return switch (t % 20) {
            case 0, 1 -> TargetFarm.Kind.HANG;
            case 2 -> TargetFarm.Kind.GARBAGE;
            case 3 -> TargetFarm.Kind.SLOW;
            default -> TargetFarm.Kind.HEALTHY;
        };
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void healthyTargetsAreScrapedOnTimeBesideBadOnes() throws Exception {
        TargetFarm.Kind[] kinds = new TargetFarm.Kind[TARGETS];
        Map<TargetFarm.Kind, Integer> perKind = new EnumMap<>(TargetFarm.Kind.class);
        for (int t = 0; t < TARGETS; t++) {
            kinds[t] = kindOf(t);
            perKind.merge(kinds[t], 1, Integer::sum);
        }
        int healthy = perKind.get(TargetFarm.Kind.HEALTHY);
        try (TargetFarm farm = new TargetFarm(kinds, SERIES)) {
            Path config = farm.writeConfig(dir, "chaos", "5s", "2s");
            HubProcess hub = new HubProcess(dir.resolve("hub.log"), "768m",
                    List.of("--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data")));
            try {
                hub.start();
                // every healthy target up (their first scrapes spread over one interval)
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                double up = 0;
                while (System.nanoTime() < deadline) {
                    Map<Map<String, String>, Double> v = Json.vector(hub.query("count(up{kind=\"healthy\"} == 1)",
                            System.currentTimeMillis()));
                    up = v.isEmpty() ? 0 : v.values().iterator().next();
                    if (up == healthy) {
                        break;
                    }
                    Thread.sleep(500);
                }
                assertEquals(healthy, (int) up, "healthy targets up before the window\n" + hub.tail());
                long windowStart = System.currentTimeMillis();
                Thread.sleep(WINDOW_S * 1000);
                long windowEnd = System.currentTimeMillis();
                Thread.sleep(TIMEOUT_MS + 1000); // scrapes started inside the window are committed
                assertTrue(hub.alive(), "the hub is up\n" + hub.tail());

                String range = "[" + (WINDOW_S + 1) + "s]";
                Map<Map<String, String>, List<double[]>> ups = Json.matrix(hub.query("up" + range, windowEnd));
                Map<Map<String, String>, List<double[]>> durations = Json.matrix(
                        hub.query("scrape_duration_seconds" + range, windowEnd));
                int onTime = 0;
                int missed = 0;
                long maxGap = 0;
                List<String> late = new ArrayList<>();
                List<Double> healthyMs = new ArrayList<>();
                double badMaxMs = 0;
                int badDownAlways = 0;
                for (int t = 0; t < TARGETS; t++) {
                    Map<String, String> labels = Map.of("__name__", "up", "instance", farm.address(t), "job", "chaos",
                            "kind", kinds[t].name().toLowerCase());
                    List<double[]> points = ups.getOrDefault(labels, List.of());
                    Map<String, String> durationLabels = new HashMap<>(labels);
                    durationLabels.put("__name__", "scrape_duration_seconds");
                    List<double[]> ds = durations.getOrDefault(durationLabels, List.of());
                    ScrapeTimes times = ScrapeTimes.of(points, windowStart, windowEnd, INTERVAL_MS);
                    if (kinds[t] == TargetFarm.Kind.HEALTHY) {
                        missed += times.missed();
                        maxGap = Math.max(maxGap, times.maxGapMillis());
                        if (times.missed() == 0 && times.allUp()) {
                            onTime++;
                        } else if (late.size() < 10) {
                            late.add(farm.address(t) + " " + times);
                        }
                        for (double[] d : ds) {
                            if (d[0] >= windowStart && d[0] <= windowEnd) {
                                healthyMs.add(d[1] * 1000);
                            }
                        }
                    } else {
                        boolean down = times.scrapes() > 0 && points.stream()
                                .filter(p -> p[0] >= windowStart && p[0] <= windowEnd).allMatch(p -> p[1] == 0);
                        badDownAlways += down ? 1 : 0;
                        for (double[] d : ds) {
                            badMaxMs = Math.max(badMaxMs, d[1] * 1000);
                        }
                    }
                }

                // lastError per kind, from /api/v1/targets
                Json.Obj targets = Json.parse(hub.get("/api/v1/targets").body()).obj("data");
                Map<String, Map<String, Integer>> errors = new TreeMap<>();
                int downWithError = 0;
                for (Object o : targets.list("activeTargets")) {
                    Json.Obj target = (Json.Obj) o;
                    String kind = target.obj("labels").str("kind");
                    String error = target.str("lastError");
                    if (!kind.equals("healthy")) {
                        errors.computeIfAbsent(kind, x -> new TreeMap<>()).merge(
                                error.replaceAll("127\\.0\\.0\\.1:\\d+", "ADDR"), 1, Integer::sum);
                        if (target.str("health").equals("down") && expectedError(kind, error)) {
                            downWithError++;
                        }
                    }
                }
                int bad = TARGETS - healthy;
                double p50 = Figures.percentile(healthyMs, 50);
                double p99 = Figures.percentile(healthyMs, 99);
                new Figures("chaos-targets").put("targets", TARGETS).put("healthy", healthy)
                        .put("series_per_healthy", SERIES).put("window_s", WINDOW_S)
                        .put("healthy_on_time_pct", 100.0 * onTime / healthy).put("missed_scrapes", missed)
                        .put("max_gap_ms", maxGap).put("healthy_scrape_ms_p50", p50).put("healthy_scrape_ms_p99", p99)
                        .put("healthy_scrape_ms_max", Figures.max(healthyMs))
                        .put("bad_down_with_error", downWithError + "/" + bad).put("bad_scrape_ms_max", badMaxMs).write();
                System.out.println("lastError by kind: " + errors);
                assertEquals(List.of(), late, "healthy targets late or down (" + missed + " missed scrapes)");
                assertEquals(healthy, onTime);
                assertEquals(bad, badDownAlways, "every bad target down at every scrape of the window");
                assertEquals(bad, downWithError, "bad targets with a clear lastError: " + errors);
                assertTrue(p99 < TIMEOUT_MS / 2.0, "healthy scrapes stay far below the timeout: p99 " + p99 + " ms");
                assertTrue(badMaxMs < TIMEOUT_MS + 500, "a hanging or trickling target is cut at the timeout: "
                        + badMaxMs + " ms");
            } finally {
                hub.close();
                hub.keepLog("chaos-targets");
            }
        }
    }

    /**
     * The error a user sees for each kind of bad target, in Prometheus 2.42's words: its timeout
     * text, and for the garbage body its text parser's message for a line that starts with
     * {@code <} (Prometheus' parse errors carry no line number, so the hub's do not either).
     */
    private static boolean expectedError(String kind, String error) {
        return switch (kind) {
            case "hang", "slow" -> error.endsWith("context deadline exceeded");
            case "garbage" -> error.equals("\"INVALID\" is not a valid start token");
            default -> false;
        };
    }
}
