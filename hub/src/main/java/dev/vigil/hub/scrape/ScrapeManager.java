package dev.vigil.hub.scrape;

import dev.vigil.hub.config.HubConfig;
import dev.vigil.storage.Appender;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Runs one loop per target. A loop starts at an offset within its interval derived from a hash of
 * the target (so a fleet's scrapes spread out, and the same target keeps its phase across
 * restarts), runs each scrape on a virtual thread and never overlaps itself. {@link #apply}
 * takes a new config: unchanged targets keep their loop, removed ones end their series with
 * staleness markers, new ones start.
 */
public final class ScrapeManager implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ScrapeManager.class.getName());

    private final ScrapeLoop.Fetcher fetcher;
    private final Supplier<Appender> appenders;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("scrape-timer").factory());
    private final Map<String, Running> loops = new LinkedHashMap<>();
    private List<ScrapeTarget.Dropped> dropped = List.of();

    private record Running(ScrapeLoop loop, ScheduledFuture<?> schedule) {
    }

    public ScrapeManager(ScrapeLoop.Fetcher fetcher, Supplier<Appender> appenders) {
        this.fetcher = fetcher;
        this.appenders = appenders;
    }

    /** Brings the running loops in line with {@code config} (static targets only). */
    public synchronized void apply(HubConfig config) {
        apply(config, Map.of());
    }

    /** Brings the running loops in line with {@code config} and the groups discovered per job. */
    public synchronized void apply(HubConfig config, Map<String, List<HubConfig.TargetGroup>> discovered) {
        Map<String, ScrapeTarget> wanted = new LinkedHashMap<>();
        List<ScrapeTarget.Dropped> nowDropped = new ArrayList<>();
        for (HubConfig.ScrapeConfig scrape : config.scrapeConfigs()) {
            ScrapeTarget.Targets targets = ScrapeTarget.of(scrape, discovered.getOrDefault(scrape.jobName(), List.of()));
            for (ScrapeTarget target : targets.active()) {
                wanted.putIfAbsent(target.key(), target);
            }
            nowDropped.addAll(targets.dropped());
        }
        dropped = List.copyOf(nowDropped);
        long now = System.currentTimeMillis();
        for (String key : new ArrayList<>(loops.keySet())) {
            if (!wanted.containsKey(key)) {
                Running gone = loops.remove(key);
                gone.schedule().cancel(false);
                gone.loop().stop(now);
            }
        }
        for (Map.Entry<String, ScrapeTarget> e : wanted.entrySet()) {
            if (!loops.containsKey(e.getKey())) {
                loops.put(e.getKey(), start(e.getValue()));
            }
        }
        // target_limit: a pool over it scrapes none of its targets, each reporting why (as Prometheus)
        Map<String, Integer> perPool = new HashMap<>();
        for (Running r : loops.values()) {
            perPool.merge(r.loop().target().config().jobName(), 1, Integer::sum);
        }
        for (Running r : loops.values()) {
            HubConfig.ScrapeConfig c = r.loop().target().config();
            long limit = c.limits().targetLimit();
            int count = perPool.get(c.jobName());
            r.loop().refuse(limit > 0 && count > limit
                    ? "target_limit exceeded (number of targets: " + count + ", limit: " + limit + ")" : null);
        }
        LOG.info(() -> "scraping " + loops.size() + " target(s) in " + config.scrapeConfigs().size() + " job(s)");
    }

    private Running start(ScrapeTarget target) {
        ScrapeLoop loop = new ScrapeLoop(target, fetcher, appenders);
        long interval = target.interval().toMillis();
        long offset = Math.floorMod(target.key().hashCode() * 0x9E3779B1L, interval);
        long delay = Math.floorMod(offset - System.currentTimeMillis() % interval, interval);
        AtomicBoolean busy = new AtomicBoolean();
        ScheduledFuture<?> schedule = timer.scheduleAtFixedRate(() -> {
            if (!busy.compareAndSet(false, true)) {
                return; // the previous scrape still runs (it is bounded by the timeout)
            }
            long timestamp = System.currentTimeMillis();
            Thread.ofVirtual().name("scrape " + target.url()).start(() -> {
                try {
                    loop.scrape(timestamp);
                } catch (RuntimeException e) {
                    LOG.warning(() -> "scrape of " + target.url() + " failed unexpectedly: " + e);
                } finally {
                    busy.set(false);
                }
            });
        }, delay, interval, TimeUnit.MILLISECONDS);
        return new Running(loop, schedule);
    }

    /** Every target with its scrape pool (job) and health, in config order. */
    public synchronized List<ScrapeLoop> loops() {
        List<ScrapeLoop> out = new ArrayList<>();
        for (Running r : loops.values()) {
            out.add(r.loop());
        }
        return out;
    }

    /** Targets relabeling dropped, for the API. */
    public synchronized List<ScrapeTarget.Dropped> dropped() {
        return dropped;
    }

    /** Targets by job, for the API. */
    public synchronized Map<String, List<ScrapeLoop>> byJob() {
        Map<String, List<ScrapeLoop>> out = new HashMap<>();
        for (Running r : loops.values()) {
            out.computeIfAbsent(r.loop().target().config().jobName(), k -> new ArrayList<>()).add(r.loop());
        }
        return out;
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
        loops.clear();
    }
}
