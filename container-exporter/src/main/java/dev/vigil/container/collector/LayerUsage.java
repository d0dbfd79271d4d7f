package dev.vigil.container.collector;

import dev.vigil.container.proc.DirectoryUsage;
import dev.vigil.container.runtime.EngineInfo;
import dev.vigil.container.runtime.WritableLayers;
import dev.vigil.exporter.log.Log;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Docker containers' writable-layer usage, measured off the scrape path: walking a layer costs as
 * much as its files, so one background thread measures each layer at most every {@link #PERIOD}
 * (cAdvisor runs {@code du} on a similar timer) and scrapes read the last figure. A container seen
 * for the first time is measured within {@link #TICK}; containers no longer running are forgotten.
 */
final class LayerUsage implements AutoCloseable {
    private static final Log LOG = Log.get(LayerUsage.class);
    static final Duration PERIOD = Duration.ofMinutes(1);
    static final Duration TICK = Duration.ofSeconds(5);

    /** One measurement; {@code layer} empty when the container has no measurable layer. */
    private record Measured(Optional<Path> layer, DirectoryUsage.Usage usage, long atNanos) {
    }

    private final WritableLayers layers;
    private final LongSupplier nanoClock;
    private final Map<String, EngineInfo> wanted = new ConcurrentHashMap<>();
    private final Map<String, Measured> measured = new ConcurrentHashMap<>();
    private ScheduledExecutorService executor;

    LayerUsage(WritableLayers layers, LongSupplier nanoClock) {
        this.layers = layers;
        this.nanoClock = nanoClock;
    }

    /** The running Docker containers to measure (with their engine); others are forgotten. */
    synchronized void track(Set<String> containerIds, EngineInfo engine) {
        wanted.keySet().retainAll(containerIds);
        measured.keySet().retainAll(containerIds);
        containerIds.forEach(id -> wanted.put(id, engine));
        if (executor == null && !containerIds.isEmpty()) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "container-layer-usage");
                t.setDaemon(true);
                t.setPriority(Thread.MIN_PRIORITY);
                return t;
            });
            executor.scheduleWithFixedDelay(this::measureDue, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The last measurement of a container's layer, if it has one. */
    Optional<DirectoryUsage.Usage> usage(String containerId) {
        Measured m = measured.get(containerId);
        return m == null || m.layer().isEmpty() ? Optional.empty() : Optional.of(m.usage());
    }

    /** Measures every wanted layer not measured within {@link #PERIOD}: the background thread's tick (tests call it directly). */
    void measureDue() {
        for (Map.Entry<String, EngineInfo> e : wanted.entrySet()) {
            String id = e.getKey();
            Measured last = measured.get(id);
            long now = nanoClock.getAsLong();
            if (last != null && now - last.atNanos() < PERIOD.toNanos()) {
                continue;
            }
            try {
                Optional<Path> layer = last != null ? last.layer() : layers.layer(e.getValue(), id);
                DirectoryUsage.Usage usage = layer.isPresent() ? DirectoryUsage.of(layer.get())
                        : new DirectoryUsage.Usage(0, 0);
                if (wanted.containsKey(id)) { // not forgotten while we walked
                    measured.put(id, new Measured(layer, usage, nanoClock.getAsLong()));
                }
            } catch (IOException | RuntimeException ex) {
                LOG.debug("Writable layer not measured", "container", id, "err", ex.getMessage());
                measured.remove(id); // looked for again at the next tick
            }
        }
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
