package dev.vigil.bench.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty {@code kill -9} cycles of the hub while it ingests through both paths: it scrapes a
 * target of this test every second, and a writer posts remote-write batches of known samples all
 * the time, across the kills, retrying a batch until it is acknowledged (2xx), as a real sender
 * does. Each cycle ingests for a random 1-3 s, notes what queries return, kills the hub and starts
 * it again on the same data directory, timing restart-to-ready. At the end every acknowledged
 * sample is there with its value (no more, no fewer), and no count over a past range of the
 * scraped series has shrunk.
 */
class KillCyclesIT {
    private static final int CYCLES = Integer.getInteger("reliability.killCycles", 20);

    @TempDir
    Path dir;

    /** What a query over the scraped series returned before a kill: at this time, these counts. */
    private record Seen(long atMillis, Map<Map<String, String>, Double> counts) {
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void everyAcknowledgedSampleSurvivesTwentyKills() throws Exception {
        long seed = Long.getLong("reliability.seed", System.nanoTime());
        Random random = new Random(seed);
        RemoteWriter writer = new RemoteWriter("rw_kill", 20, 5);
        SortedMap<Long, Long> ackedBases = Collections.synchronizedSortedMap(new TreeMap<>()); // batch -> base time
        List<Seen> seen = new ArrayList<>();
        List<Long> readyMillis = new ArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong refused = new AtomicLong();
        try (TargetFarm farm = new TargetFarm(new TargetFarm.Kind[] {TargetFarm.Kind.HEALTHY}, 50)) {
            Path config = dir.resolve("prometheus.yml");
            Files.writeString(config, "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n"
                    + "  - job_name: farm\n    static_configs:\n      - targets: [\"" + farm.address(0) + "\"]\n");
            HubProcess hub = new HubProcess(dir.resolve("hub.log"), "256m", List.of("--config.file=" + config,
                    "--storage.tsdb.path=" + dir.resolve("data"), "--alertmanager.storage.path=" + dir.resolve("am")));
            Thread poster = null;
            try {
                hub.start();
                String url = hub.url("/api/v1/write");
                poster = Thread.ofPlatform().name("rw-poster").start(() -> {
                    long k = 0;
                    long lastBase = 0;
                    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                    try {
                        while (writing.get() && System.nanoTime() < deadline) {
                            long base = Math.max(System.currentTimeMillis(), lastBase + writer.perSeries());
                            byte[] body = writer.batch(k, base);
                            // Retried until acknowledged, across the kill: a sender's at-least-once.
                            while (System.nanoTime() < deadline) {
                                int status = RemoteWriter.post(url, body);
                                if (status / 100 == 2) {
                                    ackedBases.put(k, base);
                                    break;
                                }
                                if (status >= 400 && status < 500) {
                                    refused.incrementAndGet(); // counted and asserted 0 below
                                    break;
                                }
                                Thread.sleep(20);
                            }
                            lastBase = base;
                            k++;
                            Thread.sleep(20);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                for (int cycle = 0; cycle < CYCLES; cycle++) {
                    Thread.sleep(1000 + random.nextInt(2001));
                    long now = System.currentTimeMillis();
                    seen.add(new Seen(now, Json.vector(hub.query("count_over_time(farm_value[1h])", now))));
                    hub.kill();
                    hub.start();
                    readyMillis.add(hub.lastReadyMillis());
                }
                Thread.sleep(1500); // a last batch or two after the final restart
                writing.set(false);
                poster.join(30_000);
                assertTrue(!poster.isAlive(), "the writer stopped");
                assertEquals(0, refused.get(), "batches refused with 4xx\n" + hub.tail());

                // Remote write: exactly the acknowledged samples, with their values.
                SortedMap<Long, Long> batches;
                synchronized (ackedBases) {
                    batches = new TreeMap<>(ackedBases);
                }
                RemoteWriter.Check check = writer.check(hub, batches);
                long acked = check.expected();
                long lost = check.missing();
                long extra = check.unexpected();

                // Scrape: no count over a past range shrank.
                long shrunk = 0;
                StringBuilder shrinks = new StringBuilder();
                for (Seen before : seen) {
                    Map<Map<String, String>, Double> after = Json.vector(hub.query("count_over_time(farm_value[1h])",
                            before.atMillis()));
                    for (Map.Entry<Map<String, String>, Double> e : before.counts().entrySet()) {
                        double now = after.getOrDefault(e.getKey(), 0.0);
                        if (now < e.getValue()) {
                            shrunk += (long) (e.getValue() - now);
                            shrinks.append("\n  at ").append(before.atMillis()).append(' ').append(e.getKey())
                                    .append(": ").append(e.getValue()).append(" -> ").append(now);
                        }
                    }
                }
                long scrapedSeen = (long) seen.get(seen.size() - 1).counts().values().stream()
                        .mapToDouble(Double::doubleValue).sum();
                List<Long> sortedReady = readyMillis.stream().sorted().toList();
                // A kill in the middle of a WAL write leaves a torn record, cut at the next start (logged).
                long tailsCut = hub.logText().lines().filter(l -> l.contains("bad record after")).count();
                new Figures("kill-cycles").put("cycles", CYCLES).put("seed", seed)
                        .put("rw_samples_acked", acked).put("rw_lost", lost).put("rw_unexpected", extra)
                        .put("scraped_samples_checked", scrapedSeen).put("scraped_lost", shrunk)
                        .put("ready_ms_median", sortedReady.get(sortedReady.size() / 2))
                        .put("ready_ms_max", sortedReady.get(sortedReady.size() - 1)).put("wal_tails_cut", tailsCut).write();
                assertTrue(acked > 0 && scrapedSeen > 0, "something was ingested");
                assertEquals(0, lost, "acknowledged remote-write samples missing or changed (seed " + seed + ")");
                assertEquals(0, extra, "samples never sent");
                assertEquals(0, shrunk, "scraped samples a query returned before a kill and not after:" + shrinks);
            } finally {
                writing.set(false);
                if (poster != null) {
                    poster.interrupt();
                    poster.join(10_000);
                }
                hub.close();
                hub.keepLog("kill-cycles");
            }
        }
    }
}
